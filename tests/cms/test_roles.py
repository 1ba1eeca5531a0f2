"""Who may do what with pages: the role x action matrix of DESIGN.md."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowPage
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from cms.roles import STAFF_GROUPS, WORKFLOW_NAME
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(demo_site):
    return StandardPage.objects.get(slug="noticias", locale__language_code="es")


def new_page_data(title, **actions):
    data = nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "introduction": "",
            "body": streamfield([]),
        }
    )
    data.update(actions)
    return data


def add_page_url(parent):
    return reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk))


def test_roles_exist_on_a_fresh_install():
    """The data migration creates every staff group of DESIGN.md."""
    assert set(STAFF_GROUPS) <= set(Group.objects.values_list("name", flat=True))
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_editorial_workflow_is_assigned_to_the_root():
    """'Aprobación editorial' covers every page, with the editors as approvers."""
    workflow = Workflow.objects.get(name=WORKFLOW_NAME, active=True)
    assert WorkflowPage.objects.get(page__depth=1).workflow == workflow
    task = workflow.workflow_tasks.get().task.specific
    assert list(task.groups.values_list("name", flat=True)) == ["Editores"]


@pytest.mark.parametrize(
    "role, can_add, can_edit, can_publish",
    [
        ("author", True, True, False),
        ("editor", True, True, True),
        ("moderator", False, False, False),
        ("citizen", False, False, False),
    ],
)
def test_page_permission_matrix(request, section, role, can_add, can_edit, can_publish):
    """Authors draft, editors publish, moderators and citizens do neither."""
    user = request.getfixturevalue(role)
    permissions = section.permissions_for_user(user)
    assert permissions.can_add_subpage() is can_add
    assert permissions.can_edit() is can_edit
    assert permissions.can_publish() is can_publish


def test_anonymous_cannot_reach_the_admin(client):
    """The admin sends anonymous visitors to the sign-in page."""
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/cuentas/login/" in response["Location"]


def test_wagtail_login_form_redirects_to_allauth(client):
    """Staff sign in through allauth (email and MFA), not Wagtail's own form."""
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/es/cuentas/login/")
    assert "next=/admin/pages/" in response["Location"]


def test_citizen_cannot_use_the_admin(client, citizen):
    """A registered citizen is not staff: the admin refuses them."""
    client.force_login(citizen)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert client.get("/admin/pages/").status_code in (302, 403)


@pytest.mark.parametrize("role", ["author", "editor", "moderator"])
def test_staff_roles_reach_the_admin(client, request, role):
    """Every staff group may open the admin dashboard."""
    client.force_login(request.getfixturevalue(role))
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("role", ["author", "editor", "moderator"])
def test_only_superusers_manage_users_and_groups(client, request, role, superuser):
    """Users and groups are for the Oficina de Sistemas (superusers) only."""
    client.force_login(request.getfixturevalue(role))
    assert client.get("/admin/users/").status_code in (302, 403)
    assert client.get("/admin/groups/").status_code in (302, 403)
    client.force_login(superuser)
    assert client.get("/admin/users/").status_code == 200
    assert client.get("/admin/groups/").status_code == 200


def test_author_cannot_publish_even_by_posting_publish(client, author, section):
    """An author's 'publish' POST leaves the page unpublished."""
    client.force_login(author)
    response = client.post(
        add_page_url(section), new_page_data("Nota de autor", **{"action-publish": "1"})
    )
    assert response.status_code in (200, 302, 403)
    page = StandardPage.objects.get(slug="nota-de-autor")
    assert page.live is False


def test_editor_publishes_directly(client, editor, section):
    """An editor can create and publish a page in one step."""
    client.force_login(editor)
    response = client.post(
        add_page_url(section), new_page_data("Nota del editor", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="nota-del-editor")
    assert page.live is True
    client.logout()
    assert client.get("/es/noticias/nota-del-editor/").status_code == 200


def test_moderator_cannot_create_pages(client, moderator, section):
    """Moderators keep forums civil; they cannot add pages."""
    client.force_login(moderator)
    response = client.get(add_page_url(section))
    assert response.status_code in (302, 403)
    assert Page.objects.filter(slug="intruso").count() == 0
