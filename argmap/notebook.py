"""What Jupyter shows of a map: its drawing, made as `argmap render` makes it.

`Map._repr_mimebundle_` calls `map_display` (found by name: the model does not import the
renderer). An analysis shows as a table of its own (`Analysis._repr_html_`).
"""

from __future__ import annotations

from .api import render
from .model import Map

#: the most errors the text shown instead of the drawing of a broken map lists
SHOWN_ERRORS = 5


def map_display(m: Map) -> dict[str, str]:
    """Jupyter's bundle for `m`: the SVG drawing and the one-line repr; a map with errors is not
    drawn (as `argmap render` refuses it): its first errors are shown instead."""
    errors = [d for d in m.diagnostics if d.is_error]
    if errors:
        from .language.report import format_diagnostics

        listed = format_diagnostics(errors[:SHOWN_ERRORS], color=False)
        more = f"… and {len(errors) - SHOWN_ERRORS} more\n" if len(errors) > SHOWN_ERRORS else ""
        return {"text/plain": f"{m!r}: not drawn, fix its errors first\n{listed}{more}"}
    return {"image/svg+xml": render(m, "svg").decode("utf-8"), "text/plain": repr(m)}
