"""The fuzz run's settings: seeded (the same cases on every run), no per-example deadline (a shared CI
machine is slow at times; the time limit per case is the test's own), and a size that takes about a minute.

``FUZZ_EXAMPLES`` scales the run: ``FUZZ_EXAMPLES=5000 python3 -m pytest tests/fuzz`` for a longer hunt;
``FUZZ_PROFILE=hunt`` draws new cases each run (a failure prints the blob that reproduces it).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "1500")),
    deadline=None,
    derandomize=True,  # seeded: a failure in CI is the same failure on a developer's machine
    database=None,  # nothing written next to the project
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
settings.register_profile("hunt", settings.get_profile("fuzz"), derandomize=False)
settings.load_profile(os.environ.get("FUZZ_PROFILE", "fuzz"))
