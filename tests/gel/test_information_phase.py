"""Every criterion of the GEL information phase (gel/data/gel_criteria.json) is met by
a page reachable from the main menu within three clicks, or by a part of every page.

The walk reads the demo site's real rendered HTML with the test client: click 1 is a
link of the main menu on the home page, clicks 2 and 3 any internal link of the page
reached. Only the Spanish tree is walked, and feeds and downloads are not fetched."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.db import transaction
from django.test import Client

from wagtail.models import Page, Site

import pytest

from cms.models import EntitySettings
from gel.criteria import INFORMATION_PHASE, information_phase_evidence, phase_criteria

pytestmark = pytest.mark.django_db

MAX_CLICKS = 3
START = "/es/"
HOSTS = {"", "localhost", "testserver"}
SITE_MAP = "/es/mapa-del-sitio/"
MAIN = "main#contenido"
#: Path segments of feeds and calendar files: data for programs, not pages for people.
FEED_SEGMENTS = {"rss", "atom", "feed", "ical"}
ENTITY_FIELDS = (
    "entity_name",
    "address",
    "opening_hours",
    "phone",
    "toll_free_phone",
    "fax",
    "contact_email",
)
EVIDENCE = information_phase_evidence()
CRITERIA = phase_criteria(INFORMATION_PHASE)


class Selector:
    """``tag``, ``tag.class`` or ``tag#id``: the only selectors the evidence file uses."""

    def __init__(self, text):
        self.tag, self.cls, self.id = text, None, None
        if "." in text:
            self.tag, self.cls = text.split(".", 1)
        elif "#" in text:
            self.tag, self.id = text.split("#", 1)

    def matches(self, tag, attrs):
        if tag != self.tag:
            return False
        if self.cls and self.cls not in (attrs.get("class") or "").split():
            return False
        return not self.id or attrs.get("id") == self.id


@dataclass
class Element:
    text: list = field(default_factory=list)
    links: set = field(default_factory=set)
    tags: set = field(default_factory=set)

    @property
    def content(self):
        return " ".join(" ".join(self.text).split())


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}


class PageParser(HTMLParser):
    """Links of a page (all, and those of the main menu) and the parts the evidence
    file names, with their text, links and child tags."""

    def __init__(self, selectors):
        super().__init__(convert_charrefs=True)
        self.selectors = {text: Selector(text) for text in selectors}
        self.links, self.menu_links, self.all_tags = [], [], set()
        self.found = {}  # selector text -> Element (the first match)
        self.menu = Selector("nav.main-nav")
        self.stack = []  # [(tag, [Element being filled], in main menu)]

    def open_elements(self):
        return [element for _tag, elements, _menu in self.stack for element in elements]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.all_tags.add(tag)
        href = attrs.get("href") if tag == "a" else None
        in_menu = bool(self.stack and self.stack[-1][2]) or self.menu.matches(tag, attrs)
        for element in self.open_elements():
            element.tags.add(tag)
            if href:
                element.links.add(href)
        if href:
            self.links.append(href)
            if in_menu:
                self.menu_links.append(href)
        if tag in VOID_TAGS:
            return
        elements = []
        for text, selector in self.selectors.items():
            if text not in self.found and selector.matches(tag, attrs):
                self.found[text] = Element(links={href} if href else set())
                elements.append(self.found[text])
        self.stack.append((tag, elements, in_menu))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        for element in self.open_elements():
            element.text.append(data)


@dataclass
class Fetched:
    status: int
    size: int
    is_page: bool
    is_home: bool
    parser: PageParser | None


def internal_url(base, href):
    """The walkable URL (path and query) ``href`` points to, or None."""
    if href.startswith(("mailto:", "tel:", "#", "javascript:")):
        return None
    parts = urlsplit(urljoin(base, href))
    if parts.scheme not in ("", "http", "https") or parts.netloc not in HOSTS:
        return None
    if not parts.path.startswith(START):
        return None  # the other language, documents, media, the admin
    if FEED_SEGMENTS & set(parts.path.strip("/").split("/")):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


