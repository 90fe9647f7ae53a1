"""JSON export and import: the whole graph view survives, the schema holds, errors have places."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema
import pytest
from hypothesis import given
from helpers import FLAGSHIP
from strategies import maps  # the shared model strategy: every kind of content

import argmap
from argmap.errors import ImportFailed
from argmap.export.json import map_to_dict, map_to_json
from argmap.importers.json import map_schema, read_json


def graph(m: argmap.Map) -> argmap.Map:
    return replace(m, document=(), trailing_comments=())


@given(maps())
def test_json_round_trip_gives_an_equal_model(m: argmap.Map) -> None:
    back = read_json(map_to_json(m))
    assert back == m
    assert list(back.nodes) == list(m.nodes)  # order kept too
    assert list(back.relations) == list(m.relations)


@given(maps())
def test_every_export_follows_the_shipped_schema(m: argmap.Map) -> None:
    jsonschema.Draft202012Validator(map_schema()).validate(map_to_dict(m))


def test_flagship_round_trip_keeps_graph_and_positions() -> None:
    m = argmap.parse_file(FLAGSHIP)
    back = read_json(map_to_json(m), "x.json")
    assert graph(back) == graph(m)
    node = next(iter(m.nodes.values()))
    assert back.nodes[node.id].span == node.span  # positions travel with the JSON
    assert node.span.line > 0


def test_schema_is_valid_and_rejects_a_bad_kind() -> None:
    schema = map_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    data = map_to_dict(argmap.parse("[A]: a\n  + [B]: b\n"))
    data["relations"][0]["kind"] = "supports"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_the_schema_enums_are_the_model_kinds() -> None:
    items = map_schema()["properties"]
    assert items["nodes"]["items"]["properties"]["kind"]["enum"] == [k.value for k in argmap.NodeKind]
    assert items["relations"]["items"]["properties"]["kind"]["enum"] == [k.value for k in argmap.RelationKind]


def test_invalid_json_reports_line_and_column() -> None:
    with pytest.raises(ImportFailed) as info:
        read_json('{\n  "format": "argmap",\n  "nodes": [,]\n}', "bad.json")
    (diagnostic,) = info.value.diagnostics
    assert (diagnostic.span.path, diagnostic.span.line, diagnostic.span.column) == ("bad.json", 3, 13)


def test_schema_violation_points_at_the_offending_object() -> None:
    data = map_to_dict(argmap.parse("[A]: a\n  + [B]: b\n  - [C]: c\n"))
    data["relations"][1]["kind"] = "refutes"
    text = json.dumps(data, indent=2)
    with pytest.raises(ImportFailed) as info:
        read_json(text, "m.json")
    (diagnostic,) = info.value.diagnostics
    assert "relations/1/kind" in diagnostic.message
    line = text.splitlines()[diagnostic.span.line - 1]
    assert line.strip() == "{"  # the opening brace of relations[1]
    second = next(i for i, ln in enumerate(text.splitlines(), 1) if '"id": "r2"' in ln)
    assert diagnostic.span.line == second - 1


@given(maps())
def test_fast_writer_says_exactly_what_the_dictionary_says(m: argmap.Map) -> None:
    assert json.loads(map_to_json(m)) == map_to_dict(m)


def test_a_reconstruction_naming_what_the_map_lacks_is_refused_at_its_place() -> None:
    m = argmap.parse("<A>: a\n  (1) [P]: p\n  ----\n  (2) [C]: c\n  +> [C]\n")
    data = json.loads(map_to_json(m))
    data["reconstructions"][0]["statements"][0] = "[Gone]"
    with pytest.raises(ImportFailed) as failed:
        read_json(json.dumps(data))
    (diagnostic,) = failed.value.diagnostics
    assert "[Gone]" in diagnostic.message and diagnostic.message.startswith("reconstructions/0")
