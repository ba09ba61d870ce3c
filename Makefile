# The README's commands. `make run` starts the app with the demo data; `make test` runs everything.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Python 3.11 (checked by python-check): e.g. make PYTHON=python3.11 test
PYTHON ?= python3
# Two workers (pytest-xdist), each with its own test database. Each test module runs whole on
# one worker, in its order: some modules' last test counts what the ones before it tried.
PYTEST := $(PY) -m pytest -p no:cacheprovider -n 2 --dist loadfile
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test setup system-deps lint pytest-postgres pytest-sqlite smoke css clean backup python-check node-check

python-check:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || { \
	  echo "ascweb needs Python 3.11, and '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo 'not installed')."; \
	  echo "Install it (Debian/Ubuntu: python3.11 python3.11-venv) and run: make PYTHON=python3.11 ..."; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
	  echo "'$(PYTHON)' cannot make a venv: install python3-venv (or python3.11-venv)."; exit 1; }

node-check:
	@node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null || { \
	  echo "ascweb needs Node.js 20.19 or later with npm, and 'node' is $$(node --version 2>&1 || echo 'not installed')."; exit 1; }

$(VENV)/.installed: requirements.txt requirements-dev.txt | python-check
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json | node-check
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/build/app.css: static/scss/app.scss node_modules/.installed
	npm run --silent build:css

css: static/build/app.css

setup: $(VENV)/.installed static/build/app.css

## Start the app with the Norfolk demo data on http://127.0.0.1:8000 (SQLite unless DATABASE_URL is set).
run: setup
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py createcachetable
	DEBUG=1 $(PY) manage.py load_demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

## Install Debian's PostgreSQL and Chromium if they are missing (needs root or sudo).
system-deps:
	scripts/install-system-deps.sh

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/vulture
	$(PY) manage.py makemigrations --check --dry-run --settings=tests.settings

## The whole suite against a real PostgreSQL server, then again on embedded SQLite, then the
## production image's steps (scripts/smoke-production.sh: requirements.txt only, gunicorn, the worker).
test: system-deps setup lint pytest-postgres pytest-sqlite smoke

pytest-postgres: setup
	scripts/with-postgres.sh $(PYTEST)

pytest-sqlite: setup
	$(PYTEST)

smoke: setup
	PYTHON=$(PYTHON) scripts/smoke-production.sh

## Back up the database named by DATABASE_URL (or the SQLite file) into backups/.
backup: setup
	$(PY) manage.py backup

clean:
	rm -rf $(VENV) node_modules static/build staticfiles
