"""The demo consultations and the "Participa" landing (participation/demo_consultations.py):
an open consultation on a 12-article draft decree with observations, a reply and
positions; a concluded one with its whole answers matrix, conclusion, final text and
decrees in the normatividad library; the landing with its six sections in es and en.
Loading again creates nothing. Checked at the model level (the consultation pages'
templates are another part of the issue)."""

from wagtail.models import Locale, Page

import pytest

from cms.demo.dependencies import load_dependencies
from cms.demo.loader import DemoLoader
from participation import answers, demo, phases
from participation.drafts import section_values
from participation.models import (
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    DebateIndexPage,
    DraftSection,
    ObservationAnswer,
    ParticipaPage,
    ParticipaSection,
    SectionPosition,
)
from participation.models.consultations import MIN_WINDOW
from participation.models.participa import SECTION_KEYS
from transparency.models import NormIndexPage, NormPage

pytestmark = pytest.mark.django_db

OPEN = "presupuesto-participativo"
CONCLUDED = "gobierno-abierto"


def spanish(slug):
    return ConsultationPage.objects.get(slug=slug, locale__language_code="es")


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en")).specific


def test_participa_is_a_landing_with_the_indexes_under_it(demo_site):
    participa = Page.objects.get(slug="participa", locale__language_code="es", depth=3)
    assert participa.specific_class is ParticipaPage
    assert participa.show_in_menus and participa.live
    index = ConsultationIndexPage.objects.get(locale__language_code="es")
    assert index.slug == "consultas" and index.title == "Consultas ciudadanas"
    assert index.get_parent().pk == participa.pk
    assert index.code_of_conduct.slug == "normas-de-participacion"
    assert english(index).code_of_conduct.locale.language_code == "en"
    # the debates keep their URLs
    debates = DebateIndexPage.objects.get(locale__language_code="es")
    assert debates.get_parent().pk == participa.pk
    assert debates.url == "/es/participa/debates/"
    assert index.url == "/es/participa/consultas/"


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_landing_has_the_six_sections_filled(demo_site, language):
    landing = ParticipaPage.objects.get(slug="participa", locale__language_code=language)
    sections = {s.key: s for s in ParticipaSection.objects.filter(page=landing)}
    assert set(sections) == set(SECTION_KEYS)
    for section in sections.values():
        assert section.processes.exists() or section.upcoming.strip(), section.key
        for process in section.processes.all():
            assert process.live and process.locale.language_code == language
    assert landing.intro
    consulta = {page.specific_class.__name__ for page in sections["consulta"].processes.all()}
    assert consulta == {"ConsultationPage", "SurveyIndexPage"}
    assert sections["consulta"].processes.count() == 3
    diagnostico = {p.specific_class.__name__ for p in sections["diagnostico"].processes.all()}
    assert diagnostico == {"DebatePage"}
    assert sections["rendicion"].processes.filter(slug="informes-de-gestion").exists()
    empty = [key for key, section in sections.items() if not section.processes.exists()]
    assert empty, "at least one section shows what will be published and when"


def test_the_open_consultation_has_twelve_articles_and_participation(demo_site):
    page = spanish(OPEN)
    assert page.phase() == phases.OPEN and page.is_open
    assert page.kind == ConsultationPage.KIND_NORM
    assert page.dependency is not None
    assert page.closes_at - page.opens_at >= MIN_WINDOW
    sections = list(DraftSection.objects.filter(page=page, removed_at__isnull=True))
    assert len(sections) == 12
    article_3 = sections[2]
    assert article_3.number == "Artículo 3"
    comments = Comment.objects.filter(page=page, status=Comment.PUBLISHED)
    on_sections = comments.filter(section_version__isnull=False)
    assert on_sections.filter(section_version__section=article_3).exists()
    assert on_sections.values("section_version__section").distinct().count() >= 4
    assert comments.filter(section_version__isnull=True, level=0).exists()  # whole draft
    assert comments.filter(level__gt=0).exists()  # a reply
    assert comments.values("user").distinct().count() >= 5
    for comment in on_sections:
        assert comment.section_version.section.page_id == page.pk
    positions = SectionPosition.objects.filter(section__page=page)
    assert positions.filter(value=SectionPosition.SUPPORT).exists()
    assert positions.filter(value=SectionPosition.OPPOSE).exists()
    assert positions.values("section").distinct().count() >= 3


