"""Write `walton.json`, the shipped catalogue `walton.toml` as JSON (what `builtin()` reads):
`python -m argmap.schemes.derive` after a change of `walton.toml`."""

from __future__ import annotations

import json

from ..files import atomic_write
from .catalogue import BUILTIN, BUILTIN_JSON

COMMAND = "python -m argmap.schemes.derive"


def derived() -> str:
    """The text `walton.json` must have."""
    import tomllib

    with open(BUILTIN, "rb") as file:
        data = tomllib.load(file)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    atomic_write(BUILTIN_JSON, derived())
    print(f"wrote {BUILTIN_JSON}")
