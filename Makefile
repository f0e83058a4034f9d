# The two commands of the README: `make demo` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO   ?= demo

.PHONY: demo test test-deps install corpus bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs the package (editable) with what tests and benchmarks need; re-runs when pyproject changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

## make demo: a workspace in ./demo, sample customer emails in its Maildir, one run, a summary.
demo: $(VENV)/.installed
	@test -f $(DEMO)/config.yaml || $(BIN)/mailflow init $(DEMO) --samples
	$(BIN)/mailflow --config $(DEMO)/config.yaml run --once --summary

## make test: system packages (Dovecot, LibreOffice, poppler, a CJK font, Tesseract) when missing, lint, types
## (mypy on the core: [tool.mypy] in pyproject.toml), then pytest (which checks the import layering too). Lint and format: ruff.
test: $(VENV)/.installed
	bash scripts/install-test-deps.sh
	$(BIN)/ruff check mailflow tests bench scripts
	$(BIN)/ruff format --check mailflow tests bench scripts
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

## make corpus: regenerate the extraction corpus and its golden files; review the diff like code.
corpus: $(VENV)/.installed
	$(BIN)/python tests/corpus/generate.py --write-expected

bench: $(VENV)/.installed
	bash scripts/install-test-deps.sh
	$(BIN)/python -m bench

clean:
	rm -rf $(DEMO) .pytest_cache
