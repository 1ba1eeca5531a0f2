"""Every criterion of the GEL democracy phase (gel/data/gel_criteria.json) is met by demo
pages reachable from the main menu within three clicks (gel/data/democracy_phase_pages.json):
the "Participa" landing, the consultations, debates and surveys, the answers matrix and
the results pages.

The walk is the information phase's (tests/gel/test_information_phase.py): the demo
site's real rendered HTML, click 1 a link of the home page's main menu, clicks 2 and 3
any internal link of the page reached; only the Spanish tree."""

from urllib.parse import urlsplit

from django.db import transaction
from django.test import Client

import pytest

from gel.criteria import DEMOCRACY_PHASE, democracy_phase_evidence, phase_criteria
from tests.gel.test_information_phase import MAIN, MAX_CLICKS, SITE_MAP, START, SiteWalk

pytestmark = pytest.mark.django_db

EVIDENCE = democracy_phase_evidence()
CRITERIA = phase_criteria(DEMOCRACY_PHASE)
PARTICIPA = "/es/participa/"


def mapped_pages():
    return sorted({url for entry in EVIDENCE["criteria"].values() for url in entry["pages"]})


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker):
    """One walk of the demo site for the module (rolled back). A page that fails to
    render is recorded with its status instead of stopping the walk."""
    with django_db_blocker.unblock(), transaction.atomic():
        result = SiteWalk(Client(raise_request_exception=False), {MAIN}).run()
        for url in mapped_pages():
            result.fetch(url)
        transaction.set_rollback(True)
    return result


# The evidence file ------------------------------------------------------------------


def test_every_criterion_of_the_phase_has_evidence():
    missing = [c.name for c in CRITERIA if c.id not in EVIDENCE["criteria"]]
    assert not missing, f"criteria of the democracy phase with no evidence: {missing}"
    assert set(EVIDENCE["criteria"]) <= {c.id for c in CRITERIA}, "a stale criterion id"


@pytest.mark.parametrize("criterion_id", sorted(EVIDENCE["criteria"]))
def test_evidence_says_how_and_names_spanish_pages(criterion_id):
    entry = EVIDENCE["criteria"][criterion_id]
    assert entry.get("how", "").strip(), criterion_id
    assert entry["pages"], criterion_id
    for url in entry["pages"]:
        assert url.startswith(START) and urlsplit(url).path.endswith("/"), url


# The walk ---------------------------------------------------------------------------


def test_the_main_menu_reaches_participa(walk):
    assert walk.clicks.get(PARTICIPA) == 1, "Participa is not a main-menu item"
    assert walk.fetched[PARTICIPA].status == 200


@pytest.mark.parametrize("url", mapped_pages())
def test_mapped_page_is_within_three_clicks_and_answers(walk, url):
    assert url in walk.clicks, f"{url} is not reachable from the main menu in {MAX_CLICKS} clicks"
    assert walk.clicks[url] <= MAX_CLICKS, walk.route(url)
    assert walk.fetched[url].status == 200, url


def test_the_pages_are_reached_without_the_site_map(walk):
    menus_only = SiteWalk(walk.client, walk.selectors, dead_ends={SITE_MAP}, fetched=walk.fetched)
    menus_only.run()
    beyond = [url for url in mapped_pages() if url not in menus_only.clicks]
    assert not beyond, f"only the site map reaches {beyond} within {MAX_CLICKS} clicks"


@pytest.mark.parametrize("criterion", CRITERIA, ids=lambda criterion: criterion.id)
def test_criterion_pages_show_what_the_evidence_says(walk, criterion):
    entry = EVIDENCE["criteria"][criterion.id]
    contents = [
        walk.fetched[url].parser.found[MAIN].content
        for url in entry["pages"]
        if walk.fetched[url].parser is not None and MAIN in walk.fetched[url].parser.found
    ]
    assert contents, f"{criterion.id}: no page rendered its main content"
    for text in entry.get("text", []):
        assert any(text in content for content in contents), f"{criterion.id}: no {text!r}"
