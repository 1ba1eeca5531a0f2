"""Every permission-gated admin menu item is a cms.admin_menu.RuleMenuItem, and it is
shown to exactly the roles its view answers 200 to."""

from django.test import RequestFactory

from wagtail import hooks

import pytest

from cms.admin_menu import RuleMenuItem

GROUPS = {
    "author": ["Autores"],
    "editor": ["Editores"],
    "moderator": ["Moderadores"],
    "pqr": ["Funcionarios PQRSD"],
    "control": ["Control Interno"],
}


def _gated_items():
    items = []
    for hook in ("register_admin_menu_item", "register_reports_menu_item"):
        for register in hooks.get_hooks(hook):
            item = register()
            if isinstance(item, RuleMenuItem):
                items.append(item)
    return items


def test_the_three_gated_items_use_the_one_helper(db):
    urls = {item.url for item in _gated_items()}
    assert {
        "/admin/pqrsd/",
        "/admin/reports/busquedas/",
        "/admin/encuestas/",
        "/admin/encuestas/valoracion/",
        "/admin/encuestas/moderacion/",
    } <= urls


@pytest.mark.parametrize("role", sorted(GROUPS) + ["superuser"])
def test_menu_item_shown_exactly_when_the_view_answers(client, demo_site, make_user, role):
    if role == "superuser":
        user = make_user("menu-super@test.example", is_superuser=True, is_staff=True)
    else:
        user = make_user(f"menu-{role}@test.example", groups=GROUPS[role])
    if role == "pqr":
        from pqr.models import OfficerProfile

        OfficerProfile.objects.create(user=user, sees_all=True)
    client.force_login(user)
    request = RequestFactory().get("/admin/")
    request.user = user
    for item in _gated_items():
        status = client.get(item.url).status_code
        assert item.is_shown(request) == (status == 200), (role, item.url, status)
