"""Behind the reverse proxy each citizen has a rate-limit bucket of their own: the
client address comes from X-Forwarded-For, counting the trusted proxies from the
right, and a header sent straight to the app (no trusted proxy) is ignored."""

from django.test import RequestFactory

import pytest
from allauth.account.adapter import get_adapter

from cms.client_ip import UNKNOWN, client_ip

PROXY = "10.0.0.5"  # the nginx in front of the app: REMOTE_ADDR of every request
PASSWORD = "una-clave-segura-123"
FILING_URL = "/es/pqrsd/"
# django-ratelimit counts in fixed windows; a day-long one keeps a slow run (PostgreSQL)
# from crossing a window edge halfway through a test.
FILING_RATE = "10/d"
LOGIN_URL = "/es/cuentas/login/"


def request_with(remote_addr=PROXY, forwarded=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    "count, forwarded, expected",
    [
        (0, None, PROXY),
        (0, "203.0.113.9", PROXY),  # no trusted proxy: a forged header is ignored
        (1, None, PROXY),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client prepended a lie
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.4", "203.0.113.9"),
        (2, "203.0.113.9", PROXY),  # fewer hops than proxies: not trusted
        (1, "not-an-address", PROXY),
        (1, " 2001:db8::1 ", "2001:db8::1"),
        (1, "[2001:db8::2]", "2001:db8::2"),
    ],
)
def test_client_ip_counts_trusted_proxies_from_the_right(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request_with(forwarded=forwarded)) == expected


def test_client_ip_without_any_address_is_a_placeholder(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_with(remote_addr="")) == UNKNOWN == "0.0.0.0"  # noqa: S104


def test_allauth_and_django_ratelimit_use_the_same_function(settings):
    from django_ratelimit.core import _get_ip

    settings.TRUSTED_PROXY_COUNT = 1
    request = request_with(forwarded="198.51.100.7")
    assert get_adapter().get_client_ip(request) == "198.51.100.7"
    assert _get_ip(request) == "198.51.100.7"


def test_trusted_proxy_count_comes_from_the_environment(monkeypatch):
    import importlib

    from cms.settings import base

    monkeypatch.setenv("TRUSTED_PROXY_COUNT", "1")
    assert importlib.reload(base).TRUSTED_PROXY_COUNT == 1
    monkeypatch.delenv("TRUSTED_PROXY_COUNT")
    assert importlib.reload(base).TRUSTED_PROXY_COUNT == 0


# -- Rate limits behind the proxy ------------------------------------------------------


def file_from(client, address):
    return client.post(FILING_URL, {}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


@pytest.mark.django_db
def test_one_citizen_exhausting_pqrsd_filing_does_not_block_another(demo_site, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pqr_filing": FILING_RATE}
    statuses = [file_from(client, "198.51.100.1").status_code for _ in range(11)]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429
    assert file_from(client, "198.51.100.2").status_code == 200
    assert file_from(client, "198.51.100.1").status_code == 429


@pytest.mark.django_db
def test_forged_forwarded_for_without_trusted_proxy_gives_no_fresh_bucket(
    demo_site, client, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "pqr_filing": FILING_RATE}
    for n in range(10):
        assert file_from(client, f"198.51.100.{n}").status_code == 200
    assert file_from(client, "198.51.100.99").status_code == 429


def login(client, email, password, address):
    return client.post(
        LOGIN_URL,
        {"login": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


@pytest.mark.django_db
def test_wrong_passwords_for_one_account_do_not_lock_another_client(
    demo_site, client, settings, make_user
):
    """30 wrong passwords for one account from one address lock that account and that
    address only: another citizen behind the same proxy still signs in."""
    settings.TRUSTED_PROXY_COUNT = 1
    victim = make_user("victima@correo.example")
    other = make_user("otra@correo.example")
    for _ in range(30):
        login(client, victim.email, "mala-clave", "198.51.100.1")
    assert "_auth_user_id" not in client.session

    response = login(client, other.email, PASSWORD, "198.51.100.2")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)
    client.logout()

    # The attacked account itself stays locked for a while (per-account limit), and
    # the attacking address too, even for an account it did not try.
    response = login(client, victim.email, PASSWORD, "198.51.100.3")
    assert "_auth_user_id" not in client.session
    response = login(client, other.email, PASSWORD, "198.51.100.1")
    assert response.status_code == 429 or "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_limits_without_trusted_proxy_ignore_a_forged_header(
    demo_site, client, settings, make_user
):
    settings.TRUSTED_PROXY_COUNT = 0
    victim = make_user("victima@correo.example")
    other = make_user("otra@correo.example")
    for n in range(30):
        login(client, victim.email, "mala-clave", f"198.51.100.{n}")
    response = login(client, other.email, PASSWORD, "198.51.100.200")
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


@pytest.mark.django_db
def test_comments_record_the_client_address_not_the_proxys(demo_site, settings, client, citizen):
    """A debate comment stores the poster's address: behind the proxy, the client's."""
    import time

    from django.core import signing

    from participation.forms import CommentForm
    from participation.models import Comment, DebatePage

    settings.TRUSTED_PROXY_COUNT = 1
    debate = next(d for d in DebatePage.objects.live() if d.is_open)
    data = {
        "comment": "Buen trabajo",
        "language": "es",
        "rendered": signing.dumps(time.time() - 60, salt=CommentForm.human_check_salt),
    }
    client.force_login(citizen)
    response = client.post(
        f"/es/participacion/debates/{debate.pk}/comentar/",
        data,
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.5",
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert Comment.objects.get(user=citizen).ip_address == "198.51.100.5"
