# comensha-content: `make demo` runs the example site, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python example_project/manage.py
PYTEST_ARGS ?=
# Test processes in parallel (pytest-xdist): one per CPU; PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/comensha_content
LOADTEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/comensha_loadtest
BENCH_ARGS ?=
# Extra pip requirement, e.g. WAGTAIL_SPEC="wagtail>=7.4,<7.5" to test the LTS release.
WAGTAIL_SPEC ?=

.PHONY: demo worker test unit e2e test-postgres test-wagtail74 lint format migrations check-migrations \
	messages compilemessages check-messages wheel-check bench loadtest clean schema check-schema audit

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]" $(if $(WAGTAIL_SPEC),"$(WAGTAIL_SPEC)")
	touch $@

# The demo runs with DEBUG on (static files, error pages, no two-factor step); nothing else does.
demo: $(VENV)/.installed
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	DJANGO_DEBUG=1 $(MANAGE) db_worker & worker=$$!; trap 'kill $$worker' EXIT INT TERM; \
		DJANGO_DEBUG=1 $(MANAGE) runserver 127.0.0.1:$(PORT)

# The example's background-task worker (search indexing, webhooks): docs/deployment.md.
worker: $(VENV)/.installed
	$(MANAGE) db_worker

# The whole suite: unit and integration tests, then the browser tests.
test: unit e2e

unit: $(VENV)/.installed
	$(BIN)/python -m pytest -m "not e2e" -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# Browser tests in Debian's chromium; scripts/install_browser.sh installs it when missing.
e2e: $(VENV)/.installed
	bash scripts/install_browser.sh
	COMENSHA_E2E_REQUIRED=1 $(BIN)/python -m pytest -m e2e tests/e2e $(PYTEST_ARGS)

test-postgres: $(VENV)/.installed
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/python -m pytest -m "not e2e" -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-wagtail74:
	$(MAKE) unit VENV=.venv-wagtail74 WAGTAIL_SPEC="wagtail>=7.4,<7.5"

# Ruff, the architecture contracts (import-linter, [tool.importlinter] in pyproject.toml) and
# the module size limit; see docs/development.md.
lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python scripts/check_module_size.py

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations: $(VENV)/.installed
	$(MANAGE) makemigrations comensha_content home
	$(BIN)/python scripts/portable_migrations.py

check-migrations: $(VENV)/.installed
	$(BIN)/python scripts/portable_migrations.py --check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=.:example_project \
		$(BIN)/django-admin makemigrations --check --dry-run

messages: $(VENV)/.installed
	cd comensha_content && ../$(BIN)/django-admin makemessages -l nl -l en --no-obsolete
	$(BIN)/python scripts/fill_catalog.py
	$(MAKE) compilemessages

compilemessages: $(VENV)/.installed
	cd comensha_content && ../$(BIN)/django-admin compilemessages

check-messages: $(VENV)/.installed
	$(BIN)/python scripts/check_messages.py

schema: $(VENV)/.installed
	$(MANAGE) comensha_export_schema --out schema

check-schema: $(VENV)/.installed
	$(BIN)/python scripts/check_schema.py

# Known vulnerabilities in the installed dependencies (pip-audit). Fails when nothing could be
# audited, unless AUDIT_ALLOW_UNAUDITED=1 (a machine without the vulnerability service).
audit: $(VENV)/.installed
	$(BIN)/python scripts/audit.py

wheel-check: $(VENV)/.installed
	$(BIN)/python scripts/check_wheel.py

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# gunicorn (2 workers) + PostgreSQL + wrk, 60 s per endpoint; needs `apt-get install wrk`.
loadtest: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[server]"
	BIN=$(BIN) DATABASE_URL=$(LOADTEST_DATABASE_URL) benchmarks/loadtest.sh

clean:
	rm -rf build dist *.egg-info .pytest_cache
