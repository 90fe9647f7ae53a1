"""Pausing Python's cycle collector while a map is read or checked.

Reading a map allocates hundreds of thousands of objects and frees almost none, so every
collection the allocations trigger walks the whole growing model for nothing: on a 50,000-node
map that was a third of the time of `check` and more of `parse`. Nothing these stages make
forms a reference cycle that needs the collector.

When the block ends, what it made is alive (it is the model): the collector would still walk
all of it in a young collection right away, again in a middle one, and then in a full one. So
the objects go straight to the oldest generation (`gc.freeze()` then `gc.unfreeze()`, which
moves every tracked object there without walking any), and only full collections see them.
That also moves the caller's few young objects (fewer than the young generation's threshold);
it is skipped if the program froze objects itself (`gc.get_freeze_count()`), whose frozen
objects must stay where they are.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cycle collector off inside the block (and back on after, if it was on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()  # every tracked object to the permanent generation, young counts reset,
                gc.unfreeze()  # and back into the oldest generation: no young collection walks them
            gc.enable()
