# Newsroom: `make run` serves the site, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install messages migrate demo lint bench clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Babel compiles the catalogs in pure Python: no gettext tools needed on the machine.
messages: $(STAMP)
	$(BIN)/pybabel -q compile -d locale -D django
	$(BIN)/pybabel -q compile -d locale -D djangojs
	$(BIN)/pybabel -q compile -d locale_vendor -D django
	$(BIN)/pybabel -q compile -d locale_vendor -D djangojs

migrate: messages
	$(BIN)/python manage.py migrate --no-input -v 0

demo: migrate
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py demo_accounts

# make run PORT=8123 HOST=0.0.0.0 serves elsewhere; links follow the address
# the site is served on while SITE_URL is unset (articles/siteurl.py).
HOST ?= 127.0.0.1
PORT ?= 8000

run: demo
	@echo "Readers' comments: sign-in codes are not sent by SMS in development; the console"
	@echo "SMS backend prints each one in this terminal, as 'SMS to +7…: … code …'."
	@echo "Background tasks (Telegram posts, CDN purges, the view-count flush): a worker"
	@echo "runs beside the server and stops with it."
	@# newsroom/management/commands/devserver.py: Ctrl-C or SIGTERM stops both cleanly.
	$(BIN)/python manage.py devserver $(HOST):$(PORT)

test: messages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache --no-logo

# The site under gunicorn with 100 000 generated articles, measured with wrk
# (BENCH_ARTICLES=20000 for a quicker run; DATABASE_URL/REDIS_URL to bench
# PostgreSQL and Redis). Then "a newsroom's day" (bench/day.py: 10 000
# articles, readers, a crawler and an editor for 60 s, with the page cache's
# dependency keys and with the old single token), the photo benchmark,
# Telegram (bench/telegram.py: a burst of 30 publications at 20 posts a
# minute, and the delay from publication to post on a quiet queue) and the
# WordPress import (bench/wordpress.py: 10 000 bilingual posts with pictures).
bench: messages
	@command -v wrk >/dev/null 2>&1 || { echo "wrk is missing: installing it with apt-get"; \
		apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
	$(BIN)/python bench/run.py
	$(BIN)/python bench/day.py
	test ! -f bench/photos.py || $(BIN)/python bench/photos.py
	$(BIN)/python bench/telegram.py
	$(BIN)/python bench/wordpress.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
