import datetime

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode

from cms import navigation, page_assets
from cms.pagination import page_query as _page_query

register = template.Library()


@register.simple_tag
def portal_stylesheets():
    """The static paths of the stylesheets apps add to every page (cms.page_assets)."""
    return list(page_assets.STYLESHEETS)


@register.simple_tag
def portal_scripts():
    """The static paths of the scripts apps add to every page (cms.page_assets)."""
    return list(page_assets.SCRIPTS)


@register.simple_tag
def portal_after_content():
    """The templates apps show after every page's content (cms.page_assets)."""
    return list(page_assets.AFTER_CONTENT)


@register.simple_tag(takes_context=True)
def main_menu(context):
    return navigation.get_main_menu(context["request"])


@register.simple_tag(takes_context=True)
def home_page(context):
    return navigation.get_home_page(context["request"])


@register.simple_tag(takes_context=True)
def language_alternatives(context):
    return navigation.get_language_alternatives(context["request"], context.get("page"))


@register.simple_tag
def page_query(extra_query, param, number):
    """The query string of a pagination link: the filters, then ``param=number``."""
    return _page_query(extra_query, param, number)


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    return navigation.get_breadcrumbs(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def policy_pages(context):
    request = context["request"]
    if navigation.get_site(request) is None:
        return {}
    entity = context["settings"]["cms"]["EntitySettings"]
    return navigation.get_policy_pages(request, entity)


@register.filter
def email_break(address):
    """An email address that wraps after the "@" on narrow screens, not mid-domain."""
    local, at, domain = str(address).partition("@")
    if not at:
        return address
    return format_html("{}@<wbr>{}", local, domain)


@register.filter
def machine_datetime(value):
    """The value of a ``<time datetime>``: ISO 8601 in local time, whole seconds and a
    ``-05:00`` offset (Django's "c" format keeps microseconds, which HTML refuses).
    A naive date-time is read in the current time zone, so it gets its offset too; a
    date stays a date; anything else gives an empty attribute rather than junk."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return timezone.localtime(value).replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


# The account pages (allauth's login, sign-up, MFA steps): signing in from one of them
# returns to the default page rather than to the sign-in itself.
ACCOUNT_URL_PREFIXES = ("account_", "mfa_", "socialaccount_")


@register.simple_tag(takes_context=True)
def login_url(context):
    """The sign-in link, with ``next`` set to the page it is on, so the reader comes
    back to that page, in its language."""
    url = reverse("account_login")
    request = context.get("request")
    if request is None:
        return url
    match = getattr(request, "resolver_match", None)
    if match and (match.url_name or "").startswith(ACCOUNT_URL_PREFIXES):
        return url
    return f"{url}?{urlencode({'next': request.get_full_path()})}"
