"""The sixty XSS payloads of tests/participation/xss_payloads.py as comments, report
texts and a proposal, opened in Chromium: no page raises a dialog."""

import pytest

from tests.participation.xss_payloads import PAYLOADS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.browser
def test_payload_pages_raise_no_dialog(browser, portal_url, make_user):
    from django.test import Client

    from participation import contributions
    from participation.models import DebatePage

    debate = next(
        d for d in DebatePage.objects.live().filter(locale__language_code="es") if d.is_open
    )
    author = make_user("payloads@xss.example")
    reporter = make_user("reporta@xss.example")
    moderator = make_user("moderador@xss.example", groups=["Moderadores"])
    comments = [
        contributions.post_comment(author, debate.specific, payload, "es")
        for payload in PAYLOADS
        if "\x00" not in payload
    ]
    contributions.report(reporter, "other", PAYLOADS[0], comment=comments[0])
    proposal = contributions.propose_debate(author, PAYLOADS[9][:200], PAYLOADS[31], None, "es")

    client = Client()
    client.force_login(moderator)
    context = browser.new_context(locale="es-CO")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": portal_url}]
    )
    dialogs = []
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in (
        debate.url,
        f"/es/participacion/perfil/{author.participant.pk}/",
        "/admin/moderacion/",
        f"/admin/moderacion/comentarios/{comments[0].pk}/",
        f"/admin/moderacion/propuestas/{proposal.pk}/",
    ):
        response = tab.goto(portal_url + path)
        assert response.status == 200, path
        tab.wait_for_timeout(300)
    context.close()
    assert dialogs == []
