"""The "Participa" landing (participation/participa.py, participa_page.html): the six
sections in their fixed order with their processes, status and dates, or what will be
published when there is none; the participation calendar; the index links; a bounded
number of queries; and the editor-side rule that a section without processes says what
will be published and when (the page form, through the Wagtail admin)."""

import re
from datetime import timedelta
from html.parser import HTMLParser

from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from participation import participa, phases
from participation.models import DebatePage, ParticipaPage, ParticipaSection
from participation.models.participa import SECTION_KEYS, validate_upcoming

from .conftest import make_debate

pytestmark = pytest.mark.django_db

MAX_QUERIES = 60


def landing(language="es"):
    return ParticipaPage.objects.get(slug="participa", locale__language_code=language)


def section(page, key):
    return ParticipaSection.objects.get(page=page, key=key)


def set_processes(page, key, pages, upcoming=None):
    """Give a section of the landing these processes, as an editor publishing would."""
    page = ParticipaPage.objects.get(pk=page.pk)
    rows = list(page.participa_sections.all())
    for row in rows:
        if row.key == key:
            row.processes = pages
            if upcoming is not None:
                row.upcoming = upcoming
    page.participa_sections = rows
    page.save_revision().publish()
    return page


class Outline(HTMLParser):
    """Headings (level, id) and links (href, text) of the page's main content."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings, self.links = [], []
        self.in_main = False
        self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        if not self.in_main:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append((int(tag[1]), attrs.get("id")))
        if tag == "a":
            self._link = [attrs.get("href"), ""]

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        if tag == "a" and self._link is not None:
            self.links.append(tuple(self._link))
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data


def outline(response):
    parser = Outline()
    parser.feed(response.content.decode())
    return parser


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_landing_shows_the_six_sections_in_order(client, demo_site, language):
    page = landing(language)
    response = client.get(page.url)
    assert response.status_code == 200
    parsed = outline(response)
    section_ids = [hid for level, hid in parsed.headings if level == 2 and hid]
    assert section_ids[:6] == [f"participa-{key}" for key in SECTION_KEYS]
    assert "participa-calendario" in section_ids
    levels = [level for level, _id in parsed.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    # headings in order: none jumps more than one level down
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    for href, text in parsed.links:
        assert href and href != "#", (href, text)
        assert text.strip(), href


def test_a_section_without_processes_says_what_will_be_published(client, demo_site):
    page = set_processes(landing(), "control", [], upcoming="Informes de veedurías en mayo.")
    response = client.get(page.url)
    content = response.content.decode()
    start = content.index('id="participa-control"')
    end = content.index("</section>", start)
    assert "Informes de veedurías en mayo." in content[start:end]


def test_sections_list_live_public_processes_with_kind_status_and_dates(
    client, demo_site, debate_index
):
    now = timezone.now()
    shown = make_debate(debate_index, "p-abierto", -timedelta(days=1), timedelta(days=9))
    draft = make_debate(debate_index, "p-borrador", -timedelta(days=1), timedelta(days=9))
    draft.unpublish()
    private = make_debate(debate_index, "p-privado", -timedelta(days=1), timedelta(days=9))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    page = set_processes(landing(), "colaboracion", [shown, draft, private])
    context = participa.participa_context(page, None)
    colaboracion = next(s for s in context["participa_sections"] if s.key == "colaboracion")
    assert [p.page.pk for p in colaboracion.processes] == [shown.pk]
    process = colaboracion.processes[0]
    assert process.kind == participa.DEBATE
    assert process.phase == phases.OPEN
    assert process.opens_at < now < process.closes_at
    response = client.get(page.url)
    assert shown.title in response.content.decode()
    assert "p-privado" not in response.content.decode()


def test_the_calendar_lists_open_first_then_recently_closed(demo_site, debate_index):
    closed = make_debate(debate_index, "c-cerrado", -timedelta(days=30), -timedelta(days=2))
    announced = make_debate(debate_index, "c-anunciado", timedelta(days=3), timedelta(days=30))
    entries = participa.calendar(landing().locale)
    assert len(entries) <= participa.CALENDAR_LENGTH
    open_phases = (phases.OPEN, phases.ANNOUNCED)
    seen_closed = False
    for entry in entries:
        if entry.phase in open_phases:
            assert not seen_closed, "an open process after a closed one"
        else:
            seen_closed = True
        assert entry.opens_at and entry.closes_at
    pages = [entry.page.pk for entry in entries]
    assert announced.pk in pages and closed.pk in pages
    assert {e.kind for e in entries} >= {participa.CONSULTATION, participa.DEBATE}
    assert all(e.page.locale_id == landing().locale_id for e in entries)


def test_the_landing_links_the_indexes(client, demo_site):
    context = participa.participa_context(landing(), None)
    urls = [index.url for _label, index in context["participa_indexes"]]
    assert "/es/participa/consultas/" in urls and "/es/participa/debates/" in urls
    assert any("encuestas" in url for url in urls)


def count(client, url, django_assert_max_num_queries):
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_landing_costs_the_same_with_3_and_30_processes(
    client, demo_site, debate_index, django_assert_max_num_queries
):
    debates = [
        make_debate(debate_index, f"q-{n}", -timedelta(days=n + 1), timedelta(days=n + 5))
        for n in range(30)
    ]
    page = set_processes(landing(), "colaboracion", debates[:3])
    small = count(client, page.url, django_assert_max_num_queries)
    page = set_processes(landing(), "colaboracion", debates)
    large = count(client, page.url, django_assert_max_num_queries)
    assert small == large
    assert DebatePage.objects.filter(slug__startswith="q-").count() == 30


# The editor-side rule ----------------------------------------------------------------


def test_validate_upcoming_needs_a_text_without_processes():
    validate_upcoming("control", True, "")
    validate_upcoming("control", False, "En mayo de 2027.")
    with pytest.raises(Exception, match="what will be published|qué se publicará"):
        validate_upcoming("control", False, "   ")


def edit_data(page, overrides):
    rows = list(page.participa_sections.all())
    items = []
    for row in rows:
        item = {
            "id": row.pk,
            "key": row.key,
            "intro": rich_text(row.intro or ""),
            "processes": [p.pk for p in row.processes.all()],
            "upcoming": row.upcoming,
            "ORDER": row.sort_order + 1,
        }
        item.update(overrides.get(row.key, {}))
        items.append(item)
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": page.introduction,
            "intro": rich_text(page.intro or ""),
            "participa_sections": inline_formset(items, initial=len(items), min=6, max=6),
        }
    )


def test_the_admin_refuses_a_section_without_processes_or_upcoming_text(
    client, demo_site, superuser
):
    page = landing()
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_data(page, {"control": {"processes": [], "upcoming": " "}})
    response = client.post(url, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert any(
        text in content
        for text in ("say what will be published and when", "indique qué se publicará y cuándo")
    )
    assert section(page, "control").upcoming.strip()  # nothing saved


def test_the_admin_refuses_a_section_twice(client, demo_site, superuser):
    page = landing()
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_data(page, {"control": {"key": "rendicion"}})
    response = client.post(url, data)
    assert response.status_code == 200
    content = response.content.decode()
    # Django's formset finds the duplicate first (in the editor's language); the page
    # form's own check ("appears twice") backs it up
    assert any(text in content for text in ("appears twice", "duplicate", "duplicado"))
    assert section(page, "control").key == "control"  # nothing saved


def test_the_admin_saves_a_section_that_says_what_will_be_published(client, demo_site, superuser):
    page = landing()
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_data(page, {"control": {"processes": [], "upcoming": "Informes en mayo de 2027."}})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = ParticipaPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    saved = next(s for s in draft.participa_sections.all() if s.key == "control")
    assert saved.upcoming == "Informes en mayo de 2027."
