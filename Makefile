# Two entry points: `make demo` (the reference meeting) and `make test` (the whole suite);
# `make bench` measures speed against the peers (benchmarks/run.py).
# Each creates .venv with python3 -m venv when missing and installs the project into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HASH := $(shell $(PYTHON) -c "import hashlib;print(hashlib.sha1(open('pyproject.toml','rb').read()).hexdigest()[:12])")
# What `make demo` needs (agenda and its runtime dependencies) and what everything else
# needs (the test, PDF, lint and benchmark extras), each stamped with pyproject's hash.
RUNTIME := $(VENV)/.runtime-$(HASH)
STAMP := $(VENV)/.installed-$(HASH)

.PHONY: demo test test-deps test-thorough bench lint docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --disable-pip-version-check -e .
	rm -f $(VENV)/.runtime-* && touch $(RUNTIME)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[test,pdf,dev,bench]'
	rm -f $(VENV)/.installed-* $(VENV)/.runtime-* && touch $(STAMP) $(RUNTIME)

demo: $(RUNTIME)
	$(BIN)/agenda demo

# System packages and ical.js for the tests: the same script CI runs (a no-op once installed).
test-deps:
	scripts/install-test-deps.sh

test: test-deps $(STAMP)
	$(BIN)/python -m pytest -n auto

test-thorough: test-deps $(STAMP)
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest -n auto

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --json benchmarks/results.json

# The documentation site (user guide + API reference) into site/; the test suite builds
# it too, with warnings as errors.
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --strict

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache .ruff_cache site
