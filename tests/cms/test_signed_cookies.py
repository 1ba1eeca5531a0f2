"""The one signed-cookie helper: same flags everywhere, forged or old values ignored."""

from django.http import HttpResponse
from django.test import RequestFactory

from cms.signed_cookies import SignedCookie

COOKIE = SignedCookie("prueba", salt="tests.cookie", max_age=60)


def _round_trip(value, secure=False, salt=None):
    response = COOKIE.write(RequestFactory().get("/", secure=secure), HttpResponse(), value)
    morsel = response.cookies["prueba"]
    request = RequestFactory().get("/")
    request.COOKIES["prueba"] = morsel.value
    reader = COOKIE if salt is None else SignedCookie("prueba", salt=salt, max_age=60)
    return morsel, reader.read(request, default="nada")


def test_value_round_trips_with_the_site_flags():
    morsel, value = _round_trip("abc")
    assert value == "abc"
    assert morsel["httponly"] and morsel["samesite"] == "Lax" and morsel["max-age"] == 60
    assert not morsel["secure"]
    assert _round_trip("abc", secure=True)[0]["secure"]


def test_forged_or_other_purpose_values_are_ignored():
    request = RequestFactory().get("/")
    request.COOKIES["prueba"] = "abc:forged"
    assert COOKIE.read(request, default="nada") == "nada"
    assert _round_trip("abc", salt="otro.proposito")[1] == "nada"
