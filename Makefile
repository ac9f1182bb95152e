# AI för socialtjänsten. `make help` lists the targets.
# Everything runs in .venv with a Python >= 3.12 that scripts/find-python picks.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
# PostgreSQL for the test run when DATABASE_URL is not set and a local server answers;
# otherwise the tests use SQLite. CI sets DATABASE_URL explicitly.
TEST_DATABASE_URL ?= $(shell scripts/local-postgres-url)

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# Development installs production's packages and the test tools; a server installs only
# requirements.lock (docs/production.md).
$(VENV)/.installed: pyproject.toml requirements.lock requirements-dev.lock
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

.PHONY: run
run: install ## Start the site with demo content on http://127.0.0.1:8000 (PORT to change)
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo_content
	DEBUG=1 $(PY) manage.py update_search_index
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: make superuser)"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

.PHONY: superuser
superuser: install ## Create an admin account for the Django admin
	DEBUG=1 $(PY) manage.py createsuperuser

.PHONY: browser
browser: ## Install Debian's chromium for the browser tests (needs root or sudo)
	scripts/install-chromium

.PHONY: test
test: install ## Run every test (lint, migrations check, pytest incl. browser tests)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	DATABASE_URL="$${DATABASE_URL:-$(TEST_DATABASE_URL)}" $(PY) -m pytest $(PYTEST_ARGS)

.PHONY: bench
bench: install ## Speed benchmark: gunicorn + PostgreSQL + wrk, 1x/10x/100x content (~20 min)
	$(PY) bench/run.py $(BENCH_ARGS)

.PHONY: bench-floor
bench-floor: install ## Memory and p99 of a plain Django project beside the site's (~2 min)
	$(PY) bench/floor.py

.PHONY: resilience
resilience: install ## Concurrent feedback posts, then a database outage and recovery
	$(PY) bench/resilience.py $(RESILIENCE_ARGS)

.PHONY: lint
lint: install ## Format and fix lint where ruff can
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

.PHONY: lock
lock: ## Re-resolve pyproject.toml into requirements.lock (production) and requirements-dev.lock
	rm -rf .lock-venv && "$$(scripts/find-python)" -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check .
	{ echo "# What production runs: \`pip install -r requirements.lock\` (make lock regenerates it)."; \
	  .lock-venv/bin/pip freeze --exclude ai-socialtjanst | sort -f; } > requirements.lock
	.lock-venv/bin/pip install --quiet --disable-pip-version-check ".[dev]"
	{ echo "# Tests and tools on top of production's packages (make lock regenerates it)."; \
	  echo "-r requirements.lock"; \
	  .lock-venv/bin/pip freeze --exclude ai-socialtjanst | sort -f | grep -vxFf requirements.lock; } \
	  > requirements-dev.lock
	rm -rf .lock-venv *.egg-info build

.PHONY: clean
clean: ## Remove the virtual environment, local database and collected static files
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