class SiteWalk:
    """Breadth-first walk from the home page; ``clicks[url]`` is the fewest clicks."""

    def __init__(self, client, selectors, dead_ends=(), fetched=None):
        self.client, self.selectors, self.dead_ends = client, selectors, set(dead_ends)
        self.fetched = {} if fetched is None else fetched  # shared by walks of one site
        self.clicks, self.came_from = {}, {}
        self.entity = {}  # the entity's contact data, which the footer must show

    def fetch(self, url):
        if url not in self.fetched:
            response = self.client.get(url)
            content_type = response.get("Content-Type", "")
            html = response.content.decode() if "html" in content_type else ""
            page = response.context.get("page") if response.context else None
            parser = None
            if html:
                parser = PageParser(self.selectors)
                parser.feed(html)
            self.fetched[url] = Fetched(
                status=response.status_code,
                size=len(response.content),
                is_page=isinstance(page, Page),
                is_home=isinstance(page, Page) and page.depth == 2,
                parser=parser,
            )
        return self.fetched[url]

    def run(self):
        home = self.fetch(START)
        assert home.status == 200 and home.parser.menu_links, "the home page has no main menu"
        self.clicks[START] = 0  # so the menu's "Home" item is no first click
        level = self.add_links(START, home.parser.menu_links, 1)
        for clicks in range(2, MAX_CLICKS + 1):
            following = []
            for url in level:
                if url in self.dead_ends:
                    continue
                fetched = self.fetch(url)
                if fetched.parser is not None:
                    following += self.add_links(url, fetched.parser.links, clicks)
            level = following
        return self

    def add_links(self, base, hrefs, clicks):
        new = []
        for href in hrefs:
            url = internal_url(base, href)
            if url is not None and url not in self.clicks:
                self.clicks[url] = clicks
                self.came_from[url] = base
                new.append(url)
        return new

    def route(self, url):
        steps = [url]
        while steps[-1] in self.came_from:
            steps.append(self.came_from[steps[-1]])
        return " → ".join(reversed(steps))


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker):
    """One walk of the demo site for the whole module (rolled back: rendering may
    record feedback counters or search statistics)."""
    selectors = {MAIN} | {spec["selector"] for spec in EVIDENCE["elements"].values()}
    with django_db_blocker.unblock(), transaction.atomic():
        result = SiteWalk(Client(), selectors).run()
        for url in mapped_pages():
            result.fetch(url)
        entity = EntitySettings.for_site(Site.objects.get(is_default_site=True))
        result.entity = {name: getattr(entity, name) for name in ENTITY_FIELDS}
        transaction.set_rollback(True)
    return result


def mapped_pages():
    entries = EVIDENCE["criteria"].values()
    return sorted({url for entry in entries for url in entry.get("pages", [])})


# The evidence file ------------------------------------------------------------------


def test_every_criterion_of_the_phase_has_evidence():
    """A criterion added to gel_criteria.json without a page or element fails here."""
    missing = [
        f"{criterion.category} / {criterion.name} ({criterion.id})"
        for criterion in CRITERIA
        if criterion.id not in EVIDENCE["criteria"]
    ]
    assert not missing, f"criteria of the information phase with no evidence: {missing}"
    assert len(CRITERIA) == len({c.id for c in CRITERIA}), "criterion ids must be unique"


def test_evidence_names_only_real_criteria_and_elements():
    """No stale entry (a criterion renamed in the decree's table) and no unknown element."""
    ids = {criterion.id for criterion in CRITERIA}
    assert set(EVIDENCE["criteria"]) <= ids, set(EVIDENCE["criteria"]) - ids
    for criterion_id, entry in EVIDENCE["criteria"].items():
        assert entry.get("pages") or entry.get("elements"), criterion_id
        assert entry.get("how", "").strip(), f"{criterion_id} does not say how it is met"
        assert set(entry.get("elements", [])) <= set(EVIDENCE["elements"]), criterion_id
        for url in entry.get("pages", []):
            assert url.startswith(START) and urlsplit(url).path.endswith("/"), url


