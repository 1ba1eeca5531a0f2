"""Debate proposals: never public while pending; accepting publishes a live debate
under the index of the proposal's language, shown by the author's nickname (never
their e-mail); rejecting publishes nothing and tells the author why."""

from datetime import timedelta

from django.core import mail
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone

from wagtail.models import Locale, ModelLogEntry

import pytest

from participation import contributions, moderation
from participation.models import DebateIndexPage, DebatePage, DebateProposal

pytestmark = pytest.mark.django_db

DESCRIPTION = "Proponemos <script>alert(1)</script> una ciclovía.\n\nSegundo párrafo & más."


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def proposal(debate_index, citizen):
    return contributions.propose_debate(
        citizen, "Ciclovía en la autopista Sur", DESCRIPTION, None, "es"
    )


def _url(proposal):
    return f"/admin/moderacion/propuestas/{proposal.pk}/"


def _template_or_skip(name):
    try:
        get_template(name)
    except TemplateDoesNotExist:
        pytest.skip(f"{name} is not built yet (public debate templates)")


def test_a_pending_proposal_is_not_public(client, proposal, debate_index):
    assert not DebatePage.objects.filter(title=proposal.title).exists()
    assert not DebateProposal.objects.get(pk=proposal.pk).debate
    _template_or_skip("participation/debate_index_page.html")
    assert proposal.title not in client.get(debate_index.url).content.decode()


def test_accept_publishes_a_live_debate(
    moderator_client, moderator, proposal, debate_index, citizen, django_capture_on_commit_callbacks
):
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            _url(proposal),
            {"action": "accept", "accept-question": "¿Una ciclovía?", "accept-days": "14"},
        )
    assert response.status_code == 302
    proposal.refresh_from_db()
    page = proposal.debate
    assert proposal.status == DebateProposal.ACCEPTED and proposal.decided_by == moderator
    assert page.live and page.get_parent().pk == debate_index.pk
    assert (page.title, page.question) == (proposal.title, "¿Una ciclovía?")
    assert page.proposed_by.user == citizen
    assert before <= page.opens_at <= timezone.now()
    assert page.closes_at - page.opens_at == timedelta(days=14)
    assert page.context.startswith("<p>Proponemos &lt;script&gt;alert(1)&lt;/script&gt;")
    assert "<p>Segundo párrafo &amp; más.</p>" in page.context
    assert page.revisions.get().user == moderator
    entry = ModelLogEntry.objects.for_instance(proposal).get()
    assert (entry.action, entry.user, entry.data["debate"]) == (
        moderation.ACCEPT_PROPOSAL,
        moderator,
        page.pk,
    )
    (message,) = mail.outbox
    assert message.to == [citizen.email]
    assert page.url in message.body  # the debate_url of the e-mail


def test_the_debate_page_shows_the_nickname_never_the_email(client, moderator, proposal, citizen):
    page = moderation.accept_proposal(proposal, moderator)
    _template_or_skip("participation/debate_page.html")
    html = client.get(page.url).content.decode()
    assert citizen.participant.nickname in html
    assert citizen.email not in html


def test_accept_under_the_index_of_the_proposal_language(moderator, citizen, debate_index):
    for index in DebateIndexPage.objects.filter(locale__language_code="en"):
        index.delete()
    english = contributions.propose_debate(citizen, "Bike lanes", "Let us talk.", None, "en")
    assert moderation.accept_proposal(english, moderator).get_parent().pk == debate_index.pk
    en_index = debate_index.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    other = contributions.propose_debate(citizen, "More parks", "Please.", None, "en")
    assert moderation.accept_proposal(other, moderator).get_parent().pk == en_index.pk


def test_reject_with_a_reason(
    moderator_client, moderator, proposal, citizen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            _url(proposal), {"action": "reject", "reject-reason": "Ya existe un debate igual."}
        )
    proposal.refresh_from_db()
    assert proposal.status == DebateProposal.REJECTED and proposal.debate is None
    assert proposal.reason == "Ya existe un debate igual." and proposal.decided_by == moderator
    assert not DebatePage.objects.filter(title=proposal.title).exists()
    entry = ModelLogEntry.objects.for_instance(proposal).get()
    assert (entry.action, entry.data["reason"]) == (
        moderation.REJECT_PROPOSAL,
        "Ya existe un debate igual.",
    )
    (message,) = mail.outbox
    assert "Ya existe un debate igual." in message.body and "?tipo=claim" in message.body


@pytest.mark.parametrize(
    "data",
    [
        {"action": "reject", "reject-reason": "   "},
        {"action": "reject"},
        {"action": "accept", "accept-question": "¿Sí?", "accept-days": "0"},
        {"action": "accept", "accept-question": "¿Sí?", "accept-days": "999"},
        {"action": "accept", "accept-question": "¿Sí?", "accept-days": "abc"},
        {"action": "accept", "accept-question": "", "accept-days": "30"},
        {"action": "publish"},
    ],
)
def test_bad_input_changes_nothing(moderator_client, proposal, data):
    pages = DebatePage.objects.count()
    response = moderator_client.post(_url(proposal), data)
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == DebateProposal.PENDING
    assert DebatePage.objects.count() == pages and mail.outbox == []
    assert not ModelLogEntry.objects.for_instance(proposal).exists()


def test_a_decided_proposal_cannot_be_decided_again(moderator_client, moderator, proposal):
    moderation.accept_proposal(proposal, moderator)
    pages = DebatePage.objects.count()
    response = moderator_client.post(
        _url(proposal), {"action": "accept", "accept-question": "¿Otra vez?", "accept-days": "30"}
    )
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert DebatePage.objects.count() == pages


def test_without_a_debate_index_nothing_is_accepted(moderator_client, proposal):
    for index in DebateIndexPage.objects.all():
        index.delete()
    response = moderator_client.post(
        _url(proposal), {"action": "accept", "accept-question": "¿Sí?", "accept-days": "30"}
    )
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == DebateProposal.PENDING and not DebatePage.objects.exists()
