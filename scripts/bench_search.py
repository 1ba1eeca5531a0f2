"""`make bench-search`: p95 latency of the site search on PostgreSQL with 10,000+ pages
and documents, against a real gunicorn (2 workers, production settings).

It reuses scripts/bench.py (database creation, server environment, gunicorn start/stop
and the load generator). The database (BENCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/portal_search_bench) is migrated, given the demo
content, then seeded once with BENCH_SEARCH_PAGES pages (9,000) and BENCH_SEARCH_DOCUMENTS
documents (1,500) built from a Spanish vocabulary, indexed in bulk. Each query in QUERIES
is then loaded by BENCH_CONCURRENCY (8) clients for BENCH_SECONDS (5) seconds; the
script prints p50/p95 per query and overall and writes bench-search-results.json.

Rate limiting is switched off for the server (all clients share one address)."""

import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/portal_search_bench"
PAGES = int(os.environ.get("BENCH_SEARCH_PAGES") or 9000)
DOCUMENTS = int(os.environ.get("BENCH_SEARCH_DOCUMENTS") or 1500)
SEED_SLUG = "archivo-busqueda-bench"
RESULTS_FILE = ROOT / "bench-search-results.json"
TARGET_P95_MS = 150
QUERIES = [
    "tramite licencia construccion",
    "decreto 387",
    "Decreto 387 de 2009",
    "impuesto predial 2026",
    "pqr",
    "licencias",
    "horarios de atención",
    "presupuesto participativo",
]

SUBJECTS = [
    "trámite",
    "licencia de construcción",
    "impuesto predial",
    "presupuesto participativo",
    "plan de desarrollo",
    "subsidio de vivienda",
    "permiso de eventos",
    "certificado de residencia",
    "contratación pública",
    "rendición de cuentas",
    "movilidad",
    "salud pública",
    "educación",
    "espacio público",
    "gestión del riesgo",
    "cultura",
    "deporte",
    "medio ambiente",
    "catastro",
    "servicios públicos",
    "adulto mayor",
    "primera infancia",
    "empleo",
    "emprendimiento",
]
KINDS = ["Decreto", "Resolución", "Acuerdo", "Circular", "Informe", "Noticia", "Guía", "Trámite"]
WORDS = (
    "la alcaldía de soacha informa a la ciudadanía sobre requisitos pasos costos horarios de "
    "atención y documentos necesarios para cada solicitud ante la secretaría competente según "
    "la normatividad vigente y los lineamientos de gobierno en línea"
).split()


def load_bench_module():
    spec = importlib.util.spec_from_file_location("portal_bench", ROOT / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def text(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words))


def title(rng, number):
    kind = rng.choice(KINDS)
    subject = rng.choice(SUBJECTS)
    return f"{kind} {number} de {rng.randint(2005, 2026)} sobre {subject}"


# Seeding (runs in a subprocess with the server's settings and database) ----------------


