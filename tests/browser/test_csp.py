"""Under the Content-Security-Policy, the public page kinds and the admin pages that
editors use load in Chromium without a single CSP violation, and the StreamField
editor still works."""

import pytest
from playwright.sync_api import expect

from tests.security_pages import page_kind_urls, public_urls, signed_in_urls

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REPORT_VIOLATIONS_JS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__reportCspViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile + ":" + event.lineNumber,
        sample: event.sample,
    });
});
"""


@pytest.fixture
def csp_violations(page):
    """Every CSP violation the page reports: ``securitypolicyviolation`` events and
    the console messages Chromium writes for them."""
    violations = []
    page.expose_binding(
        "__reportCspViolation",
        lambda source, violation: violations.append({"url": source["page"].url, **violation}),
    )
    page.add_init_script(REPORT_VIOLATIONS_JS)
    page.on(
        "console",
        lambda message: (
            violations.append({"url": page.url, "console": message.text})
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return violations


JCROP = "/wagtailimages/js/vendor/jquery.Jcrop.min.js"


def without_jcrop_touch_probe(violations):
    """Drop the reports of one known, harmless probe. Wagtail's image cropper (Jcrop,
    on the image edit page) tests for touch support with
    ``div.setAttribute("ontouchstart", "return;")`` on a detached element; the admin
    policy (no inline event handler) blocks it, which only tells Jcrop that there is no
    touch screen, as is true here. Its reports are the event whose source is Jcrop and
    the console lines Chromium writes for it, on a page where no other inline handler
    was blocked."""
    inline_sources = {}
    for violation in violations:
        if violation.get("directive") == "script-src-attr":
            inline_sources.setdefault(violation["url"], set()).add(
                JCROP in violation.get("source", "")
            )
    probe_only = {url for url, sources in inline_sources.items() if sources == {True}}
    return [
        violation
        for violation in violations
        if violation["url"] not in probe_only
        or not (
            violation.get("directive") == "script-src-attr"
            or "inline event handler" in violation.get("console", "")
        )
    ]


def sign_in(page, portal_url, user):
    """Give the browser a session for ``user`` (allauth's own sign-in has its tests)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": portal_url}]
    )


# XML for feed readers and crawlers; Chromium's own XML viewer styles it inline.
XML_URLS = {"sitemap", "es:news-rss"}


@pytest.mark.browser
def test_public_page_kinds_have_no_csp_violation(page, portal_url, citizen, csp_violations):
    """Every public page kind (es and en), then a signed-in citizen's account, two-factor
    and petitions pages, load their scripts, styles and images under the policy: no
    violation reported."""
    for urls in (public_urls(), signed_in_urls()):
        for label, url in urls.items():
            if label not in XML_URLS:
                response = page.goto(portal_url + url, wait_until="load")
                assert "content-security-policy" in response.headers, (label, url)
        sign_in(page, portal_url, citizen)
    assert csp_violations == [], "\n".join(map(str, csp_violations))


def admin_urls():
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    from home.models import EventPage, HomePage, NewsPage, StandardPage
    from surveys.models import SurveyPage

    home = HomePage.objects.filter(locale__language_code="es").first()
    survey = SurveyPage.objects.filter(locale__language_code="es").first()
    urls = {
        "dashboard": "/admin/",
        "explorer": "/admin/pages/",
        "explorer-home": f"/admin/pages/{home.pk}/",
        "edit-news": f"/admin/pages/{NewsPage.objects.first().pk}/edit/",
        "edit-standard": f"/admin/pages/{StandardPage.objects.first().pk}/edit/",
        "edit-event": f"/admin/pages/{EventPage.objects.first().pk}/edit/",
        "edit-survey": f"/admin/pages/{survey.pk}/edit/",
        "add-subpage": f"/admin/pages/{home.pk}/add_subpage/",
        "documents": "/admin/documents/",
        "images": "/admin/images/",
        "snippets": "/admin/snippets/",
        "pqrsd-inbox": "/admin/pqrsd/",
        "survey-reports": "/admin/encuestas/",
        "survey-report": f"/admin/encuestas/{survey.pk}/",
    }
    if document := Document.objects.first():
        urls["edit-document"] = f"/admin/documents/edit/{document.pk}/"
    if image := Image.objects.first():
        urls["edit-image"] = f"/admin/images/{image.pk}/"
    return urls


def visit_admin(page, portal_url, urls, screenshot):
    for name, url in urls.items():
        response = page.goto(portal_url + url, wait_until="load")
        assert response.status == 200, (name, url, response.status)
        assert "content-security-policy" in response.headers, (name, url)
        page.wait_for_load_state("networkidle")
        if name == "edit-standard":
            block_count = page.locator("input[data-streamfield-stream-count]").first
            blocks_before = int(block_count.input_value())
            add_block = page.locator("button.c-sf-add-button").first
            expect(add_block).to_be_visible()
            add_block.click()
            option = page.locator(".w-combobox [role=option]").first
            expect(option).to_be_visible()
            screenshot(page, "csp-admin-streamfield-chooser")
            option.click()
            expect(block_count).to_have_value(str(blocks_before + 1))
            page.locator('[data-side-panel-toggle="preview"]').click()
            preview = page.frame_locator("#w-preview-iframe")
            expect(preview.locator("h1")).to_be_visible()


@pytest.mark.browser
def test_admin_pages_have_no_csp_violation(page, portal_url, superuser, csp_violations, screenshot):
    """As a superuser: dashboard, explorer, page editors (news, standard page with
    StreamField, event, survey), the add-page chooser, documents, images, snippets, the
    PQRSD inbox and the survey reports: no CSP violation; StreamField adds a block and
    the live preview shows the page in its frame."""
    sign_in(page, portal_url, superuser)
    visit_admin(page, portal_url, admin_urls(), screenshot)
    violations = without_jcrop_touch_probe(csp_violations)
    assert violations == [], "\n".join(map(str, violations))


EDITOR_PAGES = (
    "dashboard",
    "explorer-home",
    "edit-news",
    "edit-standard",
    "add-subpage",
    "documents",
    "images",
    "snippets",
)


@pytest.mark.browser
def test_editor_admin_pages_have_no_csp_violation(
    page, portal_url, editor, csp_violations, screenshot
):
    """As a member of Editores, the pages an editor works in: no CSP violation."""
    sign_in(page, portal_url, editor)
    urls = {name: url for name, url in admin_urls().items() if name in EDITOR_PAGES}
    visit_admin(page, portal_url, urls, screenshot)
    assert csp_violations == [], "\n".join(map(str, csp_violations))


@pytest.mark.browser
def test_userbar_on_public_pages_has_no_csp_violation(page, portal_url, editor, csp_violations):
    """Signed in as an editor, the public pages carry Wagtail's userbar: it opens, and
    it needs nothing the public policy refuses."""
    sign_in(page, portal_url, editor)
    for label, url in page_kind_urls().items():
        if label.startswith("es:"):
            page.goto(portal_url + url, wait_until="load")
    userbar = page.locator("wagtail-userbar")
    expect(userbar).to_be_attached()
    userbar.locator("#wagtail-userbar-trigger").click()
    expect(userbar.get_by_role("menuitem").first).to_be_visible()
    assert csp_violations == [], "\n".join(map(str, csp_violations))
