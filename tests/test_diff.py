"""`argmap diff` (argmap/analyze/diff.py, argmap/commands/diff.py): node identity, relations,
the outcome by actor, the exit status, JSON, other input formats, git's external diff calling
convention with a real `git diff`, and the laws: diff(m, m) is empty, and what diff(a, b)
adds diff(b, a) removes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from golden import assert_golden
from helpers import FIXTURES, FLAGSHIP, ROOT, parse_clean
from hypothesis import given
from strategies import maps

from argmap.analyze.diff import by_actor, diff_maps, match_nodes
from argmap.cli import main

OLD = """
    actor pro: Pro
    actor con: Con

    [Claim]: the claim @pro #core
      + [Reason]: a reason @pro
      - [Objection]: an objection @con
      + an untitled supporter of the claim
      - {weight: 0.5} [Weak]: weak @con
"""

NEW = """
    actor pro: Pro
    actor con: Con

    [Claim]: the claim, said again @pro #core #main
      + <Reason>: a reason @pro
      - [Objection]: an objection @con
        - [Reply]: a reply @pro
      + an untitled supporter of the whole claim
      - {weight: 0.9} [Weak]: weak @con
"""


def test_nodes_and_relations_by_identity() -> None:
    old, new = parse_clean(OLD), parse_clean(NEW)
    assert match_nodes(old, new) == {
        "[Claim]": ("[Claim]", "id"), "[Reason]": ("<Reason>", "title"),
        "[Objection]": ("[Objection]", "id"), "_1": ("_1", "similar"), "[Weak]": ("[Weak]", "id")}
    result = diff_maps(old, new)
    assert result.nodes_added == ("[Reply]",) and result.nodes_removed == ()
    changes = {c.new: c.changes for c in result.nodes_changed}
    assert changes["[Claim]"] == {"text": ("the claim", "the claim, said again"),
                                  "tags": (["core"], ["core", "main"])}
    assert changes["<Reason>"] == {"kind": ("claim", "argument")}
    assert set(changes["_1"]) == {"text"}
    assert [d.key for d in result.relations_added] == [("attack", "[Reply]", "[Objection]")]
    assert [(d.key, d.changes) for d in result.relations_changed] == [
        (("attack", "[Weak]", "[Claim]"), {"meta": ({"weight": 0.5}, {"weight": 0.9})})]
    assert result.relations_removed == ()


def test_untitled_nodes_go_by_text_and_a_rewrite_is_a_removal_and_an_addition() -> None:
    old = parse_clean("[A]: a\n  + first reason\n  + second reason\n")
    renumbered = parse_clean("[A]: a\n  + second reason\n  + first reason\n")
    assert diff_maps(old, renumbered).empty  # the ids _1 and _2 swapped: nothing changed
    rewritten = parse_clean("[A]: a\n  + first reason\n  + something else entirely, said at length\n")
    result = diff_maps(old, rewritten)
    assert result.nodes_added == ("_2",) and result.nodes_removed == ("_2",)
    titled = parse_clean("[A]: a\n  + [First]: first reason\n  + second reason\n")
    (change,) = diff_maps(old, titled).nodes_changed
    assert change.changes == {"title": (None, "First")} and change.how == "text"


def test_an_undercut_is_keyed_by_the_relation_it_undercuts() -> None:
    old = parse_clean("[A]: a\n  - [B]: b\n")
    new = parse_clean("[A]: a\n  - [B]: b\n    _ [U]: u\n")
    result = diff_maps(old, new)
    assert [d.key for d in result.relations_added] == [("undercut", "[U]", ("attack", "[B]", "[A]"))]
    assert [(f.node, f.before, f.after) for f in result.flips] == [("[A]", "out", "in")]


def test_outcome_by_actor_and_threshold() -> None:
    old, new = parse_clean(OLD), parse_clean(NEW)
    result = diff_maps(old, new, ("grounded", "preferred"))
    # [Reply] takes [Objection] out; [Claim] stays out ([Weak] still attacks it)
    assert [(f.node, f.semantics, f.before, f.after) for f in result.flips] == [
        ("[Objection]", "grounded", "in", "out"), ("[Objection]", "preferred", "in", "out")]
    assert [(d.node, d.before, d.after) for d in result.strength] == [("[Objection]", 0.5, 0.25)]
    ((actor, flips, deltas),) = by_actor(result, new)
    assert actor == "con" and len(flips) == 2 and len(deltas) == 1
    quiet = diff_maps(old, new, threshold=0.25)
    assert quiet.strength == () and quiet.outcome_changed  # the flip is still a change


OLD_FILE = """\
actor pro: Pro
actor con: Con
[Claim]: the claim @pro
  - [Objection]: an objection @con
