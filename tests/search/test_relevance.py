"""Relevance on the demo content: what citizens of a Colombian municipality type (with
and without accents, abbreviations, misspellings, norm numbers, names of trámites and
dependencies) and the page that must come first or among the first three.

The test sends every query through the public search page, reports the mean
reciprocal rank (MRR; printed with ``pytest -s``) and fails when a page misses its
bound or the MRR falls below ``MRR_THRESHOLD``. It runs on SQLite here and on
PostgreSQL in test_postgres.py."""

import pytest

pytestmark = pytest.mark.django_db

#: The lowest mean reciprocal rank accepted over all the cases.
MRR_THRESHOLD = 0.85

#: (query, slug of the expected page, the rank it must have at worst)
CASES = [
    # Norms by type, number and year, written every way.
    ("decreto 387", "decreto-387-2009", 1),
    ("Decreto 387 de 2009", "decreto-387-2009", 1),
    ("dec 387 de 2009", "decreto-387-2009", 1),
    ("acuerdo 5", "acuerdo-05-2021", 1),
    ("acuerdo 05 de 2021", "acuerdo-05-2021", 1),
    ("ley 1712", "ley-1712-2014", 1),
    ("ley 1755 de 2015", "ley-1755-2015", 1),
    ("resolución 450", "resolucion-450-2025", 1),
    ("res 123 de 2016", "resolucion-123-2016", 1),
    ("circular 14", "circular-14-2025", 1),
    ("ley de transparencia", "ley-1712-2014", 3),
    # Trámites by name, by what the citizen wants to do, and by abbreviation.
    ("impuesto predial", "pago-impuesto-predial", 1),
    ("pagar predial", "pago-impuesto-predial", 1),
    ("predial", "pago-impuesto-predial", 3),
    ("paz y salvo predial", "paz-y-salvo-predial", 1),
    ("pqrs", "peticion-pqrsd", 3),
    ("derecho de petición", "pqrsd", 3),
    ("certificado de residencia", "certificado-de-residencia", 1),
    ("licencia de construcción", "licencia-de-construccion", 1),
    ("sisben", "encuesta-sisben", 1),
    ("SISBÉN", "encuesta-sisben", 1),
    ("ica", "declaracion-ica", 3),
    ("industria y comercio", "registro-industria-comercio", 3),
    ("pae", "alimentacion-escolar", 1),
    ("uso del suelo", "certificado-uso-del-suelo", 1),
    ("estrato", "estratificacion", 1),
    ("matricula colegio", "matricula-escolar", 1),
    ("vacunas", "vacunacion", 3),
    ("adulto mayor", "adulto-mayor-colombia-mayor", 3),
    ("pase de conduccion", "licencia-de-conduccion", 1),
    ("licencia de conducción", "licencia-de-conduccion", 1),
    ("traspaso vehiculo", "traspaso-vehiculo", 1),
    ("poda de arboles", "poda-tala-arboles", 1),
    ("adoptar perro", "adopcion-animales", 1),
    ("concepto sanitario", "concepto-sanitario", 1),
    ("certificado de discapacidad", "registro-discapacidad", 1),
    ("acuerdo de pago", "acuerdo-de-pago", 1),
    ("tramites", "tramites-y-servicios", 3),
    # Misspellings (corrected when nothing is found).
    ("certificado de recidencia", "certificado-de-residencia", 1),
    ("liscencia de construccion", "licencia-de-construccion", 1),
    ("sisbem", "encuesta-sisben", 1),
    ("contratasion", "contratacion", 1),
    ("trasparencia", "transparencia", 1),
    # Dependencies: their trámites.
    ("secretaria de movilidad", "licencia-de-conduccion", 3),
    ("secretaría de hacienda", "acuerdo-de-pago", 1),
    ("secretaria de la mujer", "ruta-violencias-genero", 1),
    ("secretaria de ambiente", "poda-tala-arboles", 3),
    # Transparency, participation, news and help pages.
    ("organigrama", "organigrama", 1),
    ("directorio de servidores", "directorio-de-servidores", 1),
    ("contratación", "contratacion", 1),
    ("presupuesto 2025", "vigencia-2025", 1),
    ("plan de desarrollo", "plan-de-desarrollo", 1),
    ("sedes y horarios", "sedes-y-horarios", 1),
    ("rendicion de cuentas", "cierre-rendicion-de-cuentas", 3),
    ("presupuesto participativo", "presupuesto-participativo", 3),
    ("glosario", "glosario", 1),
    ("preguntas frecuentes", "preguntas-frecuentes", 1),
    ("pico y placa", "pico-y-placa-diciembre-2026", 1),
    ("datos personales", "politica-de-privacidad", 3),
    ("victimas", "victimas", 1),
    ("atención a víctimas", "atencion-victimas", 3),
    ("violencia intrafamiliar", "medidas-de-proteccion", 1),
]


def ranked_slugs(client, query, address):
    """Slugs of the results listed on the first page for ``query``, in order."""
    response = client.get("/es/buscar/", {"q": query}, REMOTE_ADDR=address)
    assert response.status_code == 200, query
    return [hit.url.rstrip("/").rsplit("/", 1)[-1] for hit in response.context["hits"]]


def relevance(client):
    """(MRR, [failure descriptions]) over every case."""
    reciprocal, failures = [], []
    for number, (query, slug, bound) in enumerate(CASES):
        slugs = ranked_slugs(client, query, address=f"10.77.{number // 200}.{number % 200 + 1}")
        rank = slugs.index(slug) + 1 if slug in slugs else None
        reciprocal.append(1 / rank if rank else 0.0)
        if rank is None or rank > bound:
            failures.append(
                f"{query!r}: {slug} at rank {rank} (must be ≤ {bound}); got {slugs[:5]}"
            )
    return sum(reciprocal) / len(reciprocal), failures


def test_there_are_enough_cases():
    assert len(CASES) >= 40
    assert len({query for query, _slug, _bound in CASES}) == len(CASES)


def test_citizen_queries_find_the_expected_page(client, demo_site):
    from django.db import connection

    mrr, failures = relevance(client)
    report = f"MRR on {connection.vendor}: {mrr:.3f} over {len(CASES)} queries"
    print(f"\n{report}")  # noqa: T201 - the figure the issue asks for, shown with -s
    assert not failures and mrr >= MRR_THRESHOLD, "\n".join([report, *failures])
