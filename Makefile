# Followthrough: `make demo` sets everything up and serves the site; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpus
PORT ?= 8000
CHROMIUM := /usr/bin/chromium
export CORPUS

.PHONY: demo test install assets browser migrate lint check bench load serve clean

$(BIN)/followthrough: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --quiet --upgrade pip
	$(BIN)/pip install --quiet --quiet -e '.[dev]'
	touch $@

node_modules/.package-lock.json: package.json
	npm install --no-audit --no-fund --loglevel=error
	touch $@

src/followthrough/web/static/build/app.css: node_modules/.package-lock.json src/followthrough/web/scss/app.scss scripts/build_assets.sh
	bash scripts/build_assets.sh

install: $(BIN)/followthrough assets

assets: src/followthrough/web/static/build/app.css

# Debian's chromium drives the browser tests; Playwright never downloads a browser of its own.
browser:
	@test -x $(CHROMIUM) || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

migrate: install
	mkdir -p var
	$(BIN)/followthrough migrate --verbosity 0

demo: migrate
	$(BIN)/followthrough demo_data --corpus "$(CORPUS)"
	$(BIN)/followthrough demo_users
	$(BIN)/followthrough demo_self_assessment
	$(BIN)/followthrough demo_cases
	$(BIN)/followthrough demo_audits
	@echo "Serving Followthrough on http://127.0.0.1:$(PORT)/ with a task worker beside it (Ctrl-C stops both)"
	# DEBUG off: visitors see the product's own error pages, never Django's debug pages. The
	# worker runs downloads and the daily reminders; the trap stops it when the server stops.
	DEBUG=false $(BIN)/followthrough worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=false $(BIN)/followthrough runserver --insecure 127.0.0.1:$(PORT)

# Served as in production (docs/deployment.md): gunicorn with workers from the core count,
# whitenoise serving static files collected into var/, and a task worker beside it.
serve: migrate
	DEBUG=false $(BIN)/followthrough collectstatic --noinput --verbosity 0
	@echo "Serving Followthrough through gunicorn on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	DEBUG=false $(BIN)/followthrough worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=false $(BIN)/gunicorn followthrough.wsgi --bind 127.0.0.1:$(PORT) \
	  --workers $$(( $$(nproc) * 2 + 1 )) --access-logfile - --graceful-timeout 20

test: install browser
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Production settings for `check --deploy`, as tests/web/test_security.py builds them: synthetic
# values that only satisfy the start-up checks, never a real secret.
DEPLOY_CHECK_ENV := FOLLOWTHROUGH_PRODUCTION=true DEBUG=false ALLOWED_HOSTS=followthrough.example \
	SECRET_KEY=kkkkkkkkkkkkkkkkkkkk-not-a-real-secret-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz

# Static checks only, no tests (`make test` runs those). Against DATABASE_URL when it is set,
# SQLite in var/ otherwise: --database also runs the checks that ask the database what it supports.
check: lint
	$(BIN)/followthrough makemigrations --check --dry-run
	$(DEPLOY_CHECK_ENV) $(BIN)/followthrough check --deploy --fail-level WARNING --database default

# NATIONAL_SCALE=0.1 for a quicker run; the national pages run on SQLite, then on a PostgreSQL 15
# started the way CI starts it.
NATIONAL_SCALE ?= 1.0
bench: install
	$(BIN)/python benchmarks/run.py --corpus "$(CORPUS)"
	$(BIN)/python benchmarks/shape_fuzz.py
	$(BIN)/python benchmarks/national.py --compare --scale $(NATIONAL_SCALE)
	PG_PORT=54339 bash -c 'set -euo pipefail; source scripts/postgres.sh; start_postgres; \
	  $(BIN)/python benchmarks/national.py --compare --scale $(NATIONAL_SCALE)'

# Simulated people through gunicorn (benchmarks/load/): 50 users across the roles for LOAD_SECONDS
# on a PostgreSQL 15 started the way CI starts it, failing on any error; then progress writers
# ramped on the embedded SQLite. LOAD_SCALE=0.1 for a quicker run.
LOAD_SCALE ?= 1.0
LOAD_SECONDS ?= 120
load: install
	PG_PORT=54340 bash -c 'set -euo pipefail; source scripts/postgres.sh; start_postgres; \
	  $(BIN)/python benchmarks/load/runner.py --scale $(LOAD_SCALE) --seconds $(LOAD_SECONDS)'
	$(BIN)/python benchmarks/load/runner.py --writers 1,2,4,8,16 --scale $(LOAD_SCALE) \
	  --seconds $(LOAD_SECONDS)

clean:
	rm -rf $(VENV) node_modules var src/followthrough/web/static/build
