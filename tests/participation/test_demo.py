"""The demo debates: the index and its code of conduct, an open debate with a moderated
three-level thread, a closed one with its conclusion, a pending proposal; idempotent."""

from wagtail.models import Locale

import pytest

from cms.demo.dependencies import load_dependencies
from cms.demo.loader import DemoLoader
from participation import demo
from participation.models import (
    Comment,
    DebateIndexPage,
    DebatePage,
    DebateProposal,
    Reaction,
    Report,
)

pytestmark = pytest.mark.django_db

OPEN = "movilidad-autopista-sur"
CLOSED = "humedales-neuta-tierra-blanca"


def spanish_debate(slug):
    return DebatePage.objects.get(slug=slug, locale__language_code="es")


def test_demo_index_links_the_code_of_conduct_in_both_languages(demo_site):
    index = DebateIndexPage.objects.get(slug="debates", locale__language_code="es")
    assert index.get_parent().slug == "participa"
    assert index.code_of_conduct.slug == "normas-de-participacion"
    assert index.code_of_conduct.live
    english = index.get_translation(Locale.objects.get(language_code="en"))
    assert english.live
    assert english.code_of_conduct.locale.language_code == "en"
    assert english.code_of_conduct.translation_key == index.code_of_conduct.translation_key


def test_demo_open_debate_has_a_real_thread(demo_site):
    """20+ comments in three levels from 5+ authors, with reactions; the English page
    is live."""
    debate = spanish_debate(OPEN)
    assert debate.is_open
    assert debate.dependency is not None
    comments = Comment.objects.filter(page=debate)
    assert comments.count() >= 20
    assert set(comments.values_list("level", flat=True)) == {0, 1, 2}
    assert comments.values("user").distinct().count() >= 5
    assert Reaction.objects.filter(comment__page=debate).exists()
    english = DebatePage.objects.get(
        translation_key=debate.translation_key, locale__language_code="en"
    )
    assert english.live
    assert english.question != debate.question
    assert english.dependency.locale.language_code == "en"


def test_demo_open_debate_shows_every_moderation_state(demo_site):
    """One hidden with its reason (by the moderator), one reported below the threshold
    and waiting, one pending (word list), one withdrawn whose replies stay."""
    comments = Comment.objects.filter(page=spanish_debate(OPEN))
    hidden = comments.get(status=Comment.HIDDEN)
    assert hidden.hidden_reason == "offensive"
    reported = comments.get(status=Comment.PUBLISHED, report_count__gt=0)
    waiting = Report.objects.filter(comment=reported, resolved_at__isnull=True).count()
    assert 1 <= waiting < 3
    assert comments.filter(status=Comment.PENDING).count() == 1
    withdrawn = comments.get(status=Comment.WITHDRAWN)
    replies = comments.filter(parent_id=withdrawn.pk).exclude(pk=withdrawn.pk)
    assert replies.filter(status=Comment.PUBLISHED).count() >= 2


def test_demo_closed_debate_has_its_conclusion_and_comments(demo_site):
    debate = spanish_debate(CLOSED)
    assert debate.phase() == "closed"
    assert "Secretaría de Ambiente" in debate.conclusion
    dates = Comment.objects.filter(page=debate).values_list("submit_date", flat=True)
    assert len(dates) >= 5
    assert all(debate.opens_at <= date <= debate.closes_at for date in dates)


def test_demo_proposal_waits_and_is_not_public(demo_site):
    proposal = DebateProposal.objects.get(author__email="ciudadana@soacha.example")
    assert proposal.status == DebateProposal.PENDING
    assert proposal.debate is None
    assert not DebatePage.objects.filter(title=proposal.title).exists()


def test_demo_comments_show_nicknames_never_emails(demo_site):
    comments = Comment.objects.filter(page__slug__in=[OPEN, CLOSED])
    assert comments.exists()
    assert not comments.filter(user_name__contains="@").exists()
    assert not comments.exclude(user_email="").exists()


def test_demo_debates_load_again_creates_nothing(demo_site):
    before = (Comment.objects.count(), Reaction.objects.count(), Report.objects.count())
    loader = DemoLoader()
    loader.home = demo_site.root_page.specific
    loader.dependencies = load_dependencies(loader)
    assert demo.load(loader) == 0
    assert (Comment.objects.count(), Reaction.objects.count(), Report.objects.count()) == before


def test_bench_seeding_makes_exact_three_level_threads(demo_site, monkeypatch):
    """``seed_bench_debates`` (run by scripts/bench.py only) gives a debate exactly its
    number of comments in levels 0, 1 and 2, and runs again without adding any."""
    from django.core.management import call_command

    from participation.management.commands import seed_bench_debates

    monkeypatch.setattr(seed_bench_debates, "SIZES", (30,))
    call_command("seed_bench_debates")
    call_command("seed_bench_debates")
    comments = Comment.objects.filter(page__slug="bench-30-comentarios")
    assert comments.count() == 30
    assert set(comments.values_list("level", flat=True)) == {0, 1, 2}
