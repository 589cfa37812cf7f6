# Run `make help` for the list of tasks. Only python3 is needed to start.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export PYTHONPATH := $(CURDIR)/scripts
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help setup serve build check addresses test lint stamp-translations new-claim new-source new-expert new-event system-deps clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 21

$(BIN)/.site-deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.test-deps: requirements-test.txt $(BIN)/.site-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

setup: $(BIN)/.site-deps ## Create .venv with the pinned versions (the other tasks do it when needed)

serve: $(BIN)/.site-deps ## Set up if needed, then serve the site on http://127.0.0.1:8000; a save rebuilds only what changed
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

build: $(BIN)/.site-deps ## Check the records, generate the pages, build site/ with --strict
	$(BIN)/python -m factcheck build

check: $(BIN)/.site-deps ## Check the records only
	$(BIN)/python -m factcheck check

addresses: $(BIN)/.site-deps ## Record new claims' addresses in published.yaml (then commit it)
	$(BIN)/python -m factcheck addresses

# What an editor types after TITLE=, SLUG=, KEY= or FILE= reaches Python as it was typed:
# make does not expand it ($(value ...), simply expanded) and the shell sees only "$$VAR".
export FACTCHECK_TITLE := $(value TITLE)
export FACTCHECK_SLUG := $(value SLUG)
export FACTCHECK_KEY := $(value KEY)
export FACTCHECK_FILE := $(value FILE)
# Exported as given, make would expand them (and run a $(shell ...) in them) on the way out.
unexport TITLE SLUG KEY FILE

new-claim: $(BIN)/.site-deps ## Start a claim: make new-claim TITLE="The claim as commonly repeated" [SLUG=short-slug]
	@test -n "$$FACTCHECK_TITLE" || { echo 'usage: make new-claim TITLE="The claim as commonly repeated" [SLUG=short-slug]' >&2; exit 2; }
	@$(BIN)/python -m factcheck new claim "$$FACTCHECK_TITLE" $${FACTCHECK_SLUG:+--slug "$$FACTCHECK_SLUG"}

new-source: $(BIN)/.site-deps ## Start a source: make new-source KEY=outlet-year-topic
	@test -n "$$FACTCHECK_KEY" || { echo 'usage: make new-source KEY=outlet-year-topic' >&2; exit 2; }
	@$(BIN)/python -m factcheck new source "$$FACTCHECK_KEY"

new-expert: $(BIN)/.site-deps ## Start an expert: make new-expert KEY=first-last
	@test -n "$$FACTCHECK_KEY" || { echo 'usage: make new-expert KEY=first-last' >&2; exit 2; }
	@$(BIN)/python -m factcheck new expert "$$FACTCHECK_KEY"

new-event: $(BIN)/.site-deps ## Start a timeline event: make new-event KEY=2014-planning-outline
	@test -n "$$FACTCHECK_KEY" || { echo 'usage: make new-event KEY=2014-planning-outline' >&2; exit 2; }
	@$(BIN)/python -m factcheck new event "$$FACTCHECK_KEY"

stamp-translations: $(BIN)/.site-deps ## After checking Dutch text against the English: make stamp-translations FILE=claims/x.yaml
	@$(BIN)/python -m factcheck stamp-translations --update $${FACTCHECK_FILE:+"$$FACTCHECK_FILE"}

lint: $(BIN)/.test-deps ## Lint and format-check the Python code (ruff)
	$(BIN)/python -m ruff check scripts tests
	$(BIN)/python -m ruff format --check scripts tests

system-deps: ## Install Debian's chromium, a Java runtime and Node.js for the browser and HTML checks (needs root)
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Missing:$$missing. Run 'sudo apt-get install$$missing', then 'make test' again." >&2; exit 1; fi; \
	fi

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: $(BIN)/.test-deps system-deps node_modules/.installed ## Set up if needed, then run every test
	$(BIN)/python -m pytest

.PHONY: bench
bench: $(BIN)/.test-deps system-deps node_modules/.installed ## Measure build, check and serve speed, Lighthouse, page weight; rewrite BENCHMARKS.md (ARGS="--sizes 100,1000")
	$(BIN)/python -m bench $(ARGS)

clean: $(BIN)/.site-deps ## Remove the built site and the generated pages (the build's own list of them)
	$(BIN)/python -m factcheck clean
