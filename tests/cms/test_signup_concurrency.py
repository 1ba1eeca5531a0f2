"""Two people (or one double click) registering the same email at the same moment."""

import threading

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

import pytest
from allauth.account.models import EmailAddress

PASSWORD = "Soacha-para-vivir-2026"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_signups_with_one_email_create_one_account():
    """Eight simultaneous sign-ups for one address make exactly one user and no 500."""
    barrier = threading.Barrier(8)
    statuses = []

    def sign_up():
        try:
            client = Client(raise_request_exception=False)
            barrier.wait()
            response = client.post(
                "/es/cuentas/signup/",
                {
                    "email": "Carrera@Correo.example",
                    "password1": PASSWORD,
                    "password2": PASSWORD,
                    "consent": "on",
                },
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(statuses) == 8
    assert all(status in (200, 302) for status in statuses), statuses
    assert get_user_model().objects.filter(email__iexact="carrera@correo.example").count() == 1
    assert EmailAddress.objects.filter(email__iexact="carrera@correo.example").count() == 1


@pytest.mark.django_db
def test_email_is_unique_ignoring_case(django_user_model):
    """The database refuses a second user whose email differs only in case."""
    from django.db import IntegrityError, transaction

    django_user_model.objects.create_user(username="a", email="Ana@Correo.example")
    with pytest.raises(IntegrityError), transaction.atomic():
        django_user_model.objects.create_user(username="b", email="ana@correo.example")
    django_user_model.objects.create_user(username="c", email="")
    django_user_model.objects.create_user(username="d", email="")