# The walk ---------------------------------------------------------------------------


def test_the_walk_starts_at_the_main_menu(walk):
    """Click 1 is a main-menu item; the transparency menu is one of them."""
    first = {url for url, clicks in walk.clicks.items() if clicks == 1}
    assert "/es/transparencia/" in first and "/es/atencion-ciudadania/" in first
    assert "/es/transparencia/organigrama/" not in first  # only via the section


@pytest.mark.parametrize("url", mapped_pages())
def test_mapped_page_is_within_three_clicks_and_answers(walk, url):
    """Every page named as evidence answers 200 and is at most three clicks away."""
    assert url in walk.clicks, f"{url} is not reachable from the main menu in {MAX_CLICKS} clicks"
    assert walk.clicks[url] <= MAX_CLICKS, walk.route(url)
    assert walk.fetched[url].status == 200, url


def test_sections_lead_to_the_pages_without_the_site_map(walk):
    """The site map (linked from every footer) reaches everything; the menus and the
    sections' own links must reach every mapped page within three clicks too."""
    menus_only = SiteWalk(walk.client, walk.selectors, dead_ends={SITE_MAP}, fetched=walk.fetched)
    menus_only.run()
    beyond = [url for url in mapped_pages() if url != SITE_MAP and url not in menus_only.clicks]
    assert not beyond, f"only the site map reaches {beyond} within {MAX_CLICKS} clicks"


@pytest.mark.parametrize("criterion", CRITERIA, ids=lambda criterion: criterion.id)
def test_criterion_pages_show_what_the_evidence_says(walk, criterion):
    """The text an entry promises (e.g. "Línea gratuita", "SECOP") is in the main content
    of one of its pages, and a page with a size budget keeps to it."""
    entry = EVIDENCE["criteria"][criterion.id]
    pages = [walk.fetched[url] for url in entry.get("pages", [])]
    contents = [page.parser.found[MAIN].content for page in pages if MAIN in page.parser.found]
    for text in entry.get("text", []):
        assert any(text in content for content in contents), f"{criterion.id}: no {text!r}"
    if "max_kb" in entry:
        for url, page in zip(entry["pages"], pages, strict=True):
            assert page.size <= entry["max_kb"] * 1024, f"{url}: {page.size} bytes"


def test_no_broken_internal_link_on_the_way(walk):
    """Every page opened during the walk answers without an error (GEL "manejo de
    vínculos"): a link to a deleted page shows up here."""
    broken = {url: page.status for url, page in walk.fetched.items() if page.status >= 400}
    assert not broken, {url: (status, walk.route(url)) for url, status in broken.items()}
    assert len(walk.fetched) > 50  # the walk really went through the site


@pytest.mark.parametrize("name", sorted(EVIDENCE["elements"]))
def test_element_is_on_every_page(walk, name):
    """A criterion met by "a part of every page" really is on every page of the walk
    (the CMS's pages for the last-updated date, pages below home for breadcrumbs)."""
    spec = EVIDENCE["elements"][name]
    scope = spec.get("scope", "all")
    checked = 0
    for url, page in walk.fetched.items():
        if page.parser is None or page.status != 200:
            continue
        if scope in ("pages", "subpages") and not page.is_page:
            continue
        if scope == "subpages" and page.is_home:
            continue
        checked += 1
        assert not set(spec.get("absent_tags", [])) & page.parser.all_tags, url
        element = page.parser.found.get(spec["selector"])
        assert element is not None, f"{url} has no {spec['selector']} ({name})"
        for field_name in spec.get("fields", []):
            value = walk.entity[field_name]
            assert value and value in element.content, f"{url}: {name} lacks {field_name}"
        for link in spec.get("links", []):
            assert link.format(**walk.entity) in element.links, f"{url}: {name} lacks {link}"
        for tag in spec.get("tags", []):
            assert tag in element.tags, f"{url}: {name} has no <{tag}>"
    assert checked > 20, f"{name} was checked on {checked} pages only"
