# The two commands: `make serve` (build and serve the portal) and `make test` (the whole suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export NO_MKDOCS_2_WARNING := 1

.PHONY: all deps catalogues system-deps system-deps-browser system-deps-office vnu check site serve test test-fast schema docs bench clean

all: site

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); bash .ci/system-deps.sh --venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

deps: $(STAMP) system-deps

system-deps:
	bash .ci/system-deps.sh

system-deps-browser:
	bash .ci/system-deps.sh --browser

# LibreOffice (headless) for the test that opens the exported workbooks
system-deps-office:
	bash .ci/system-deps.sh --office

# the Nu HTML Checker (tests/e2e/test_html_valid.py): vnu-jar from the npm registry, the version
# and checksum pinned in .ci/vnu/package-lock.json; its install script (which would download a
# Java runtime) is not run: Debian's Java is used (.ci/system-deps.sh --vnu)
VNU_JAR := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar

vnu: $(VNU_JAR)

$(VNU_JAR): .ci/vnu/package.json .ci/vnu/package-lock.json
	bash .ci/system-deps.sh --vnu
	mkdir -p .cache/vnu
	cp .ci/vnu/package.json .ci/vnu/package-lock.json .cache/vnu/
	cd .cache/vnu && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

check: deps
	$(BIN)/bscportal check scorecards

site: deps
	$(BIN)/bscportal build --edition all --out site

serve: deps
	$(BIN)/bscportal serve --edition internal

test: deps system-deps-browser system-deps-office vnu
	$(BIN)/python -m pytest -q

test-fast: deps
	$(BIN)/python -m pytest -q -m "not e2e"

# re-extract the interface messages into generator/locale/*/LC_MESSAGES/bscportal.po and compile
# the .mo files (docs/languages.md), regenerate the English format reference (its texts are
# messages); then translate what `python -m generator.i18n.tool check` lists
catalogues: deps
	$(BIN)/python -m generator.i18n.tool update
	$(BIN)/bscportal --lang en docs
	$(BIN)/python -m generator.i18n.tool check

# the JSON Schema and docs/format.md, docs/rules.md in Chinese; docs/en/format.md in English
schema: deps
	$(BIN)/bscportal --lang zh schema
	$(BIN)/bscportal --lang zh docs
	$(BIN)/bscportal --lang en docs

bench: deps system-deps-browser
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf site .bscportal .stage .cache
