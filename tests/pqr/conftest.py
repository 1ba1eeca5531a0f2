"""PQRSD fixtures: dependencies, officials with profiles, and a case factory."""

import pytest


@pytest.fixture
def dependencies(demo_site):
    from wagtail.models import Locale

    from cms.models import Dependency

    locale = Locale.objects.get(language_code="es")
    return [
        Dependency.objects.create(name=f"Secretaría PQR {n}", slug=f"pqr-dep-{n}", locale=locale)
        for n in (1, 2)
    ]


@pytest.fixture
def make_officer(make_user):
    from pqr.models import OfficerProfile

    def factory(email, dependencies=(), sees_all=False):
        user = make_user(email, groups=["Funcionarios PQRSD"])
        profile = OfficerProfile.objects.create(user=user, sees_all=sees_all)
        profile.dependencies.set(dependencies)
        return user

    return factory


@pytest.fixture
def officer(make_officer, dependencies):
    """An official of the first dependency only."""
    return make_officer("funcionario@test.example", [dependencies[0]])


@pytest.fixture
def other_officer(make_officer, dependencies):
    """An official of the second dependency."""
    return make_officer("otro@test.example", [dependencies[1]])


@pytest.fixture
def make_case(db):
    from pqr.filing import file_case
    from tests.fuzz_samples import SAMPLE_PETITION

    def factory(dependency=None, **data):
        values = {**SAMPLE_PETITION, **data}
        filed = file_case(values)
        if dependency is not None:
            filed.case.dependency = dependency
            filed.case.save()
        filed.case.code = filed.code
        return filed.case

    return factory


@pytest.fixture
def valid_post():
    return {
        "form_token": "token-123",
        "petition_type": "general",
        "subject": "Alumbrado público",
        "description": "La luminaria del parque no funciona desde hace un mes.",
        "name": "Ana Pérez",
        "id_type": "CC",
        "id_number": "1012345678",
        "email": "ana@test.example",
        "phone": "3001234567",
        "address": "",
        "answer_channel": "email",
        "consent": "on",
    }


@pytest.fixture(autouse=True)
def _without_demo_cases(request):
    """Start database tests with no cases (the demo site files three sample cases);
    the deletion rolls back with the test."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or marker.kwargs.get("transaction"):
        return
    # The demo site loads first (it files the sample cases), then they go.
    request.getfixturevalue("demo_site")
    from pqr.models import Case, RadicadoCounter

    Case.objects.all().delete()
    RadicadoCounter.objects.all().delete()


@pytest.fixture(autouse=True)
def _spanish():
    """Reverse URLs under the Spanish prefix, as the site serves them."""
    from django.utils import translation

    with translation.override("es"):
        yield


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Attachments go to a private folder of the test, apart from MEDIA_ROOT."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.PRIVATE_MEDIA_ROOT