"""


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path, Path]:
    old = tmp_path / "old.argmap"
    old.write_text(OLD_FILE, encoding="utf-8")
    answered = tmp_path / "answered.argmap"
    answered.write_text(OLD_FILE + "    - [Reply]: a reply @pro\n", encoding="utf-8")
    reworded = tmp_path / "reworded.argmap"
    reworded.write_text(OLD_FILE.replace("the claim", "the claim, reworded"), encoding="utf-8")
    return old, answered, reworded


def test_exit_status_says_whether_the_outcome_changed(versions, capsys, tmp_path: Path) -> None:
    old, answered, reworded = versions
    assert main(["diff", str(old), str(old)]) == 0
    assert "no change" in capsys.readouterr().out
    assert main(["diff", str(old), str(reworded)]) == 0  # a change, but not of the outcome
    out = capsys.readouterr().out
    assert "~ [Claim]: text: 'the claim' → 'the claim, reworded'" in out and "outcome unchanged" in out
    assert main(["diff", str(old), str(answered)]) == 1
    out = capsys.readouterr().out
    assert "+ [Reply]: a reply @pro (grounded: in)" in out and "@pro Pro" in out
    assert "[Claim] grounded: out → in" in out
    broken = tmp_path / "broken.argmap"
    broken.write_text("[A]: a\n  - \n", encoding="utf-8")
    assert main(["diff", str(old), str(broken)]) == 2
    assert "fix the errors above first" in capsys.readouterr().err
    assert main(["diff", str(old)]) == 2
    assert main(["diff", str(old), str(tmp_path / "missing.argmap")]) == 2


def test_json_shape(versions, capsys) -> None:
    old, answered, _ = versions
    assert main(["diff", str(old), str(answered), "--json", "--semantics", "grounded",
                 "--semantics", "preferred"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"old", "new", "semantics", "threshold", "nodes", "relations", "actors", "outcome"}
    assert data["semantics"] == ["grounded", "preferred"] and data["threshold"] == 0.05
    (added,) = data["nodes"]["added"]
    assert added == {"node": "[Reply]", "kind": "claim", "text": "a reply", "actors": ["pro"],
                     "status": {"grounded": "in", "preferred": "in"}, "strength": 0.5}
    assert data["relations"]["added"] == [{"kind": "attack", "source": "[Reply]",
                                           "target": "[Objection]", "id": "r2"}]
    outcome = data["outcome"]
    assert outcome["changed"] is True
    assert {"node": "[Claim]", "semantics": "grounded", "from": "out", "to": "in",
            "actors": ["pro"]} in outcome["flips"]
    assert [g["actor"] for g in outcome["by_actor"]] == ["pro", "con"]
    assert outcome["by_actor"][0]["name"] == "Pro"


def test_any_input_format_and_dev_null(tmp_path: Path, capsys) -> None:
    exported = tmp_path / "flagship.json"
    assert main(["export", str(FLAGSHIP), "--to", "json", "-o", str(exported)]) == 0
    capsys.readouterr()
    assert main(["diff", str(FLAGSHIP), str(exported)]) == 0
    assert "no change" in capsys.readouterr().out
    assert main(["diff", "/dev/null", str(FLAGSHIP), "--json"]) == 0  # nothing was there before
    data = json.loads(capsys.readouterr().out)
    assert len(data["nodes"]["added"]) == 66 and not data["outcome"]["changed"]


def test_stdin_as_the_old_version(versions, monkeypatch, capsys) -> None:
    import io

    old, answered, _ = versions
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(old.read_bytes())))
    assert main(["diff", "-", str(answered)]) == 1


def test_the_seven_arguments_of_git(versions, capsys, tmp_path: Path) -> None:
    old, answered, _ = versions
    hexes = ("0" * 40, "1" * 40)
    argv = ["diff", "maps/x.argmap", str(old), hexes[0], "100644", str(answered), hexes[1], "100644"]
    assert main(argv) == 0  # git stops at a driver that exits non-zero
    out = capsys.readouterr().out
    assert out.startswith("argmap diff a/maps/x.argmap b/maps/x.argmap") and "[Reply]" in out
    assert main(argv[:1] + ["--git-external-diff", "x.argmap"]) == 0  # unmerged
    assert "unmerged" in capsys.readouterr().out
    assert main(argv[:4]) == 2  # three arguments are neither two files nor git's


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_real_git_diff_uses_argmap_diff(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}
    env.pop("GIT_EXTERNAL_DIFF", None)

    def git(*args: str, **extra: str) -> str:
        done = subprocess.run(["git", *args], cwd=repo, env={**env, **extra}, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    path = repo / "debate.argmap"
    path.write_text(OLD_FILE, encoding="utf-8")
    git("init", "-q")
    git("add", "debate.argmap")
    git("commit", "-qm", "one")
    path.write_text(OLD_FILE + "    - [Reply]: a reply @pro\n", encoding="utf-8")
    argmap = f"{sys.executable} -m argmap"
    # GIT_EXTERNAL_DIFF: git passes the seven arguments, which argmap diff recognises
    out = git("diff", GIT_EXTERNAL_DIFF=f"{argmap} diff")
    assert "argmap diff a/debate.argmap b/debate.argmap" in out and "[Claim] grounded: out → in" in out
    # a diff driver for *.argmap, as docs/analysis.md sets it up
    (repo / ".gitattributes").write_text("*.argmap diff=argmap\n", encoding="utf-8")
    git("config", "diff.argmap.command", f"{argmap} diff --git-external-diff")
    git("commit", "-qam", "two")
    out = git("diff", "HEAD~1", "--", "debate.argmap")
    assert "+ [Reply]: a reply @pro" in out
    # a version with errors: the lines, and git goes on
    path.write_text("[A]: a\n  - \n", encoding="utf-8")
    out = git("diff")
    assert "has errors" in out and "+[A]: a" in out


# --- laws ------------------------------------------------------------------------------------


@given(maps())
def test_a_map_and_itself_differ_in_nothing(map_) -> None:
    result = diff_maps(map_, map_)
    assert result.empty and not result.outcome_changed


@given(maps(), maps())
def test_what_one_way_adds_the_other_removes(a, b) -> None:
    forward, backward = diff_maps(a, b), diff_maps(b, a)
    assert set(forward.nodes_added) == set(backward.nodes_removed)
    assert set(forward.nodes_removed) == set(backward.nodes_added)
    assert {d.new for d in forward.relations_added} == {d.old for d in backward.relations_removed}
    assert {d.old for d in forward.relations_removed} == {d.new for d in backward.relations_added}


def test_the_cli_on_a_map_and_itself_exits_0(tmp_path: Path, capsys) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(textwrap.dedent(OLD), encoding="utf-8")
    assert main(["diff", str(path), str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert not data["outcome"]["changed"] and not any(data["nodes"].values())


# --- golden: the flagship against an edited copy -------------------------------------------

EDITED = FIXTURES / "lavrov-blinken.edited.argmap"


def _edit(text: str, anchor: str, change) -> str:  # noqa: ANN001 - str -> list[str]
    """Replace the first line starting (after its indentation) with `anchor` by `change(line)`."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if line.lstrip().startswith(anchor):
            lines[k:k + 1] = change(line)
            return "\n".join(lines)
    raise AssertionError(f"the flagship has no line starting with {anchor!r}: update the edits")