def test_the_open_consultation_is_translated_article_by_article(demo_site):
    page = spanish(OPEN)
    translated = english(page)
    assert translated.live and translated.canonical_id == page.pk
    spanish_blocks = section_values(page.draft)
    english_blocks = section_values(translated.draft)
    assert [b[0] for b in english_blocks] == [b[0] for b in spanish_blocks]
    assert english_blocks[0][1] == "Article 1"
    assert all(es[3] != en[3] for es, en in zip(spanish_blocks, english_blocks, strict=True))
    assert translated.summary != page.summary


def test_the_concluded_consultation_has_a_complete_matrix(demo_site):
    page = spanish(CONCLUDED)
    assert page.phase() == phases.CONCLUDED
    assert page.closes_at < page.outcome().matrix_published_at
    published = answers.published_comments(page)
    assert published.count() >= 6
    assert answers.unanswered_count(page) == 0
    answer_rows = ObservationAnswer.objects.filter(page=page)
    decisions = set(answer_rows.values_list("decision", flat=True))
    assert {ObservationAnswer.ACCEPTED, ObservationAnswer.REJECTED} <= decisions
    assert len(decisions) >= 3
    shared = [a for a in answer_rows if a.comments.count() == 2]
    assert shared, "two identical observations share one answer"
    texts = {c.comment for c in shared[0].comments.all()}
    assert len(texts) == 1
    assert all(a.answered_at > page.closes_at for a in answer_rows)
    assert page.conclusion


def test_the_concluded_consultation_final_text_differs_from_the_draft(demo_site):
    page = spanish(CONCLUDED)
    draft = {key: (heading, body) for key, _n, heading, body in section_values(page.draft)}
    final = {key: (heading, body) for key, _n, heading, body in section_values(page.final_text)}
    assert 8 <= len(draft) <= 12
    added = set(final) - set(draft)
    removed = set(draft) - set(final)
    changed = [key for key in set(draft) & set(final) if draft[key] != final[key]]
    assert len(added) == 1 and len(removed) == 1
    assert len(changed) >= 2
    translated = english(page)
    assert section_values(translated.final_text)[0][1] == "Article 1"
    assert translated.conclusion and translated.conclusion != page.conclusion


def test_the_concluded_consultation_links_its_decrees_in_the_library(demo_site):
    page = spanish(CONCLUDED)
    library = NormIndexPage.objects.get(locale__language_code="es")
    draft, issued = page.draft_norm, page.issued_norm
    assert draft.norm_type == "proyecto" and not draft.in_force
    assert issued.norm_type == "decreto" and issued.in_force
    for norm in (draft, issued):
        assert norm.live and norm.get_parent().pk == library.pk
        assert NormPage.objects.filter(
            translation_key=norm.translation_key, locale__language_code="en", live=True
        ).exists()
    assert issued.issue_date >= page.outcome().matrix_published_at.date()
    translated = english(page)
    assert translated.issued_norm.translation_key == issued.translation_key
    assert translated.issued_norm.locale.language_code == "en"


def test_loading_the_demo_again_changes_nothing(demo_site):
    def state():
        return (
            Page.objects.count(),
            Comment.objects.count(),
            SectionPosition.objects.count(),
            ObservationAnswer.objects.count(),
            DraftSection.objects.count(),
            ParticipaSection.objects.count(),
            tuple(
                ConsultationPage.objects.order_by("pk").values_list(
                    "pk", "latest_revision_id", "closes_at"
                )
            ),
        )

    before = state()
    loader = DemoLoader()
    loader.home = demo_site.root_page.specific
    loader.dependencies = load_dependencies(loader)
    assert demo.load(loader) == 0
    demo.finish(loader)
    assert state() == before


def test_bench_seeding_makes_an_answered_consultation_once(demo_site, monkeypatch):
    """``seed_bench_consultations`` (run by scripts/bench.py only): exactly its sections
    and comments, by distinct bench citizens, each on a section version and answered;
    a second run adds nothing."""
    from django.core.management import call_command

    from participation.management.commands import seed_bench_consultations as seed

    monkeypatch.setattr(seed, "SECTIONS", 5)
    monkeypatch.setattr(seed, "COMMENTS", 40)
    monkeypatch.setattr(seed, "CITIZENS", 12)
    call_command("seed_bench_consultations")
    call_command("seed_bench_consultations")
    page = ConsultationPage.objects.get(slug=seed.SLUG)
    assert DraftSection.objects.filter(page=page).count() == 5
    comments = Comment.objects.filter(page=page)
    assert comments.count() == 40
    assert comments.values("user").distinct().count() == 12
    assert not comments.filter(section_version__isnull=True).exists()
    assert answers.unanswered_count(page) == 0
    assert page.phase() == phases.CONCLUDED
    first = comments.first()
    assert first.thread_id == first.pk and first.level == 0 and first.is_public
