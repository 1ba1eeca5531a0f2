"""`make run`'s demo step prints no e-mail (the demo's petitions are acknowledged
nowhere) and ends with where the portal answers and the demo logins."""

import json

from django.core.management import call_command
from django.db import transaction

import pytest

from cms.demo.loader import SITE_DATA, demo_password
from pqr.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit_now(monkeypatch):
    """On-commit callbacks run at once, as they do when the command runs on its own
    (autocommit: the loader's transaction is the outermost one), not when the test's
    transaction ends."""
    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def test_demo_load_prints_no_email_and_ends_with_url_and_logins(
    demo_site, settings, capsys, commit_now
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.PORTAL_BASE_URL = "http://127.0.0.1:8123"
    # A demo petition to file again, whose acknowledgement would go to the console.
    refiled = Case.objects.exclude(email="").filter(form_token__isnull=False).first()
    assert refiled is not None
    refiled.delete()

    call_command("load_demo_content")

    output = capsys.readouterr().out
    assert Case.objects.filter(form_token=refiled.form_token).exists()
    assert "Subject:" not in output and "Content-Type:" not in output
    users = json.loads(SITE_DATA.read_text(encoding="utf-8"))["users"]
    tail = output.rstrip().splitlines()[-(len(users) + 3) :]
    assert tail[0].endswith("http://127.0.0.1:8123/")
    assert "http://127.0.0.1:8123/admin/" in tail[1]
    assert demo_password() in tail[2]
    assert [line.split()[0] for line in tail[3:]] == [user["email"] for user in users]
    assert settings.EMAIL_BACKEND.endswith("console.EmailBackend")  # restored
