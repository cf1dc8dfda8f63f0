# Codewerk: `make demo` opens the app on the demo project, `make test` runs the checks.
# Both create .venv and install everything on first use.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench screenshots clean icons

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python main.py --demo $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-logo

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(ARGS)

# The screenshots in docs/screenshots/ (tests write theirs to a temporary folder otherwise).
screenshots: $(STAMP)
	CODEWERK_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/app $(ARGS)

# Speed and memory figures against the targets; writes benchmarks/RESULTS.md (never part of `make test`).
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run $(ARGS)

# Renders resources/icons/codewerk.svg to the PNG sizes (committed; tests/packaging/test_icons.py checks them).
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m installers.render_icons

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache .import_linter_cache .grimp_cache
