"""Every login goes through allauth (email verification, MFA, rate limits): Wagtail's
front-end login for restricted pages is not a second door, and no URL of the site
serves another view that authenticates a user."""

import inspect
import types

from django.contrib import auth
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import NoReverseMatch
from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from home.models import StandardPage

pytestmark = pytest.mark.django_db

PASSWORD = "una-clave-segura-123"


@pytest.fixture
def members_page(demo_site):
    page = StandardPage.objects.get(slug="noticias", locale__language_code="es")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def test_login_restricted_page_sends_anonymous_visitors_to_allauth(client, members_page):
    """A members-only page redirects to allauth's login, keeping where to come back."""
    path = members_page.url
    response = client.get(path)
    assert response.status_code == 302
    login_url = reverse("account_login")
    assert response["Location"].startswith(f"{login_url}?next=")
    assert path in response["Location"].replace("%2F", "/")
    assert "_util/login" not in response["Location"]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_wagtail_front_end_login_does_not_authenticate(client, editor, lang):
    """POSTing a TOTP-enrolled editor's password to Wagtail's old front-end login form
    signs nobody in: it only sends the visitor to allauth's login."""
    TOTP.activate(editor, "JBSWY3DPEHPK3PXP")
    response = client.post(
        f"/{lang}/_util/login/",
        {"username": editor.username, "password": PASSWORD, "next": "/admin/"},
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    with translation.override(lang):
        assert response["Location"].startswith(reverse("account_login"))
    assert "next=/admin/" in response["Location"].replace("%2F", "/")
    assert client.get("/admin/").status_code == 302


def test_wagtail_front_end_login_get_redirects_to_allauth_keeping_next(client):
    response = client.get("/es/_util/login/?next=/es/noticias/")
    assert response.status_code == 302
    assert response["Location"] == "/es/cuentas/login/?next=/es/noticias/"
    response = client.post("/es/_util/login/", {"next": "https://otro.example/"})
    assert response["Location"] == "/es/cuentas/login/"


def test_unverified_user_gets_no_session_anywhere(client, django_user_model):
    """A sign-up that never verified its email is refused by every login URL."""
    email = "sin-verificar@correo.example"
    user = django_user_model.objects.create_user(username=email, email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
    attempts = [
        ("/es/cuentas/login/", {"login": email, "password": PASSWORD}),
        ("/en/cuentas/login/", {"login": email, "password": PASSWORD}),
        ("/es/_util/login/", {"username": email, "password": PASSWORD}),
        ("/en/_util/login/", {"username": email, "password": PASSWORD}),
        ("/admin/login/", {"username": email, "password": PASSWORD}),
    ]
    for url, data in attempts:
        client.post(url, data)
        assert "_auth_user_id" not in client.session, url


def test_wagtail_admin_password_reset_is_off(client, editor):
    """Wagtail's admin password reset (which would bypass allauth's) is disabled."""
    response = client.get("/admin/password_reset/")
    assert response.status_code in (302, 404)
    assert "_auth_user_id" not in client.session


# -- Every URL of the site -------------------------------------------------------------


def _walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def _view_target(callback):
    """The class of a class-based view, else the innermost decorated function."""
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return view_class
    while hasattr(callback, "__wrapped__"):
        callback = callback.__wrapped__
    return callback


def _code_objects(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_objects(const)


def _function_calls_login(function):
    function = inspect.unwrap(function)
    code = getattr(function, "__code__", None)
    if code is None:
        return False
    namespace = getattr(function, "__globals__", {})
    for part in _code_objects(code):
        for name in part.co_names:
            value = namespace.get(name)
            if value is auth.login:
                return True
            if value is auth and "login" in part.co_names:
                return True
    return False


def authenticates(target):
    """Whether a view logs a user in: Django's LoginView (or a subclass), a password
    reset that signs in afterwards, or any code of the view calling ``login()``."""
    if inspect.isclass(target):
        if issubclass(target, auth_views.LoginView):
            return True
        if issubclass(target, auth_views.PasswordResetConfirmView):
            return target.post_reset_login
        functions = [
            member
            for klass in target.__mro__
            if klass is not object
            for member in vars(klass).values()
            if inspect.isfunction(member)
        ]
        return any(_function_calls_login(function) for function in functions)
    return _function_calls_login(target)


def is_allauth(target):
    classes = target.__mro__ if inspect.isclass(target) else (target,)
    return any(klass.__module__.startswith("allauth.") for klass in classes)


def test_the_detector_recognises_wagtails_login_views():
    """The walk below would notice the views it must keep out."""
    from wagtail.admin.views import account

    assert authenticates(auth_views.LoginView)
    assert authenticates(account.LoginView)
    assert not authenticates(auth_views.PasswordResetView)


def test_no_url_reaches_a_login_view_other_than_allauths():
    """Walk every URL pattern of the site. Each view that can sign a user in must be
    allauth's, or be shadowed: its URL, in every language, resolves to another view
    that does not authenticate (e.g. the redirects to allauth's login)."""
    offenders = []
    checked = 0
    for route, entry in _walk(get_resolver()):
        target = _view_target(entry.callback)
        if not authenticates(target) or is_allauth(target):
            continue
        checked += 1
        if not entry.name:
            offenders.append(f"{route}: unnamed, cannot prove it is unreachable")
            continue
        for lang in ("es", "en"):
            with translation.override(lang):
                try:
                    url = reverse(entry.name)
                except NoReverseMatch:
                    offenders.append(f"{route} ({entry.name}): cannot be reversed to check it")
                    continue
                reached = _view_target(resolve(url).func)
            if authenticates(reached) and not is_allauth(reached):
                offenders.append(f"{url} -> {reached.__module__}.{reached.__qualname__}")
    assert checked >= 2  # Wagtail's admin and front-end login views are in the tree.
    assert not offenders, offenders
