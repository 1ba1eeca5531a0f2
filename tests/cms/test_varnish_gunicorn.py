"""A real ``varnishd`` with the shipped VCL (deploy/varnish/default.vcl) in front of a
real gunicorn with the production settings, as `make serve` runs them (scripts/stack.py):
anonymous pages are cached and purged on publish (a page, the main menu; Spanish and
English), a signed-in visitor never gets a cached page nor someone else's, POSTs always
reach the application, and only the application's own addresses may purge.

One gunicorn (two workers) and one varnishd serve the whole module, and the database
is handled once per module too: gunicorn reads the PostgreSQL test database, so every
write of a test must be committed, and restoring the demo around each test (what
``django_db(transaction=True, serialized_rollback=True)`` does) would cost seconds per
test. The module's tests are therefore not ``django_db`` tests: the ``database``
fixture opens database access for the whole module in autocommit, makes sure the demo
is in (restoring it from the session's snapshot when an earlier transactional test
flushed it, see tests/conftest.py), and at the end flushes the database and restores
the demo, leaving it as it found it. The tests only add users with their own e-mail
addresses and publish new titles, so they do not disturb each other; pytest-django
runs such non-database tests after all the others. pytest-django sets the test
database up only for django_db tests: ``test_the_demo_site_is_in`` is one, and the
fixture refuses to run on anything but a test database.

Requests name the host as a browser does for `make serve` (``localhost:<port>``), while
Wagtail's purges name the demo site's ``localhost``: the VCL hashes the host without
its port, so they meet.

Gunicorn shares this process's Redis database (TEST_REDIS_URL), so the navigation and
content caches' generations that a publish here replaces are the ones gunicorn reads;
every test starts with an empty Varnish (a BAN of everything) and an empty Redis
(tests/conftest.py).

PostgreSQL pass only. Skipped without varnishd (Debian's ``varnish``) or Redis, failed
then when REQUIRE_VARNISH=1 / REQUIRE_REDIS=1 (CI)."""

import http.client
import os
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.test import Client
from django.test.utils import override_settings

from wagtail.models import Page

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import stack  # noqa: E402

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
#: the cache key prefix of both this process and gunicorn (one namespace, shared keys)
KEY_PREFIX = "soacha-varnish"
WORKERS = 2

pytestmark = [pytest.mark.postgres, pytest.mark.varnish]


@dataclass
class Servers:
    varnish: int
    gunicorn: int

    @property
    def host(self):
        """The Host a browser sends to `make serve`'s Varnish (the demo site is
        "localhost"; Wagtail's purges name it without the port)."""
        return f"localhost:{self.varnish}"


def require(variable, reason):
    if os.environ.get(variable) == "1":
        pytest.fail(f"{variable}=1 but {reason}")
    pytest.skip(reason)


def redis_cache_settings():
    from django.core.cache.backends.redis import RedisCache

    probe = RedisCache(REDIS_URL, {"KEY_PREFIX": KEY_PREFIX})
    try:
        probe.get("ping")
    except Exception as error:  # noqa: BLE001 - any failure means "not available"
        require("REQUIRE_REDIS", f"needs Redis at {REDIS_URL}: {error}")
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": KEY_PREFIX,
            "TIMEOUT": 300,
        }
    }


