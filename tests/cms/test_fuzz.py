"""Junk sent to every public URL and form of the portal never gives a 5xx (issue 9,
item 5). Runs in both passes of `make test` (SQLite, then PostgreSQL, where a NUL byte
or an out-of-range integer reaching the database used to fail).

For each sample URL of tests/fuzz_samples.py (one per pattern of tests/url_inventory.py),
anonymously and as a signed-in citizen: the URL itself; every query parameter the views
read (and those of the page's GET forms) set to each junk value; repeated parameters;
non-UTF-8 percent-encoded bytes; and the last path segment replaced by junk. Every POST
form found on those pages, plus the POST-only endpoints, is sent as the browser would
(with the CSRF token of the page), without the token, with each field set to each junk
value (multipart), with repeated fields, and URL-encoded with non-UTF-8 bytes.
The portal's own admin views get the same GET junk as a superuser.
Rate limits are off here, so a 429 cannot hide a crash. Run with ``-s`` to see the count."""

from collections import Counter
from urllib.parse import quote, urlsplit

from django.test import Client, override_settings

import pytest

from tests.fuzz_samples import SAMPLES, STAFF_ONLY, load_demo, post_only
from tests.html_forms import forms_of
from tests.url_inventory import missing_rows

pytestmark = pytest.mark.django_db

JUNK = [
    "\x00",
    "a" * 10_000,
    "abc",
    "-1",
    "99999999999999999999",
    "²",
    "zzz-opcion-desconocida",
    "",
    "../../<b>'\"",
]
PATH_JUNK = ["abc", "-1", "99999999999999999999", "a" * 2000, "%FF%FE", "x%00", "%C3%28"]
NON_UTF8 = "%FF%FE%C3%28"
#: parameters read by the portal's views (page numbers, calendars, filters, search)
QUERY_PARAMS = ["page", "p", "q", "year", "month", "categoria", "contexto", "next", "days"]
#: filters of the portal's admin views
ADMIN_PARAMS = ["status", "type", "dependency", "open", "start", "end"]


class Fuzzer:
    def __init__(self):
        self.junk = JUNK
        self.requests = 0
        self.statuses = Counter()
        self.failures = []
        self.seen_forms = set()

    def send(self, client, method, path, label, **kwargs):
        self.requests += 1
        response = getattr(client, method)(path, **kwargs)
        self.statuses[response.status_code] += 1
        if response.status_code >= 500:
            shown = path if len(path) < 200 else path[:200] + "…"
            self.failures.append(f"{response.status_code} {method.upper()} {shown} [{label}]")
        return response

    def fuzz_get(self, client, url, label, deep, extra_params=()):
        response = self.send(client, "get", url, label)
        html = response.content.decode("utf-8", "replace") if _is_html(response) else ""
        forms = forms_of(html, url) if html else []
        if not deep:
            return forms
        base = url.split("?", 1)[0]
        params = dict.fromkeys([*QUERY_PARAMS, *extra_params])
        for form in forms:
            if form.method == "get":
                params.update(dict.fromkeys(form.fields))
        for value in JUNK:
            query = "&".join(f"{quote(name)}={quote(value)}" for name in params)
            self.send(client, "get", f"{base}?{query}", label)
        repeated = "&".join(f"{quote(n)}=1&{quote(n)}=abc&{quote(n)}=-5" for n in params)
        self.send(client, "get", f"{base}?{repeated}", label)
        self.send(client, "get", f"{base}?{'&'.join(f'{n}={NON_UTF8}' for n in params)}", label)
        trimmed = base.rstrip("/")
        if trimmed.count("/") > 1:
            parent, _last = trimmed.rsplit("/", 1)
            for junk in PATH_JUNK:
                self.send(client, "get", f"{parent}/{junk}/", label)
        return forms

    def fuzz_post(self, client, csrf_client, page_url, path, fields, label, files=()):
        """``client`` skips CSRF checks (to reach the view with junk); ``csrf_client``
        enforces them and posts once with the page's token and once without."""
        if csrf_client is not None and page_url:
            page = csrf_client.get(page_url)
            token = _csrf_token(page, page_url, path)
            self.requests += 1
            self.statuses[page.status_code] += 1
            if token:
                self.send(csrf_client, "post", path, label, data={**fields, **token})
            no_token = {k: v for k, v in fields.items() if k != "csrfmiddlewaretoken"}
            self.send(csrf_client, "post", path, label + " no CSRF", data=no_token)
        self.send(client, "post", path, label, data=fields)
        for name in [*fields, *files]:
            if name == "csrfmiddlewaretoken":
                continue
            for value in self.junk:
                self.send(client, "post", path, f"{label} {name}", data={**fields, name: value})
        self.send(
            client,
            "post",
            path,
            label + " repeated",
            data={name: [value, "abc", "-1"] for name, value in fields.items()},
        )
        body = "&".join(f"{quote(name)}={NON_UTF8}" for name in fields)
        self.send(
            client,
            "post",
            path,
            label + " non-UTF-8",
            data=body,
            content_type="application/x-www-form-urlencoded",
        )