def edited_flagship() -> str:
    """The flagship after a realistic round of edits: Blinken answers Russia's hostile-act
    reason with a new attack, Russia concedes that the West is inching closer, and a claim
    of the US is reworded."""
    text = FLAGSHIP.read_text(encoding="utf-8")

    def answer(line: str) -> list[str]:
        indent = line[:len(line) - len(line.lstrip())] + "  "
        return [line, f"{indent}- [Open door]: NATO's door is open to any European democracy "
                      "that chooses to join. @blinken #sovereignty {round: 3}"]

    def concede(line: str) -> list[str]:
        if line.endswith("}"):
            return [line[:-1] + ", status: rejected}"]
        return [line + " {status: rejected}"]

    def reword(line: str) -> list[str]:
        return [re.sub(r"^(\s*\[Diplomacy is ongoing\]: )[^@{]*", r"\1Talks between the US and "
                       "Russia go on. ", line)]

    text = _edit(text, "+ [Hostile act]:", answer)
    text = _edit(text, "+ [West inching closer]:", concede)
    return _edit(text, "[Diplomacy is ongoing]:", reword)


def test_the_edited_flagship_is_the_flagship_with_the_edits() -> None:
    assert_golden(EDITED, edited_flagship())  # --regen writes it again from the map
    edited = parse_clean(EDITED.read_text(encoding="utf-8"))
    assert "[Open door]" in edited.nodes


@pytest.mark.parametrize("json_output", [False, True], ids=["text", "json"])
def test_the_flagship_against_the_edited_copy(json_output: bool, capsys, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)  # paths in the output as a user in the repository types them
    args = ["diff", "maps/lavrov-blinken.argmap", "tests/fixtures/lavrov-blinken.edited.argmap",
            "--semantics", "grounded", "--semantics", "preferred"]
    code = main([*args, "--json"] if json_output else args)
    out = capsys.readouterr().out
    assert code == 1  # the outcome changed: Blinken's new attack takes [Hostile act] out
    name = "lavrov-blinken.diff." + ("json" if json_output else "txt")
    assert_golden(ROOT / "tests" / "golden" / "analysis" / name, out)
    if json_output:
        result = json.loads(out)
        assert [n["node"] for n in result["nodes"]["added"]] == ["[Open door]"]
        changed = {n["node"]: set(n["changes"]) for n in result["nodes"]["changed"]}
        assert changed == {"[West inching closer]": {"meta"}, "[Diplomacy is ongoing]": {"text"}}
        flips = {(f["node"], f["semantics"]) for f in result["outcome"]["flips"]}
        assert ("[Hostile act]", "grounded") in flips