@pytest.fixture(scope="module")
def database(django_db_setup, django_db_blocker):
    """Committed database access for the module, with the demo in; restored after."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: runs in the PostgreSQL pass of `make test`")
    if not connection.settings_dict["NAME"].startswith("test_"):
        # pytest-django sets the test database up only when a selected test is a
        # django_db test (test_the_demo_site_is_in is); never flush a real database.
        pytest.fail("the test database is not set up: select test_the_demo_site_is_in too")
    snapshot = getattr(connection, "_test_serialized_contents", None)
    with django_db_blocker.unblock():
        from tests.conftest import _ensure_demo_site
        from transparency.models import TransparencyPage

        if snapshot and not TransparencyPage.objects.exists():
            connection.creation.deserialize_db_from_string(snapshot)
        _ensure_demo_site()
        if not snapshot:  # no test of this session asked Django for one
            snapshot = connection.creation.serialize_db_to_string()
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(snapshot)


@pytest.fixture(scope="module")
def servers(database, tmp_path_factory):
    """gunicorn (production settings, the test database, the shared Redis) and varnishd
    in front of it, for the whole module."""
    from django.conf import settings
    from django.db import connection

    if stack.varnishd_path() is None:
        require("REQUIRE_VARNISH", "needs varnishd (apt-get install varnish)")
    caches = redis_cache_settings()
    workdir = tmp_path_factory.mktemp("varnish-gunicorn")
    gunicorn_port, varnish_port = stack.free_port(), stack.free_port()
    secret_key = stack.new_secret_key()  # sessions made here are read there
    env = stack.production_env(
        DATABASE_URL=stack.database_url(connection.settings_dict),
        DB_CONN_MAX_AGE=0,  # no connection held between requests: the flush can lock
        REDIS_URL=REDIS_URL,
        WEB_CONCURRENCY=WORKERS,
        CACHE_KEY_PREFIX=KEY_PREFIX,
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="localhost,127.0.0.1",
        STATIC_ROOT=workdir / "static",
        MEDIA_ROOT=settings.MEDIA_ROOT,
        PRIVATE_MEDIA_ROOT=settings.PRIVATE_MEDIA_ROOT,
        FRONTEND_CACHE_URLS=f"http://{stack.HOST}:{varnish_port}",
        PAGE_CACHE="false",
        RATELIMIT_ENABLE="false",
        STAFF_REQUIRE_2FA="false",
        TASKS_BACKEND="immediate",
        USAGE_COUNTING="false",
    )
    for name in ("TEST_DATABASE_URL", "EMAIL_HOST"):
        env.pop(name, None)
    stack.manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    override = override_settings(
        CACHES=caches,
        SECRET_KEY=secret_key,
        WAGTAILFRONTENDCACHE={
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://{stack.HOST}:{varnish_port}",
            }
        },
    )
    override.enable()
    processes = []
    try:
        gunicorn = stack.start_gunicorn(env, gunicorn_port, WORKERS, workdir / "gunicorn.log")
        processes.append(gunicorn)
        stack.wait_for_http(gunicorn_port, process=gunicorn, name="gunicorn")
        varnish = stack.start_varnish(
            gunicorn_port,
            varnish_port,
            workdir,
            log_path=workdir / "varnishd.log",
            memory="32m",
            params=["ban_lurker_sleep=0.01"],
        )
        processes.append(varnish)
        stack.wait_for_port(varnish_port, process=varnish, name="varnishd")
        yield Servers(varnish=varnish_port, gunicorn=gunicorn_port)
    except stack.StackError as error:
        logs = "".join(
            path.read_text(errors="replace")[-3000:] for path in sorted(workdir.glob("*.log"))
        )
        pytest.fail(f"{error}\n{logs}")
    finally:
        stack.stop_all(processes)
        override.disable()


@pytest.fixture
def varnish(servers):
    """The servers, with nothing cached in Varnish."""
    response, _ = request(servers, "BAN", "/", headers={"X-Ban-Url": "."})
    assert response.status == 200
    return servers


def request(servers, method, path, headers=None, body=None, source="127.0.0.1"):
    conn = http.client.HTTPConnection(
        stack.HOST, servers.varnish, timeout=30, source_address=(source, 0)
    )
    try:
        conn.request(method, path, body=body, headers={"Host": servers.host, **(headers or {})})
        response = conn.getresponse()
        return response, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def get(servers, path, **kwargs):
    return request(servers, "GET", path, **kwargs)


def cache_status(servers, path, **kwargs):
    return get(servers, path, **kwargs)[0].getheader("X-Cache")


def news_page(language="es"):
    return (
        Page.objects.live()
        .filter(url_path__contains="/noticias/actualidad/", depth__gt=4)
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
        .specific
    )


def new_user(role, groups=()):
    """A user with a verified e-mail address of its own (the database is the module's)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from allauth.account.models import EmailAddress

    email = f"{role}-{uuid.uuid4().hex[:8]}@test.example"
    user = get_user_model().objects.create_user(username=email, email=email, password=None)
    user.groups.add(*Group.objects.filter(name__in=groups))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def editor(servers):
    return new_user("editor", groups=["Editores"])


def session_cookie(user):
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}; csrftoken=x"


@pytest.mark.django_db
def test_the_demo_site_is_in():
    """Also what makes pytest-django set the test database up for this module, whose
    other tests are not django_db tests (see the module's docstring)."""
    assert Page.objects.live().filter(url_path__contains="/noticias/actualidad/").exists()


