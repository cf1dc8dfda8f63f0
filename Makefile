# Codewerk: `make demo` opens the app on the demo project, `make test` runs the checks.
# Both create .venv and install everything on first use.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench screenshots clean icons app app-check

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

# The application for this machine: PyInstaller one-folder bundle in dist/codewerk (a few minutes).
# Linux: installers/linux/install.sh puts it in the menu with the *.codewerk file type.
APP_STAMP := $(VENV)/.app-stamp
$(APP_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,app]'
	touch $(APP_STAMP)

app: $(APP_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pyinstaller --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller installers/codewerk.spec
	@du -sh dist/codewerk

# Builds the bundle, then starts it offscreen, imports a file, exports .xlsx and installs it into a
# temporary home (not part of `make test`: the build alone takes minutes).
app-check: app
	QT_QPA_PLATFORM=offscreen CODEWERK_APP=dist/codewerk $(BIN)/python -m pytest -q -ra \
		tests/packaging/test_app_bundle.py tests/packaging/test_linux_install.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache .import_linter_cache .grimp_cache
