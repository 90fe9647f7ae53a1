"""The model's own laws: a node's title is the one its id says."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.model import Node, NodeKind, title_of


@given(st.text(), st.sampled_from(list(NodeKind)))
def test_a_titled_node_reads_its_title_from_its_id(title: str, kind: NodeKind) -> None:
    node_id = f"<{title}>" if kind is NodeKind.ARGUMENT else f"[{title}]"
    node = Node(node_id, kind, title, "text")
    assert node.title == title and node.ref == node_id and node.label == title
    again = dataclasses.replace(node, text="other")  # replace passes no title: the id's
    assert again.title == title and again.text == "other"
    assert pickle.loads(pickle.dumps(node)) == node


def test_an_untitled_node_has_no_title() -> None:
    node = Node("_7", NodeKind.CLAIM, None, "line one\nline two")
    assert node.title is None and node.ref is None and node.label == "line one line two"
    assert title_of("_7") is None and title_of("[]") == "" and title_of("<a]b>") == "a]b"


@pytest.mark.parametrize(("node_id", "title"), [("[A]", "B"), ("[A]", None), ("_1", "A"), ("x", "x")])
def test_a_title_the_id_does_not_say_is_refused(node_id: str, title: str | None) -> None:
    with pytest.raises(ValueError, match="a node titled"):
        Node(node_id, NodeKind.CLAIM, title, "text")


def test_parsed_nodes_have_the_titles_written() -> None:
    m = argmap.parse("[A \\] b]: a\n  + <Why>: w\n    + evidence [E]: e\n  - plain\n")
    assert [n.title for n in m.nodes.values()] == ["A ] b", "Why", "E", None]
