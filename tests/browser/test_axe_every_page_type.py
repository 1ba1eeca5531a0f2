"""axe-core over the Nu HTML Checker's set at phone width: one live page of every page
class in each language, their routable sub-pages and every public view of
``tests/fuzz_samples.py``, as an anonymous visitor sees them on a 390 px screen.

The desktop width of the same kinds is covered by each app's own browser tests; this
walk catches a page type that only breaks on a phone (a table that overflows, a menu
that hides a label) and a new page type that nobody added a test for."""

from django.test import Client

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import AXE_TAGS, format_violations
from tests.cms.test_html_validity import is_html, one_page_per_type, subpage_urls, view_urls
from tests.fuzz_samples import load_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def anonymous_html_urls(demo):
    """The URLs of the set that answer an anonymous visitor with an HTML page."""
    pages = one_page_per_type()
    urls = [page.url for page in pages]
    urls += [url for page in pages for url in subpage_urls(page)]
    urls += view_urls(demo)
    client = Client()
    found = []
    for url in dict.fromkeys(urls):
        response = client.get(url)
        if response.status_code == 200 and is_html(response):
            found.append(url)
    return found


@pytest.mark.browser
def test_every_page_type_passes_axe_at_phone_width(
    browser, portal_url, demo_site, citizen, settings
):
    settings.RATELIMIT_ENABLE = False
    urls = anonymous_html_urls(load_demo(demo_site, citizen))
    for expected in ("/es/", "/en/", "/es/pqrsd/", "/en/buscar/?q=water"):
        assert expected in urls
    context = browser.new_context(locale="es-CO", viewport={"width": 390, "height": 844})
    page = context.new_page()
    axe = Axe()
    failures = []
    try:
        for url in urls:
            page.goto(portal_url + url)
            results = axe.run(
                page,
                options={
                    "runOnly": {"type": "tag", "values": AXE_TAGS},
                    "resultTypes": ["violations"],
                },
            )
            violations = results.response["violations"]
            if violations:
                failures.append(f"{url}:\n{format_violations(violations)}")
    finally:
        context.close()
    assert not failures, f"axe violations at 390 px on {len(failures)} of {len(urls)} pages:\n" + (
        "\n".join(failures)
    )
