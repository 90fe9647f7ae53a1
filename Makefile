# argmap — the two commands of the README:
#   make demo   set up, then check, analyse and draw the flagship map
#   make test   set up, then run the test suite
# Both install the exact versions pinned in constraints.txt (the lock), with plain pip.
#   make lock         re-resolve constraints.txt from pyproject.toml (newest allowed versions)
#   make test-lowest  run the suite on the lowest versions pyproject.toml allows (a check of its floors)
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-stamp
LOCK    = constraints.txt
MAP     = maps/lavrov-blinken.argmap
# uv, used only by `make lock` and `make test-lowest`, is itself installed from PyPI into .venv-uv
UV_VERSION ?= 0.13.9
UV_VENV    ?= .venv-uv
UV          = $(UV_VENV)/bin/uv
LOW_VENV   ?= .venv-low
# `make lock LOCKFLAGS=` keeps the pins already in constraints.txt where pyproject.toml still allows them
LOCKFLAGS  ?= --upgrade

.PHONY: setup demo pictures test fuzz test-thorough test-lowest lock bench regen clean argdown-cli

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c $(LOCK) -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# demo draws into build/ (ignored by git): it never rewrites a tracked file
demo: setup
	$(BIN)/argmap check $(MAP)
	$(BIN)/argmap analyze $(MAP)
	mkdir -p build
	$(BIN)/argmap render $(MAP) -o build/lavrov-blinken.svg
	$(BIN)/argmap render $(MAP) -o build/lavrov-blinken.png
	@echo "drawings: build/lavrov-blinken.svg build/lavrov-blinken.png — browse with: $(BIN)/argmap browse $(MAP)"

# the pictures committed in docs/ (docs/rendering.md), always with the bundled graphviz-pure
PURE = --dot-binary graphviz-pure
pictures: setup
	$(BIN)/argmap render $(MAP) $(PURE) -o docs/lavrov-blinken.svg
	$(BIN)/argmap render $(MAP) $(PURE) -o docs/lavrov-blinken.png
	$(BIN)/argmap render $(MAP) $(PURE) --page slide -o docs/lavrov-blinken-slide.png
	$(BIN)/argmap render $(MAP) $(PURE) --page a4 --focus "[NATO threat]" --depth 1 --labels grounded \
	    -o docs/lavrov-blinken-focus.png
	$(BIN)/argmap render $(MAP) $(PURE) --page a4 --focus "<Energy consequence>" --depth 1 -o docs/pcs-inline.png
	$(BIN)/argmap render $(MAP) $(PURE) --page a4 --focus "<Energy consequence>" --depth 1 --pcs expanded \
	    -o docs/pcs-expanded.png

# two pytest-xdist workers (the machine has 2 cores)
test: setup
	$(BIN)/python -m pytest -q -n 2

# Argdown's own CLI, pinned, for the conformance test against it (tests/test_argdown_oracle.py,
# bench/argdown_conformance.py); without it those tests skip and say so
ARGDOWN_CLI_VERSION ?= 1.7.5
argdown-cli:
	npm install --silent --no-audit --no-fund --prefix .cache/argdown @argdown/cli@$(ARGDOWN_CLI_VERSION)

# the fuzz profile: random edits of the flagship map through every stage (tests/test_fuzz_flagship.py);
# FUZZ_EXAMPLES=5000 for a long hunt
FUZZ_EXAMPLES ?= 200
fuzz: setup
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:xdist -m fuzz tests/test_fuzz_flagship.py

# long property and fuzz runs (many more Hypothesis examples, slow-marked tests included)
test-thorough: setup
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest -q -m "slow or not slow"

$(UV):
	$(PYTHON) -m venv $(UV_VENV)
	$(UV_VENV)/bin/python -m pip install --quiet 'uv==$(UV_VERSION)'

# the lock: runtime + test extras, for every platform, Python 3.11 and up
lock: $(UV)
	$(UV) pip compile pyproject.toml --extra test --universal --python-version 3.11 \
	    --quiet $(LOCKFLAGS) --custom-compile-command 'make lock' -o $(LOCK)

# a fresh venv with every direct dependency at the floor of its range in pyproject.toml
# (the dependencies of those at their newest), then the suite
test-lowest: $(UV)
	rm -rf $(LOW_VENV)
	$(PYTHON) -m venv $(LOW_VENV)
	$(UV) pip compile pyproject.toml --extra test --resolution lowest-direct --python-version 3.11 \
	    --quiet --no-header --no-annotate -o $(LOW_VENV)/lowest.txt
	@echo "lowest direct versions:"; cat $(LOW_VENV)/lowest.txt
	$(UV) pip install --quiet --python $(LOW_VENV)/bin/python -r $(LOW_VENV)/lowest.txt
	$(UV) pip install --quiet --python $(LOW_VENV)/bin/python --no-deps -e .
	$(LOW_VENV)/bin/python -m pytest -q -n 2

# every benchmark script prints its own figures (see bench/*.py docstrings)
bench: setup
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/render.py
	$(BIN)/python bench/render.py --speed
	$(BIN)/python bench/analyze.py
	$(BIN)/python bench/lsp.py
	$(BIN)/python bench/tui.py
	$(BIN)/python bench/argdown.py
	$(BIN)/python bench/argdown_conformance.py --enforce
	$(BIN)/python bench/startup.py

# rewrite every golden file and TUI snapshot after an intended change of output (then review
# `git diff`): the one switch is pytest's --regen (tests/conftest.py, tests/golden.py); one
# process, so that the snapshot plugin sees every test before it deletes unused snapshots
regen: setup
	$(BIN)/python -m pytest -q -p no:xdist --regen

clean:
	rm -rf $(VENV) $(LOW_VENV) $(UV_VENV) build dist .pytest_cache .hypothesis