def test_a_first_request_misses_and_the_second_hits(varnish):
    first, _ = get(varnish, "/es/noticias/actualidad/")
    second, body = get(varnish, "/es/noticias/actualidad/")
    assert first.status == second.status == 200
    assert first.getheader("X-Cache") == "MISS"
    assert len(first.getheader("X-Varnish").split()) == 1  # fetched from gunicorn
    assert second.getheader("X-Cache") == "HIT"
    assert len(second.getheader("X-Varnish").split()) == 2  # this request and the stored one
    assert second.getheader("Age") is not None
    assert "public" in second.getheader("Cache-Control")
    assert "<h1" in body


def test_tracking_parameters_share_the_cached_object(varnish):
    get(varnish, "/es/noticias/actualidad/")
    assert cache_status(varnish, "/es/noticias/actualidad/?utm_source=boletin&fbclid=a") == "HIT"


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_published_change_shows_through_varnish_within_a_second(varnish, editor, language):
    page = news_page(language)
    path, listing_path = page.url, page.get_parent().url
    get(varnish, path)
    get(varnish, listing_path)
    assert cache_status(varnish, path) == cache_status(varnish, listing_path) == "HIT"
    page.title = f"{page.title} (actualizada)"
    page.save_revision(user=editor).publish(user=editor)
    published = time.monotonic()
    response, body = get(varnish, path)
    assert time.monotonic() - published < 1
    assert response.getheader("X-Cache") == "MISS"
    assert "(actualizada)" in body
    listing, listing_body = get(varnish, listing_path)
    assert listing.getheader("X-Cache") == "MISS"
    assert "(actualizada)" in listing_body


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_main_menu_change_shows_on_every_cached_page(varnish, editor, language):
    path = news_page(language).url
    get(varnish, path)
    assert cache_status(varnish, path) == "HIT"
    section = (
        Page.objects.live()
        .filter(show_in_menus=True, locale__language_code=language, depth=3)
        .order_by("path")
        .first()
        .specific
    )
    new_title = f"Sección renombrada {language}"
    section.title = new_title
    section.save_revision(user=editor).publish(user=editor)
    deadline = time.monotonic() + 1
    while True:
        response, body = get(varnish, path)
        if new_title in body or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert new_title in body


def test_a_signed_in_visitor_never_gets_a_cached_page(varnish):
    citizen, other = new_user("ciudadano"), new_user("otra-persona")
    page = "/es/noticias/actualidad/"
    get(varnish, page)
    assert cache_status(varnish, page) == "HIT"  # an anonymous copy is cached
    for user, stranger in ((citizen, other), (other, citizen)):
        cookie = session_cookie(user)
        for path, marker in ((page, "/es/mi-cuenta/"), ("/es/mi-cuenta/", user.email)):
            for _ in range(2):
                response, body = get(varnish, path, headers={"Cookie": cookie})
                assert response.status == 200, (path, response.status)
                assert response.getheader("X-Cache") == "MISS"
                assert len(response.getheader("X-Varnish").split()) == 1
                assert "private" in response.getheader("Cache-Control")
                assert marker in body
                assert stranger.email not in body
    anonymous, anonymous_body = get(varnish, page)
    assert anonymous.getheader("X-Cache") == "HIT"
    assert "/es/mi-cuenta/" not in anonymous_body


def test_a_post_is_never_cached(varnish):
    body = "page=1&feedback-useful=1"
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"http://{varnish.host}",
    }
    for _ in range(2):
        response, _ = request(varnish, "POST", "/es/encuestas/valoracion/", headers, body)
        assert response.getheader("X-Cache") == "MISS"
        assert len(response.getheader("X-Varnish").split()) == 1


def test_only_the_application_servers_may_purge(varnish):
    page = "/es/noticias/actualidad/"
    get(varnish, page)
    foreign, _ = request(varnish, "PURGE", page, source="127.0.0.2")
    assert foreign.status == 403
    assert cache_status(varnish, page) == "HIT"
    banned, _ = request(varnish, "BAN", "/", headers={"X-Ban-Url": "."}, source="127.0.0.2")
    assert banned.status == 403
    assert cache_status(varnish, page) == "HIT"
    own, _ = request(varnish, "PURGE", page)
    assert own.status == 200
    assert cache_status(varnish, page) == "MISS"
