"""The catalogue of argumentation schemes: `walton.toml` (shipped as data) plus the user's files.

The shipped catalogue is read from `walton.json`, the same data derived from `walton.toml`
(`python -m argmap.schemes.derive`; tests/test_schemes.py holds the two equal): JSON is read
in C, so `check` of a map that names a scheme does not load tomllib (and typing) for it.

A scheme is found by its id, its name, its AIF name or any alias, written in any case and
with any punctuation between the words (`expert-opinion`, "Argument From Expert Opinion",
"expert opinion" are one scheme). A user file has the shape of `walton.toml`; its schemes
are added to the shipped ones, and one with the id of a shipped scheme replaces it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import ArgmapError, suggest

#: the question types of Carneades: who must show what (the shipped file's header says more)
QUESTION_TYPES = ("premise", "assumption", "exception")
#: the shipped catalogue, as written and as derived for reading
BUILTIN = os.path.join(os.path.dirname(__file__), "walton.toml")
BUILTIN_JSON = os.path.join(os.path.dirname(__file__), "walton.json")


class CatalogueError(ArgmapError):
    """A catalogue file that cannot be read or is not a catalogue (the message says where)."""


@dataclass(frozen=True, slots=True)
class Question:
    """One critical question: `id` is `CQ1`, `CQ2`, … in the scheme's order."""

    id: str
    text: str
    type: str


@dataclass(frozen=True, slots=True)
class Scheme:
    """One argumentation scheme with its premises, conclusion and critical questions."""

    id: str
    name: str
    premises: tuple[str, ...]
    conclusion: str
    questions: tuple[Question, ...]
    aif: str = ""
    aliases: tuple[str, ...] = ()
    source: str = ""
    #: the file it was read from
    path: str = field(default="", compare=False)

    def question(self, ident: str) -> Question | None:
        """The question `ident` names (`CQ3`, `cq3`, `3`), None if the scheme has none such."""
        number = question_number(ident)
        return self.questions[number - 1] if number and number <= len(self.questions) else None


def question_number(ident: object) -> int | None:
    """The number in a question id (`CQ3`, `cq3`, `3` → 3), None when it is no question id."""
    found = re.fullmatch(r"\s*(?:cq)?\s*([1-9][0-9]*)\s*", str(ident), re.IGNORECASE)
    return int(found.group(1)) if found and not isinstance(ident, bool) else None


def name_key(name: str) -> str:
    """The form names are compared in: case folded, every run of other characters one `-`."""
    return re.sub(r"[^0-9a-z]+", "-", name.casefold()).strip("-")


@dataclass(frozen=True)
class Catalogue:
    """Schemes by id, with every name they are known by."""

    schemes: dict[str, Scheme]
    names: dict[str, str]  # name_key -> scheme id

    def find(self, name: object) -> Scheme | None:
        """The scheme `name` names (id, name, AIF name or alias), None if none."""
        ident = self.names.get(name_key(name)) if isinstance(name, str) else None
        return None if ident is None else self.schemes[ident]

    def nearest(self, name: str) -> tuple[str, ...]:
        """The ids of the schemes whose names are nearest to `name` (for "did you mean")."""
        ids = dict.fromkeys(self.names[key] for key in suggest(name_key(name), list(self.names)))
        return tuple(ids)

    def aif_name(self, name: object) -> str | None:
        """The AIF name of the scheme `name` names, None if it names none."""
        scheme = self.find(name)
        return None if scheme is None else scheme.aif or scheme.name

    def adding(self, schemes: list[Scheme]) -> Catalogue:
        """This catalogue with `schemes` added (one with a known id replaces that one)."""
        table = {**self.schemes, **{s.id: s for s in schemes}}
        return _index(list(table.values()))


def _index(schemes: list[Scheme]) -> Catalogue:
    names: dict[str, str] = {}
    for scheme in schemes:
        for written in (scheme.id, scheme.name, scheme.aif, *scheme.aliases):
            key = name_key(written)
            if not key:
                continue
            other = names.setdefault(key, scheme.id)
            if other != scheme.id:
                where = scheme.path or "the catalogue"
                raise CatalogueError(f"{where}: scheme {scheme.id!r}: the name {written!r} is already "
                                     f"a name of scheme {other!r}")
    return Catalogue({s.id: s for s in schemes}, names)


