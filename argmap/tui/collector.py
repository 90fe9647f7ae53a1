"""Python's full garbage collections, moved out of key presses into idle moments.

The browser allocates many short-lived objects on each key (rows, painted lines). Every so
often Python's cycle collector then walks every object that has survived so far (a "full"
collection): 15-55 ms on the build machine, charged to whichever key happened to be
pressed. `IdleCollector` turns the automatic full collections off while the browser runs and
makes one itself once no key or mouse event has come for `IDLE_DELAY` seconds (and only if
there were events since the last one). The young generations are still collected as usual,
so garbage does not pile up; cycles that live long enough to reach the old generation wait
for the next pause of the user's.
"""

from __future__ import annotations

import gc
import time

#: seconds without input before a full collection runs
IDLE_DELAY = 0.5
#: the collector's third threshold while the browser runs: no automatic full collections
NEVER = 1 << 30


class IdleCollector:
    """Full collections only when the user pauses (`start`, `input_seen`, `stop`)."""

    def __init__(self) -> None:
        self._thresholds: tuple[int, int, int] | None = None
        self._last_input = 0.0
        self._pending = False

    def start(self) -> None:
        """Turn automatic full collections off (`stop` turns them back on)."""
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _ = self._thresholds
            gc.set_threshold(young, middle, NEVER)

    def stop(self) -> None:
        """Give the collector its thresholds back."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def input_seen(self) -> None:
        """A key or mouse event arrived: collect once the user pauses."""
        self._last_input = time.monotonic()
        self._pending = True

    def collect_if_idle(self) -> bool:
        """Run a full collection if input came since the last one and has stopped for
        `IDLE_DELAY` seconds (call this every `IDLE_DELAY` seconds); True if it ran."""
        if not self._pending or time.monotonic() - self._last_input < IDLE_DELAY:
            return False
        self._pending = False
        gc.collect()
        return True
