"""The sitemap lists the pages under the host it was fetched from, not the Site
record's hostname (``localhost`` in the demo)."""

import re

import pytest

pytestmark = pytest.mark.django_db

LOC = re.compile(r"<loc>([^<]*)</loc>")


@pytest.mark.parametrize(
    ("host", "secure", "origin"),
    [
        ("portal.example.gov.co", False, "http://portal.example.gov.co/"),
        ("portal.example.gov.co", True, "https://portal.example.gov.co/"),
        ("testserver:8107", False, "http://testserver:8107/"),
    ],
)
def test_sitemap_locations_use_the_request_host(client, demo_site, settings, host, secure, origin):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "portal.example.gov.co"]
    response = client.get("/sitemap.xml", HTTP_HOST=host, secure=secure)
    assert response.status_code == 200
    locations = LOC.findall(response.content.decode())
    assert locations, "the sitemap lists no page"
    assert all(loc.startswith(origin) for loc in locations), locations[:3]
    # Both language trees are listed under that host.
    assert origin + "es/" in locations and origin + "en/" in locations