def _is_html(response):
    return response.get("Content-Type", "").startswith("text/html")


def _csrf_token(response, page_url, action):
    if not _is_html(response):
        return None
    for form in forms_of(response.content.decode("utf-8", "replace"), page_url):
        if form.action.split("?")[0] == action.split("?")[0] and form.method == "post":
            token = form.fields.get("csrfmiddlewaretoken")
            return {"csrfmiddlewaretoken": token} if token else None
    return None


def _clients(user=None):
    loose = Client(raise_request_exception=False)
    strict = Client(raise_request_exception=False, enforce_csrf_checks=True)
    if user is not None:
        loose.force_login(user)
        strict.force_login(user)
    return loose, strict


def test_every_inventory_route_has_a_fuzz_row():
    """A new view without a row in tests/fuzz_samples.py (or STAFF_ONLY) fails here."""
    assert missing_rows({*SAMPLES, *STAFF_ONLY}) == []


def _sample_urls(demo):
    return [url for make in SAMPLES.values() for url in make(demo)]


@pytest.mark.engine_neutral
@override_settings(RATELIMIT_ENABLE=False, ACCOUNT_RATE_LIMITS=False)
def test_junk_to_every_public_url_and_form_never_gives_a_5xx(demo_site, citizen, superuser, capsys):
    demo = load_demo(demo_site, citizen)
    fuzzer = Fuzzer()
    urls = _sample_urls(demo)
    for label, user in (("anonymous", None), ("citizen", citizen)):
        client, csrf_client = _clients(user)
        # The citizen pass repeats the forms with the junk most likely to differ when
        # signed in (prefilled fields); the anonymous pass sends all of it.
        fuzzer.junk = JUNK if user is None else JUNK[:4]
        forms = {}
        for url in urls:
            for form in fuzzer.fuzz_get(client, url, label, deep=user is None):
                if form.method == "post" and form.key not in forms:
                    forms[form.key] = (url, form)
        for page_url, form in forms.values():
            if urlsplit(form.action).path.endswith("/logout/"):
                continue  # would sign the citizen out half-way; fuzzed anonymously
            fuzzer.fuzz_post(
                client,
                csrf_client,
                page_url,
                form.action,
                form.fields,
                f"{label} form of {page_url}",
                form.files,
            )
            if user is not None:
                client.force_login(user)
                csrf_client.force_login(user)
        for path, fields in post_only(demo):
            fuzzer.fuzz_post(client, None, None, path, fields, f"{label} post-only")
    client, _strict = _clients(superuser)
    for make in STAFF_ONLY.values():
        for url in make(demo):
            fuzzer.fuzz_get(client, url, "superuser", deep=True, extra_params=ADMIN_PARAMS)
    with capsys.disabled():
        statuses = dict(sorted(fuzzer.statuses.items()))
        print(f"\nfuzz: {fuzzer.requests} requests, {len(fuzzer.failures)} 5xx; {statuses}")  # noqa: T201
    assert fuzzer.failures == [], "\n".join(fuzzer.failures)
