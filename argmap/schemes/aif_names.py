"""Scheme names in AIF: RA- and CA-nodes are named by their scheme ("Argument From Expert
Opinion"). argmap writes a known scheme by the catalogue's AIF name and reads that name back
as the scheme's id; any other name (an alias, a scheme the catalogue does not know, AIF's
"Default Inference") travels as written, so AIF → argmap → AIF keeps every name."""

from __future__ import annotations

from ..model import Map, RelationKind
from .catalogue import Catalogue, builtin
from .uses import SCHEME_KEY, map_catalogue, uses_schemes


def scheme_of_aif(name: str, catalogue: Catalogue | None = None) -> str:
    """What `{scheme: …}` holds for an RA/CA-node named `name`: the id of the scheme whose AIF
    name it is exactly, else `name` itself."""
    scheme = (catalogue or builtin()).find(name)
    return scheme.id if scheme is not None and scheme.aif == name else name


def aif_of_scheme(name: str, catalogue: Catalogue | None = None) -> str:
    """The AIF name to write for `{scheme: name}`: a catalogue id's AIF name, else `name`."""
    scheme = (catalogue or builtin()).schemes.get(name)
    return scheme.aif or scheme.name if scheme is not None else name


def relation_schemes(m: Map) -> dict[str, str]:
    """Relation id -> the AIF name of its scheme, for the relations that name one or are drawn
    by an argument that does (`{scheme: …}` on the relation wins); empty when the map names none."""
    if not uses_schemes(m):
        return {}
    catalogue = map_catalogue(m)[0]
    found: dict[str, str] = {}
    for r in m.relations.values():
        named = r.meta.get(SCHEME_KEY) if r.meta else None
        source = m.nodes.get(r.source)
        if not (isinstance(named, str) and named.strip()) and r.kind in (RelationKind.SUPPORT, RelationKind.ATTACK) \
                and source is not None and source.meta and catalogue.find(source.meta.get(SCHEME_KEY)):
            named = catalogue.find(source.meta[SCHEME_KEY]).id
        if isinstance(named, str) and named.strip():
            found[r.id] = aif_of_scheme(named, catalogue)
    return found



def inference_schemes(m: Map) -> dict[tuple[str, int], str]:
    """(argument id, inference index) -> the AIF name of the scheme an inference line of a
    reconstruction names; empty when the map names none."""
    if not uses_schemes(m):
        return {}
    catalogue = map_catalogue(m)[0]
    return {(argument, index): aif_of_scheme(str(inference.scheme), catalogue)
            for argument, reconstruction in m.reconstructions.items()
            for index, inference in enumerate(reconstruction.inferences) if inference.scheme}
