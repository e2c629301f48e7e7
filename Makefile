# Two commands do everything: `make site` builds the site, `make test` checks it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SOURCE := content/why-we-run.txt
PORT   ?= 8000
RUNS   ?= 1
SIZES  ?= 10,100,1000

.PHONY: site serve test outline lint screenshots offline audit bench-structure bench clean

site: $(STAMP)  ## generate docs/ from the bundled article and build site/ (strict)
	$(BIN)/microsite build $(SOURCE)

serve: $(STAMP)  ## the same, served with live reload on http://127.0.0.1:$(PORT)
	$(BIN)/microsite serve $(SOURCE) --port $(PORT)

test: $(STAMP)  ## every test; the browser tests too when /usr/bin/chromium is there
	$(BIN)/pytest

outline: $(STAMP)  ## show the structure inferred from the bundled article
	$(BIN)/microsite outline $(SOURCE)

lint: $(STAMP)  ## ruff and mypy (make test runs them too)
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy

offline: site  ## site-offline/: the same site to open from the disk (file://), search included
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet -f mkdocs.offline.yml

audit: site  ## Lighthouse scores and first-load bytes of 3 pages, mobile + desktop, vs default Material (a benchmark; needs chromium and node)
	$(BIN)/python scripts/site_audit.py site --runs $(RUNS)

bench-structure: $(STAMP)  ## heading F1, level accuracy, titles, figures and fidelity on the real-article corpus (tests/corpus)
	$(BIN)/python scripts/bench_structure.py

bench: $(STAMP)  ## generation vs mkdocs build time, second runs, and sites of 10/100/1000 articles (a benchmark; slow at 1000)
	$(BIN)/python scripts/bench.py --runs $(if $(filter 1,$(RUNS)),9,$(RUNS)) --sizes $(SIZES)

screenshots: site  ## PNGs of the site for the README (needs /usr/bin/chromium)
	$(BIN)/python scripts/screenshots.py site docs/assets/screenshots

clean:  ## remove the built site and caches (not the generated docs/, which are committed)
	rm -rf site site-offline .tools .pytest_cache .hypothesis build scripts/*.egg-info

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)
