# argmap — the two commands of the README:
#   make demo   set up, then check, analyse and draw the flagship map
#   make test   set up, then run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-stamp
MAP     = maps/lavrov-blinken.argmap

.PHONY: setup demo test test-thorough bench regen clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/argmap check $(MAP)
	$(BIN)/argmap analyze $(MAP)
	$(BIN)/argmap render $(MAP) -o docs/lavrov-blinken.svg
	$(BIN)/argmap render $(MAP) -o docs/lavrov-blinken.png
	@echo "drawings: docs/lavrov-blinken.svg docs/lavrov-blinken.png — browse with: $(BIN)/argmap browse $(MAP)"

test: setup
	$(BIN)/python -m pytest -q

# long property and fuzz runs (many more Hypothesis examples, slow-marked tests included)
test-thorough: setup
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest -q -m "slow or not slow"

# every benchmark script prints its own figures (see bench/*.py docstrings)
bench: setup
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/render.py
	$(BIN)/python bench/analyze.py
	$(BIN)/python bench/lsp.py
	$(BIN)/python bench/tui.py
	$(BIN)/python bench/argdown.py

# rewrite every golden file and TUI snapshot after an intended change of output (then review
# `git diff`): the one switch is pytest's --regen (tests/conftest.py, tests/golden.py); one
# process, so that the snapshot plugin sees every test before it deletes unused snapshots
regen: setup
	$(BIN)/python -m pytest -q -p no:xdist --regen

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
