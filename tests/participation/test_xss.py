"""Sixty cross-site scripting payloads posted as comments, report texts, debate
proposals and nicknames come back escaped on every page that shows them: the debate
page, the profile, the moderation queue and item pages (tests/participation/
xss_payloads.py; tests/browser/test_debate_xss.py visits the same pages in Chromium)."""

import time

from django.core import signing

import pytest

from participation.forms import CommentForm, ProposalForm, ReportForm
from participation.models import Comment, DebateProposal, Report
from tests.participation.page_safety import unsafe_markup
from tests.participation.xss_payloads import PAYLOADS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_contributions")]


@pytest.fixture(autouse=True)
def _no_limits(settings):
    settings.RATELIMIT_ENABLE = False
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0


def rendered(form_class):
    return signing.dumps(time.time() - 60, salt=form_class.human_check_salt)


def check(html):
    assert unsafe_markup(html) == []
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in html, payload


def post_payload_comments(client, debate, user):
    client.force_login(user)
    for payload in PAYLOADS:
        response = client.post(
            f"/es/participacion/debates/{debate.pk}/comentar/",
            {"comment": payload, "language": "es", "rendered": rendered(CommentForm)},
        )
        # A NUL byte is refused before any view (cms.null_bytes): a clear 400.
        assert response.status_code == (400 if "\x00" in payload else 302), payload
    return Comment.objects.filter(user=user).order_by("pk")


def test_comments_and_report_texts(client, debate, citizens, moderator):
    comments = list(post_payload_comments(client, debate, citizens[0]))
    stored = [p for p in PAYLOADS if "\x00" not in p]
    assert [c.comment for c in comments] == stored  # kept as typed, escaped on output
    client.force_login(citizens[1])
    for comment, payload in zip(comments, stored, strict=True):
        response = client.post(
            f"/es/participacion/comentarios/{comment.pk}/reportar/",
            {"reason": "other", "text": payload, "rendered": rendered(ReportForm)},
        )
        assert response.status_code in (302, 400), payload
    assert Report.objects.filter(user=citizens[1]).count() == len(stored)
    for path in (debate.url, f"/es/participacion/perfil/{citizens[0].participant.pk}/"):
        response = client.get(path)
        assert response.status_code == 200
        check(response.content.decode())
    client.force_login(moderator)
    check(client.get("/admin/moderacion/?tab=comments").content.decode())
    for comment in comments[:: max(1, len(comments) // 12)]:
        response = client.get(f"/admin/moderacion/comentarios/{comment.pk}/")
        assert response.status_code == 200
        check(response.content.decode())


def test_debate_proposals(client, citizen, moderator):
    client.force_login(citizen)
    for payload in PAYLOADS:
        response = client.post(
            "/es/participacion/debates/proponer/",
            {
                "title": payload[:200],
                "description": f"Descripción {payload}",
                "rendered": rendered(ProposalForm),
            },
        )
        assert response.status_code in (302, 400), payload
    proposals = DebateProposal.objects.filter(author=citizen)
    assert proposals.count() >= len(PAYLOADS) - 2
    client.force_login(moderator)
    check(client.get("/admin/moderacion/?tab=proposals").content.decode())
    for proposal in proposals[:: max(1, proposals.count() // 12)]:
        check(client.get(f"/admin/moderacion/propuestas/{proposal.pk}/").content.decode())


def test_nicknames_are_refused_and_echoed_escaped(client, citizen):
    client.force_login(citizen)
    for payload in PAYLOADS:
        response = client.post("/es/participacion/perfil/", {"nickname": payload})
        assert response.status_code in (200, 400), payload
        check(response.content.decode())
    from participation.models import Profile

    assert not Profile.objects.filter(user=citizen, nickname__contains="<").exists()
