"""Writes the JSON cases of this folder from one valid export (run: python make_cases.py)."""

import copy
import json
import math
from pathlib import Path

BASE = {
    "format": "argmap", "version": 1, "metadata": {"title": "t"},
    "actors": [{"id": "a", "name": "A", "meta": {}, "span": None}],
    "sources": [{"id": "s", "citation": "c", "meta": {}, "span": None}],
    "sections": [{"id": "s1", "title": "S", "level": 1, "parent": None, "span": None}],
    "nodes": [
        {"id": "[A]", "kind": "claim", "title": "A", "text": "a", "actors": ["a"], "tags": [], "sources": ["s"],
         "meta": {}, "section": "s1", "span": None},
        {"id": "[B]", "kind": "claim", "title": "B", "text": "b", "actors": [], "tags": [], "sources": [],
         "meta": {}, "section": "s1", "span": None},
    ],
    "relations": [{"id": "r1", "kind": "support", "source": "[B]", "target": "[A]", "group": None,
                   "weight": None, "meta": {}, "span": None}],
}
INJECTED = "x\n---\n[Injected]: pwned"


def case(name, change):
    data = copy.deepcopy(BASE)
    change(data)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    Path(__file__).with_name(name + ".json").write_text(text + "\n", "utf-8")


case("fm-newline", lambda d: d["metadata"].update(title=INJECTED))
case("fm-key-newline", lambda d: d["metadata"].update({"a\n[Injected]": "pwned"}))
case("meta-key-brace", lambda d: d["nodes"][0]["meta"].update({"a}b": 1}))
case("tag-newline", lambda d: d["nodes"][0].update(tags=["x\n[Injected]: pwned"]))
case("actor-id", lambda d: (d["actors"][0].update(id="a b"), d["nodes"][0].update(actors=["a b"])))
case("actor-name-newline", lambda d: d["actors"][0].update(name="A\n[Injected]: pwned"))
case("section-newline", lambda d: d["sections"][0].update(title="S\n[Injected]: pwned"))
case("citation-newline", lambda d: d["sources"][0].update(citation='c"\n[Injected]: pwned'))
case("title-u2028", lambda d: d["nodes"][1].update(id="[B\u2028x]", title="B\u2028x") or d["relations"][0].update(source="[B\u2028x]"))
case("dangling-endpoint", lambda d: d["relations"][0].update(source="[C]"))
case("undercut-cycle", lambda d: d["relations"].extend([
    {"id": "r2", "kind": "undercut", "source": "[A]", "target": "r3", "group": None, "weight": None, "meta": {}, "span": None},
    {"id": "r3", "kind": "undercut", "source": "[B]", "target": "r2", "group": None, "weight": None, "meta": {}, "span": None}]))
case("duplicate-node", lambda d: d["nodes"].append({**d["nodes"][0], "text": "other"}))
case("self-relation", lambda d: d["relations"][0].update(source="[A]"))
case("score-huge", lambda d: d["nodes"][0]["meta"].update(score=1e308))
case("score-nan", lambda d: d["nodes"][0]["meta"].update(score=math.nan))
case("weight-nan", lambda d: d["relations"][0].update(weight=math.nan, meta={"weight": math.nan}))
