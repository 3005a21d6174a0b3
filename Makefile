# Two entry points a new user needs: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINTED := $(wildcard src tests bench scripts)

.PHONY: run test lint model clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or run make PYTHON=/path/to/python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# The .txt examples carry no date of their own; examples/README.md lists their publication dates.
# make run codes into its own demo store, never the user's dyad.db.
run: export DYAD_DB = $(CURDIR)/demo.db
run: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/dyad ingest --quiet examples/lula-xi-beijing-2023.txt --published 2023-04-15
	$(BIN)/dyad ingest --quiet examples/blinken-beijing-2023.txt --published 2023-06-19
	$(BIN)/dyad ingest --quiet examples/apec-lima-2024.txt --published 2024-11-16
	$(BIN)/dyad ingest examples/
	$(BIN)/dyad events --format table
	$(BIN)/dyad stats --by month

test: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/python -m pytest -q

# Rebuild the shipped event detector from data/training/ (fixed seed), then score it on the
# dev batch; needs the train extra (torch, CPU build), installed here on first use.
model: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,train]'
	$(BIN)/python -m dyad.detector.train
	$(BIN)/python bench/detector.py

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache
