"""The moderation admin in Chromium: every page passes axe-core (labels, headings,
table headers), before and after a decision, with screenshots in test-artifacts/."""

import pytest

from tests.participation.samples_admin import moderation_items

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _sign_in(tab, base_url, user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    tab.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


@pytest.mark.browser
def test_moderation_pages_pass_axe(page, portal_url, screenshot, axe_check, make_user):
    from participation import moderation

    items = moderation_items()
    moderator = make_user("moderadora@navegador.example", groups=["Moderadores"])
    moderation.hide_comment(items.reply, moderator, "spam", "Nota")
    _sign_in(page, portal_url, moderator)
    pages = {
        "queue-comments": "/admin/moderacion/",
        "queue-debates": "/admin/moderacion/?tab=debates",
        "queue-proposals": "/admin/moderacion/?tab=proposals",
        "queue-recent": "/admin/moderacion/?tab=recent",
        "comment": f"/admin/moderacion/comentarios/{items.held.pk}/",
        "debate": f"/admin/moderacion/debates/{items.reported_debate.pk}/",
        "proposal": f"/admin/moderacion/propuestas/{items.proposal.pk}/",
        "blocks": "/admin/moderacion/bloqueos/",
    }
    for name, path in pages.items():
        page.goto(portal_url + path)
        screenshot(page, f"moderation-{name}")
        axe_check(page)
    page.goto(f"{portal_url}/admin/moderacion/comentarios/{items.held.pk}/")
    page.locator("#decision-hide").get_by_role("button").click()
    axe_check(page)  # the form again, with its error
    page.locator("#decision-hide select").select_option("offensive")
    page.locator("#decision-hide").get_by_role("button").click()
    page.wait_for_url("**/admin/moderacion/?tab=comments")
    page.locator(".messages .success").first.wait_for(state="visible")
    page.wait_for_timeout(1_000)  # the admin's message fades in
    screenshot(page, "moderation-after-hide")
    axe_check(page)
