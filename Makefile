# Two entry points a new user needs: `make run` and `make test`.
# Any Python from 3.11 to 3.13: make PYTHON=python3.13 VENV=.venv-3.13 test
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINTED := $(wildcard src tests bench scripts)
# The exact versions CI tests with (requirements/README.md), for this Python (the venv's,
# once it exists) when there is a lock for it; LOCK= installs from pyproject.toml's ranges.
PY_VERSION := $(shell $(if $(wildcard $(BIN)/python),$(BIN)/python,$(PYTHON)) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
LOCK ?= $(wildcard requirements/ci-$(PY_VERSION).txt)
LOCKED_PYTHONS := 3.11 3.13

.PHONY: run test lint lock model clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11, 3.12 or 3.13, or run make PYTHON=/path/to/python3" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Every extra: make run and make test exercise PostgreSQL, Dask, Parquet, pandas and the API.
$(STAMP): $(BIN)/python pyproject.toml $(LOCK)
	$(BIN)/python -m pip install --quiet $(if $(LOCK),-c $(LOCK)) -e '.[all,dev]'
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
# dev batch; needs the train extra (torch, CPU build), installed here on first use, which is
# for Python 3.11 only.
model: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,train]'
	$(BIN)/python -m dyad.detector.train
	$(BIN)/python bench/detector.py

# Regenerate the CI lock files from pyproject.toml with uv, which resolves for a Python
# version without that interpreter; existing pins are kept unless UPGRADE=1.
lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet uv
	for v in $(LOCKED_PYTHONS); do \
		$(BIN)/uv pip compile --quiet $(if $(UPGRADE),--upgrade) pyproject.toml --extra all \
			--extra dev --python-version $$v -o requirements/ci-$$v.txt || exit 1; \
	done

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

clean:
	rm -rf $(VENV) .venv-* build src/*.egg-info .pytest_cache .ruff_cache
