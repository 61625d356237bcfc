# The portal's tasks. `make help` lists them; `make run` and `make test` set
# up everything they need on a fresh machine (virtual environment in .venv,
# dependencies from uv.lock, compiled translations, database, demo content).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
UV_VERSION := 0.13.9
UV := var/tools/bin/uv
VENV := .venv
PORT ?= 8000
# Each app owns its translations in <app>/locale/<lang>/LC_MESSAGES/django.po.
APPS := $(patsubst %/apps.py,%,$(wildcard */apps.py))
PO_FILES := $(wildcard */locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help install run test lint format migrate demo extract-messages messages check-messages lock worker clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv var/tools
	var/tools/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --locked --python $(PYTHON)
	touch $@

install: $(VENV)/.synced $(MO_FILES) ## Create .venv with the locked dependencies and compile translations

%.mo: %.po $(VENV)/.synced
	$(VENV)/bin/python scripts/compile_messages.py $<

migrate: install ## Apply database migrations
	$(VENV)/bin/python manage.py migrate --no-input

demo: migrate ## Load the demo content (idempotent)
	$(VENV)/bin/python manage.py load_demo

run: demo ## Serve the portal with demo content at http://127.0.0.1:$(PORT) (web server + task worker)
	@trap 'kill 0' EXIT INT TERM; \
	$(VENV)/bin/python manage.py db_worker & \
	$(VENV)/bin/python manage.py runserver 127.0.0.1:$(PORT)

worker: install ## Run the background task worker alone
	$(VENV)/bin/python manage.py db_worker

test: install ## Run the whole test suite (DATABASE_URL picks the database; SQLite by default)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install ## Check code style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format and fix code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

extract-messages: install
	@for app in $(APPS); do \
	  mkdir -p $$app/locale && (cd $$app && ../$(VENV)/bin/python ../manage.py makemessages -l fr -l en --no-obsolete -v0) || exit 1; \
	done

messages: extract-messages ## Extract translatable strings into <app>/locale/*/django.po (needs gettext)
	$(VENV)/bin/python scripts/check_messages.py --fill-english

check-messages: extract-messages ## Fail if a French string is missing (needs gettext)
	$(VENV)/bin/python scripts/check_messages.py

lock: | $(UV) ## Re-resolve dependencies into uv.lock after editing pyproject.toml
	$(UV) lock --python $(PYTHON)

clean: ## Remove the virtual environment and local data (database, media)
	rm -rf $(VENV) var
