# Portal Soacha: `make run` and `make test` are all a newcomer needs.
SHELL := /bin/bash
PYTHON ?= python3
PORT ?= 8000
VARNISH_PORT ?= 8080
# `make serve`'s links in e-mails point at Varnish unless PORTAL_BASE_URL is set.
SERVE_BASE_URL := $(if $(filter environment% command%,$(origin PORTAL_BASE_URL)),$(PORTAL_BASE_URL),http://localhost:$(VARNISH_PORT))
# Links in e-mails sent outside a request (and the URL `make run` prints) follow PORT.
export PORTAL_BASE_URL ?= http://127.0.0.1:$(PORT)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
UV_VERSION := 0.13.9
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
NPM := $(shell command -v npm 2>/dev/null)
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help bench-search check install messages compilemessages migrate demo run serve server worker test test-sqlite test-postgres lint format bench lighthouse clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

install: $(if $(findstring .tools,$(UV)),.tools/bin/uv) $(if $(NPM),node_modules/.package-lock.json) ## Create .venv from uv.lock (and node_modules from package-lock.json when npm exists), compile translations
	$(UV) sync --frozen --quiet
	$(MAKE) --no-print-directory compilemessages

# The Nu HTML Checker (vnu.jar) the suite runs; reinstalled when the lock file changes.
node_modules/.package-lock.json: package.json package-lock.json
	$(NPM) ci --no-audit --no-fund --ignore-scripts
	touch $@

compilemessages: ## Compile the es/en catalogues (.po -> .mo)
	$(PY) scripts/compile_messages.py

messages: ## Extract strings into every es/en catalogue, refill English, compile
	$(PY) scripts/messages.py

migrate: ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: ## Load the Soacha demo content (idempotent)
	$(MANAGE) load_demo_content

run: install migrate demo ## Install, migrate, load demo content and serve on 127.0.0.1:$(PORT)
	$(MANAGE) runserver 127.0.0.1:$(PORT)

serve: install ## Production stack here: PostgreSQL, Redis, gunicorn, task worker, Varnish on :$(VARNISH_PORT) (SERVE_DEMO=1 loads the demo; Ctrl-C stops all)
	PORTAL_BASE_URL=$(SERVE_BASE_URL) PORT=$(PORT) VARNISH_PORT=$(VARNISH_PORT) $(PY) scripts/serve.py

worker: install ## Run queued tasks (e-mails) when TASKS_BACKEND=database
	$(MANAGE) db_worker

test: install ## Run the whole suite (SQLite; PostgreSQL tests too when one answers)
	$(PY) scripts/run_tests.py

check: install ## Lint, architecture contract (import layers), Django system checks and missing-migration check (what CI gates on)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run --noinput

lint: install ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format the code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install ## Load benchmark against a real gunicorn server (and gunicorn, page cache, Varnish under wrk), then the search benchmark if PostgreSQL answers
	$(PY) scripts/bench.py
	$(PY) scripts/bench_search.py --if-available

lighthouse: ## Lighthouse accessibility, best practices and SEO of five key pages (scripts/lighthouse.sh)
	bash scripts/lighthouse.sh

bench-search: install ## Search p50/p95 on PostgreSQL with 10,000+ pages and documents (BENCH_SEARCH_DATABASE_URL)
	$(PY) scripts/bench_search.py

clean: ## Remove the virtualenv and build output (keeps the database)
	rm -rf $(VENV) .tools node_modules staticfiles .pytest_cache .ruff_cache