def _text(entry: dict, key: str, where: str, *, required: bool = True) -> str:
    value = entry.get(key, "" if not required else None)
    if not isinstance(value, str) or (required and not value.strip()):
        raise CatalogueError(f"{where}: '{key}' must be {'non-empty ' if required else ''}text")
    return value.strip()


def _texts(entry: dict, key: str, where: str, *, required: bool = True) -> tuple[str, ...]:
    value = entry.get(key, [] if not required else None)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value) \
            or (required and not value):
        raise CatalogueError(f"{where}: '{key}' must be a list of {'one or more ' if required else ''}texts")
    return tuple(v.strip() for v in value)


def _question(item: object, number: int, where: str) -> Question:
    where = f"{where}, question {number}"
    if not isinstance(item, dict):
        raise CatalogueError(f"{where}: must be a table {{ type = \"premise\", text = \"…\" }}")
    kind = item.get("type")
    if kind not in QUESTION_TYPES:
        raise CatalogueError(f"{where}: 'type' must be one of {', '.join(QUESTION_TYPES)}, not {kind!r}")
    return Question(f"CQ{number}", _text(item, "text", where), kind)


def _scheme(entry: object, number: int, path: str) -> Scheme:
    where = f"{path}: scheme {number}"
    if not isinstance(entry, dict):
        raise CatalogueError(f"{where}: must be a [[scheme]] table")
    ident = _text(entry, "id", where)
    if not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", ident):
        raise CatalogueError(f"{where}: id {ident!r} must be lower-case words joined by '-' (like expert-opinion)")
    where = f"{path}: scheme {ident!r}"
    unknown = sorted(set(entry) - {"id", "name", "aif", "aliases", "source", "premises", "conclusion", "questions"})
    if unknown:
        raise CatalogueError(f"{where}: unknown key {unknown[0]!r}")
    questions = entry.get("questions")
    if not isinstance(questions, list) or not questions:
        raise CatalogueError(f"{where}: 'questions' must be a list of one or more critical questions")
    return Scheme(ident, _text(entry, "name", where), _texts(entry, "premises", where),
                  _text(entry, "conclusion", where),
                  tuple(_question(q, n, where) for n, q in enumerate(questions, 1)),
                  aif=_text(entry, "aif", where, required=False),
                  aliases=_texts(entry, "aliases", where, required=False),
                  source=_text(entry, "source", where, required=False), path=path)


def read_schemes(text: str, path: str) -> list[Scheme]:
    """The schemes of one catalogue file's text; CatalogueError says what is wrong and where."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{path}: not valid TOML: {exc}") from None
    return schemes_of(data, path)


def schemes_of(data: dict, path: str) -> list[Scheme]:
    """The schemes of a catalogue file's parsed content (CatalogueError as `read_schemes`)."""
    unknown = sorted(set(data) - {"scheme"})
    if unknown:
        raise CatalogueError(f"{path}: unknown top-level key {unknown[0]!r} (write each scheme as a [[scheme]] table)")
    entries = data.get("scheme")
    if not isinstance(entries, list) or not entries:
        raise CatalogueError(f"{path}: no [[scheme]] tables")
    schemes = [_scheme(entry, n, path) for n, entry in enumerate(entries, 1)]
    seen: set[str] = set()
    for scheme in schemes:
        if scheme.id in seen:
            raise CatalogueError(f"{path}: scheme {scheme.id!r} is defined twice")
        seen.add(scheme.id)
    return schemes


def read_file(path: str) -> list[Scheme]:
    """The schemes of the catalogue file `path` (CatalogueError when it cannot be read)."""
    from ..errors import UsageError
    from ..files import decode, read_bytes

    try:
        text, problems = decode(read_bytes(path), path)
    except UsageError as exc:
        raise CatalogueError(str(exc)) from None
    if problems:
        raise CatalogueError(f"{path}: {problems[0].message}")
    return read_schemes(text, path)


@lru_cache(maxsize=1)
def builtin() -> Catalogue:
    """The shipped catalogue (read once)."""
    import json

    with open(BUILTIN_JSON, encoding="utf-8") as file:
        return _index(schemes_of(json.load(file), BUILTIN))


def catalogue(paths: tuple[str, ...] = ()) -> Catalogue:
    """The shipped catalogue with the schemes of each file in `paths` added, in order."""
    found = builtin()
    for path in paths:
        found = found.adding(read_file(path))
    return found
