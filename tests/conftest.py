"""Shared test settings: Hypothesis profiles and the one switch that regenerates goldens.

`default` keeps `make test` fast; `thorough` (HYPOTHESIS_PROFILE=thorough, or `make
test-thorough`) runs many more examples for the property tests.

`pytest --regen` (`make regen`) rewrites every golden file (tests/golden.py) and the TUI
snapshots instead of comparing them; syrupy's own `--snapshot-update` means the same.
"""

import os

import pytest
from hypothesis import HealthCheck, settings

import golden

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: environment variables that once regenerated one kind of golden each
_RETIRED = ("ARGMAP_REGEN", "ARGMAP_REGEN_GOLDEN", "ARGMAP_UPDATE_GOLDEN")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen", action="store_true", default=False,
        help="write every golden file and TUI snapshot instead of comparing (then review the diff)",
    )


def pytest_configure(config: pytest.Config) -> None:
    retired = [name for name in _RETIRED if os.environ.get(name)]
    if retired:
        raise pytest.UsageError(f"{', '.join(retired)} no longer regenerates goldens: run pytest --regen")
    regen = bool(config.getoption("regen") or getattr(config.option, "update_snapshots", False))
    golden.REGEN = regen
    if regen:
        config.option.update_snapshots = True  # syrupy's --snapshot-update, for the TUI snapshots
