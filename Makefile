# LocalGov Pattern Library. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The address every absolute URL the site gives out starts with (API responses, sitemap, feed, emails):
# the one `make run` serves, unless you set another (e.g. behind a proxy).
SITE_URL ?= http://$(HOST):$(PORT)
# One test worker per core; a worker that finishes early takes tests from the others (CI passes its own).
PYTEST_ARGS ?= -n auto --dist worksteal

.DEFAULT_GOAL := help
.PHONY: help install graphviz frontend translations messages run migrate demo test lint format worker clean bench bench-full

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

frontend: ## Install GOV.UK Frontend from npm and copy its assets into static/
	@if [ -f package.json ]; then npm ci --no-audit --no-fund --silent && node scripts/copy-frontend.mjs; fi

translations: install ## Compile the Welsh interface text (locale/cy) with gettext's msgfmt
	@command -v msgfmt >/dev/null || { echo "gettext's msgfmt is needed for the Welsh interface: apt-get install gettext (Debian, Ubuntu) or brew install gettext (macOS)"; exit 1; }
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) compilemessages --verbosity 0

messages: install ## Bring locale/cy/LC_MESSAGES/django.po up to date with the code's strings, for translators
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemessages --locale cy --no-obsolete

migrate: install ## Apply database migrations
	$(MANAGE) migrate --no-input

demo: migrate translations ## Load the demo content, create the admin user (idempotent) and print the addresses and logins
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin --address http://$(HOST):$(PORT)

graphviz: ## Check that Graphviz's dot (which lays out the process diagrams) is installed
	@command -v dot >/dev/null || { echo "Graphviz is needed to draw process diagrams: sudo apt-get install graphviz (Debian/Ubuntu) or brew install graphviz (macOS)"; exit 1; }

# migrate and load_demo point Wagtail's Site at SITE_URL; runserver builds every absolute URL on it.
migrate demo run: export SITE_URL := $(SITE_URL)

run: graphviz install frontend translations demo ## Set everything up and serve the site with demo content on 127.0.0.1:8000 (HOST, PORT; SITE_URL follows)
	$(MANAGE) runserver $(HOST):$(PORT)

worker: install ## Run the background worker (search indexing, webhooks, reminders)
	$(MANAGE) db_worker

test: install frontend translations ## Run the whole test suite (DATABASE_URL picks the database; SQLite by default)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install ## ruff, the import layers (lint-imports), manage.py check and makemigrations --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run

format: install ## Fix what ruff can fix and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles .test-media node_modules

# Benchmarks need PostgreSQL (BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres; the
# harness creates its own bench_* databases there, or BENCH_PREFIX's) and Debian's wrk, installed here when missing.
# Tantivy (the search anchor, issue 17) is the project's `bench` extra, installed here when missing.
bench: install ## Benchmarks at 1,000 and 10,000 pages (quick, < 25 min on 2 cores); writes bench/RESULTS.md
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	@$(BIN)/python -c 'import tantivy' 2>/dev/null || $(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.run --quick $(BENCH_ARGS)

bench-full: install ## Longer runs, plus 100,000 pages (built, rebuilt, searched beside Tantivy; no wrk there)
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	@$(BIN)/python -c 'import tantivy' 2>/dev/null || $(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# ----- reliability (issue 9) -------------------------------------------------------------------
# The full runs need PostgreSQL in DATABASE_URL (the load, restart and worker tests skip on SQLite), wrk,
# and PostgreSQL's initdb/pg_ctl (the restart test starts a private cluster of its own; never the shared one).
.PHONY: reliability fuzz
# 200 examples: 200 malformed files for the importers, 40 page trees for the leak test (each ~6 s here).
RELIABILITY_EXAMPLES ?= 200
RELIABILITY_FUZZ_EXAMPLES ?= 3000
RELIABILITY_FUZZ_SECONDS ?= 300
LOAD_SECONDS ?= 60
LOAD_CONCURRENCY ?= 32
WORKER_KILL_PAGES ?= 100
FUZZ_EXAMPLES ?= 10000
FUZZ_SECONDS ?= 1800

reliability: install ## Full reliability run (~12 min on 2 cores): properties, fuzz, load at c=32 for 60 s, faults; figures in reliability-figures.json
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	rm -f reliability-figures.json
	RELIABILITY_FULL=1 RELIABILITY_EXAMPLES=$(RELIABILITY_EXAMPLES) RELIABILITY_FIGURES=$(CURDIR)/reliability-figures.json \
		FUZZ_RANDOM=1 FUZZ_EXAMPLES=$(RELIABILITY_FUZZ_EXAMPLES) FUZZ_SECONDS=$(RELIABILITY_FUZZ_SECONDS) \
		LOAD_SECONDS=$(LOAD_SECONDS) LOAD_CONCURRENCY=$(LOAD_CONCURRENCY) WORKER_KILL_PAGES=$(WORKER_KILL_PAGES) \
		$(BIN)/pytest -q -s -p no:randomly -p no:logging -rs tests/reliability tests/api/test_worker.py
	@cat reliability-figures.json

fuzz: install ## Schemathesis on every API operation, a new random seed: FUZZ_EXAMPLES (10,000) cases, at most FUZZ_SECONDS (1,800)
	FUZZ_RANDOM=1 FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_SECONDS=$(FUZZ_SECONDS) RELIABILITY_FIGURES=$(CURDIR)/reliability-figures.json \
		$(BIN)/pytest -q -s -p no:randomly -p no:logging tests/reliability/test_api_fuzz.py
