#!/usr/bin/env bash
# `make lighthouse`: Lighthouse accessibility, best-practices and SEO scores of five key
# pages (home, a news page, the PQRSD form, a survey, search results; in Spanish) served
# by gunicorn with the production settings (DEBUG off, manifest static files), as
# scripts/bench.py serves them, over a fresh SQLite database with the demo content.
#
# Needs npm (npx fetches the pinned Lighthouse) and Chromium at $CHROME_PATH.
# Not part of `make test`. Reports go to $LIGHTHOUSE_DIR (default /tmp/soacha-lighthouse);
# exits non-zero when a score is below 100.
set -euo pipefail
cd "$(dirname "$0")/.."

# 12.x: the last major that runs on Node 18 and 20 (Lighthouse 13 wants Node 22.19+);
# LIGHTHOUSE_VERSION=13.5.0 make lighthouse tries another.
LIGHTHOUSE_VERSION="${LIGHTHOUSE_VERSION:-12.8.2}"
PORT="${PORT:-8108}"
OUT="${LIGHTHOUSE_DIR:-/tmp/soacha-lighthouse}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PY=.venv/bin/python
BASE="http://127.0.0.1:${PORT}"

mkdir -p "$OUT"
export DJANGO_SETTINGS_MODULE=cms.settings.production
export DATABASE_URL="sqlite:///${OUT}/db.sqlite3"
export MEDIA_ROOT="${OUT}/media"
SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
export ALLOWED_HOSTS="127.0.0.1,localhost"
export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false \
  LANGUAGE_COOKIE_SECURE=false
export DEMO_CONTENT_ALLOWED=1 RATELIMIT_ENABLE=false PYTHONUNBUFFERED=1 SERVE_MEDIA=true
unset REDIS_URL

$PY manage.py migrate --noinput >/dev/null
$PY manage.py load_demo_content >/dev/null
$PY manage.py collectstatic --noinput --verbosity 0

# One Spanish news page and one open survey of the demo.
read -r NEWS SURVEY < <($PY manage.py shell -c '
from home.models import NewsPage
from surveys.models import SurveyPage
news = NewsPage.objects.live().filter(locale__language_code="es").order_by("-first_published_at").first()
survey = SurveyPage.objects.live().filter(locale__language_code="es").order_by("path").first()
print(news.url, survey.url)
' | tail -n1)
PAGES=(
  "home /es/"
  "news ${NEWS}"
  "pqrsd /es/pqrsd/"
  "survey ${SURVEY}"
  "search /es/buscar/?q=agua"
)

$PY -m gunicorn cms.wsgi:application --bind "127.0.0.1:${PORT}" --workers 1 \
  --error-logfile "${OUT}/gunicorn.log" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "${BASE}/es/" 2>/dev/null && break
  sleep 1
done

status=0
for entry in "${PAGES[@]}"; do
  read -r name path <<<"$entry"
  npx --yes "lighthouse@${LIGHTHOUSE_VERSION}" "${BASE}${path}" --quiet \
    --chrome-flags="--headless=new --no-sandbox" \
    --only-categories=accessibility,best-practices,seo \
    --output=json --output=html --output-path="${OUT}/${name}" >/dev/null
  $PY - "${OUT}/${name}.report.json" "$name" "$path" <<'EOF' || status=1
import json, sys

report = json.load(open(sys.argv[1]))
scores = {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}
print(f"{sys.argv[2]:8} {sys.argv[3]:50} " + "  ".join(f"{k} {v}" for k, v in scores.items()))
for key, category in report["categories"].items():
    for ref in category["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"    {key}: {ref['id']}: {audit['title']}")
sys.exit(any(score < 100 for score in scores.values()))
EOF
done
echo "HTML and JSON reports in ${OUT}/"
exit "$status"
