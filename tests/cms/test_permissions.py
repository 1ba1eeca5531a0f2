"""cms.permissions.rule_required: a view runs only when its named rule holds."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory

import pytest

from cms.permissions import rule_required


def _view(request, value):
    return HttpResponse(value)


def _request():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return request


def test_the_view_runs_when_the_rule_holds():
    seen = []
    view = rule_required(lambda user: seen.append(user) or True)(_view)
    assert view(_request(), "ok").content == b"ok"
    assert len(seen) == 1


def test_the_view_is_refused_when_the_rule_fails():
    view = rule_required(lambda user: False)(_view)
    with pytest.raises(PermissionDenied):
        view(_request(), "never")


def test_the_guarded_view_keeps_its_name():
    assert rule_required(lambda user: True)(_view).__name__ == "_view"
