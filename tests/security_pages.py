"""The public page kinds of the demo site, for the header and browser tests: one live
page of every page type in Spanish and English, plus the public views that are not
Wagtail pages."""

from html.parser import HTMLParser

from django.urls import reverse
from django.utils import translation

LANGUAGES = ("es", "en")


def page_kind_urls():
    """``{label: path}`` for one live page of every page type per language."""
    from wagtail.models import Page

    urls = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        label = f"{page.locale.language_code}:{type(page).__name__}"
        if page.locale.language_code in LANGUAGES and label not in urls:
            urls[label] = page.relative_url(page.get_site())
    return urls


def view_urls():
    """``{label: path}`` of the public views that are not pages, per language."""
    from surveys.models import SurveyPage

    urls = {"sitemap": "/sitemap.xml"}
    for language in LANGUAGES:
        with translation.override(language):
            survey = SurveyPage.objects.live().filter(locale__language_code=language).first()
            urls.update(
                {
                    f"{language}:search": reverse("search:search") + "?q=soacha",
                    f"{language}:pqrsd-form": reverse("pqr:file"),
                    f"{language}:pqrsd-tracking": reverse("pqr:track"),
                    f"{language}:pqrsd-answers": reverse("pqr:anonymous_answers"),
                    f"{language}:pqrsd-statistics": reverse("pqr:statistics"),
                    f"{language}:survey-results": survey.relative_url(survey.get_site())
                    + "resultados/",
                    f"{language}:site-map": reverse("site_map"),
                    f"{language}:login": reverse("account_login"),
                    f"{language}:signup": reverse("account_signup"),
                    f"{language}:not-found": f"/{language}/no-existe-esta-pagina/",
                }
            )
    return urls


def public_urls():
    return {**page_kind_urls(), **view_urls()}


def signed_in_urls():
    """``{label: path}`` of the public pages a signed-in citizen sees (account, MFA)."""
    from home.models import NewsIndexPage

    news = NewsIndexPage.objects.live().filter(locale__language_code="es").first()
    names = (
        "pqr:my_cases",
        "account_email",
        "account_change_password",
        "account_reset_password",
        "account_reauthenticate",
        "account_logout",
        "mfa_index",
        "my_account",
    )
    with translation.override("es"):
        urls = {f"es:{name}": reverse(name) for name in names}
    urls["es:news-rss"] = news.relative_url(news.get_site()) + "rss/"
    return urls


# Script types a browser runs; others (application/ld+json, ...) are data blocks
# that CSP does not govern.
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class MarkupScan(HTMLParser):
    """Collects the executable script tags (``(src, nonce)``), and every style attribute
    or element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts = []
        self.inline_styles = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        script_type = (attributes.get("type") or "").strip().lower()
        if tag == "script" and script_type in EXECUTABLE_SCRIPT_TYPES:
            self.scripts.append((attributes.get("src"), attributes.get("nonce")))
        if "style" in attributes:
            self.inline_styles.append(f"<{tag} style={attributes['style']!r}>")
        if tag == "style":
            self.inline_styles.append("<style> element")

    handle_startendtag = handle_starttag


def scan(html):
    parser = MarkupScan()
    parser.feed(html)
    parser.close()
    return parser


def csp_directives(header):
    """``{directive: [sources]}`` of a Content-Security-Policy header value."""
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives
