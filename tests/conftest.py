"""Shared test settings: Hypothesis profiles.

`default` keeps `make test` fast; `thorough` (HYPOTHESIS_PROFILE=thorough, or `make
test-thorough`) runs many more examples for the property tests.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
