"""Parallel submissions of an online form page take gapless radicados (PostgreSQL),
through the same counter as the PQRSD form (tests/pqr/test_concurrency.py)."""

import pytest

from pqr.models import Case, OnlineFormPage, RadicadoCounter
from tests.pqr.test_concurrency import _run

SLUG = "solicitud-certificado-de-residencia"
N = 60


def _data(page, token):
    data = {}
    for field in page.get_form_fields():
        value = "Respuesta"
        if field.field_type == "dropdown":
            value = field.choices.splitlines()[0]
        elif field.field_type == "checkbox":
            value = "on"
        data[f"field_{field.clean_name}"] = value
    return {
        **data,
        "form_token": token,
        "anonymous": "on",
        "answer_channel": "web",
        "consent": "on",
    }


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_online_form_filings_are_gapless(settings, demo_site):
    settings.RATELIMIT_ENABLE = False
    page = OnlineFormPage.objects.get(slug=SLUG, locale__language_code="es")
    before = set(Case.objects.values_list("pk", flat=True))
    start = RadicadoCounter.objects.order_by("-year").values_list("last", flat=True).first() or 0
    results, errors = _run([_data(page, f"of{n}") for n in range(N)], url=page.url)
    assert not errors, errors[:3]
    assert results.count(200) == N, sorted(set(results))
    new = Case.objects.exclude(pk__in=before)
    assert sorted(new.values_list("number", flat=True)) == list(range(start + 1, start + N + 1))
    assert new.values("radicado").distinct().count() == N
    assert set(new.values_list("online_form_id", flat=True)) == {page.pk}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_same_online_form_files_once(settings, demo_site):
    settings.RATELIMIT_ENABLE = False
    page = OnlineFormPage.objects.get(slug=SLUG, locale__language_code="es")
    before = Case.objects.count()
    results, errors = _run([_data(page, "same-online")] * 2, url=page.url)
    assert not errors, errors[:3]
    assert results == [200, 200]
    assert Case.objects.count() == before + 1