def seed_in_process():
    """Create the seed pages and documents once, with search auto-update off, then add
    them to the index in bulk."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.db import transaction
    from django.utils import timezone

    from wagtail.documents import get_document_model
    from wagtail.models import Locale
    from wagtail.search.backends import get_search_backend

    from home.models import HomePage, StandardPage

    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False
    rng = random.Random(387)  # noqa: S311 - reproducible data, not security
    home = HomePage.objects.get(depth=2, locale=Locale.objects.get(language_code="es"))
    archive = StandardPage.objects.filter(slug=SEED_SLUG).first()
    if archive is None:
        archive = home.add_child(
            instance=StandardPage(title="Archivo de pruebas de búsqueda", slug=SEED_SLUG)
        )
    existing = archive.get_children().count()
    now = timezone.now()
    created_pages = []
    with transaction.atomic():
        for number in range(existing, PAGES):
            created_pages.append(
                archive.add_child(
                    instance=StandardPage(
                        title=title(rng, number + 1),
                        slug=f"bench-{number}",
                        introduction=text(rng, 25),
                        body=[("paragraph", f"<p>{text(rng, 80)}</p>")],
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            )
    Document = get_document_model()
    documents = Document.objects.filter(title__startswith="Bench ")
    new_documents = [
        Document(title=f"Bench {title(rng, number + 1)}", file=f"documents/bench-{number}.txt")
        for number in range(documents.count(), DOCUMENTS)
    ]
    if new_documents:
        Document.objects.bulk_create(new_documents, batch_size=500)
    backend = get_search_backend()
    batches = [(StandardPage, created_pages)]
    if new_documents:
        batches.append((Document, list(Document.objects.filter(title__startswith="Bench "))))
    for model, objects in batches:
        index = backend.get_index_for_model(model)
        for start in range(0, len(objects), 500):
            index.add_items(model, objects[start : start + 500])
    print(json.dumps({"pages": len(created_pages), "documents": len(new_documents)}))


# Driver ---------------------------------------------------------------------------------


def main():
    bench = load_bench_module()
    database_url = os.environ.get("BENCH_DATABASE_URL", "").strip() or DEFAULT_URL
    date = datetime.now(UTC).isoformat(timespec="seconds")
    with tempfile.TemporaryDirectory(prefix="soacha-bench-search-") as tmp:
        log_path = Path(tmp) / "gunicorn.log"
        process = None
        try:
            name = bench.ensure_postgres_database(database_url)
            media_root = Path(tempfile.gettempdir()) / f"soacha-bench-media-{name}"
            env = bench.server_env(database_url, media_root)
            env["RATELIMIT_ENABLE"] = "false"
            bench.manage(env, "migrate", "--noinput")
            bench.manage(env, "load_demo_content")
            bench.manage(env, "collectstatic", "--noinput", "--verbosity", "0")
            print(f"seeding {PAGES} pages and {DOCUMENTS} documents (once)", flush=True)
            begin = time.monotonic()
            seeded = subprocess.run(
                [sys.executable, __file__, "--seed"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            if seeded.returncode != 0:
                raise bench.SetupError(f"seeding failed:\n{seeded.stdout}{seeded.stderr}")
            print(f"  {seeded.stdout.strip()} ({time.monotonic() - begin:.0f} s)")
            port = bench.free_port()
            process = bench.start_gunicorn(env, port, log_path)
            entries = [
                {"name": query, "method": "GET", "path": "/es/buscar/?" + urlencode({"q": query})}
                for query in QUERIES
            ]
            bench.wait_until_ready(process, port, entries[0]["path"])
            results, all_latencies = [], []
            for entry in entries:
                print(f"loading {entry['path']}", flush=True)
                bench.run_load(port, entry, bench.SECONDS, 1, bench.WARMUP_REQUESTS)
                load, elapsed = bench.run_load(
                    port, entry, bench.SECONDS, bench.CONCURRENCY, bench.MAX_REQUESTS
                )
                latencies = sorted(load.latencies)
                all_latencies.extend(latencies)
                results.append(
                    {
                        "query": entry["name"],
                        "requests": len(latencies),
                        "requests_per_second": round(len(latencies) / elapsed, 1),
                        "p50_ms": bench.percentile_ms(latencies, 0.5),
                        "p95_ms": bench.percentile_ms(latencies, 0.95),
                        "errors": load.errors,
                        "statuses": dict(load.statuses),
                    }
                )
        except bench.SetupError as error:
            print(f"bench-search: {error}", file=sys.stderr)
            if log_path.exists():
                print(log_path.read_text(errors="replace")[-3000:], file=sys.stderr)
            return 1
        finally:
            bench.stop_gunicorn(process)
    all_latencies.sort()
    overall = {
        "p50_ms": bench.percentile_ms(all_latencies, 0.5),
        "p95_ms": bench.percentile_ms(all_latencies, 0.95),
        "requests": len(all_latencies),
    }
    print(f"\nsearch bench {date}: PostgreSQL, {PAGES} pages + {DOCUMENTS} documents seeded,")
    print(
        f"gunicorn {bench.WORKERS} workers, concurrency {bench.CONCURRENCY}, {os.cpu_count()} CPUs"
    )
    for row in results:
        print(
            f"  {row['query']:<32} {row['requests']:>6} req  {row['requests_per_second']:>7} req/s"
            f"  p50 {row['p50_ms']:>7} ms  p95 {row['p95_ms']:>7} ms  errors {row['errors']}"
        )
    verdict = (
        "under" if overall["p95_ms"] is not None and overall["p95_ms"] < TARGET_P95_MS else "OVER"
    )
    print(f"overall p95 {overall['p95_ms']} ms ({verdict} the {TARGET_P95_MS} ms target)")
    RESULTS_FILE.write_text(
        json.dumps({"date": date, "overall": overall, "results": results}, indent=2)
    )
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--seed"]:
        seed_in_process()
    else:
        sys.exit(main())
