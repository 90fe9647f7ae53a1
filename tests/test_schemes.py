"""The catalogue of argumentation schemes: every entry loads, with typed questions; names
resolve; user catalogue files are read and checked; `argmap schemes` shows them."""

from __future__ import annotations

import json

import pytest

from argmap.cli import main
from argmap.schemes.catalogue import (QUESTION_TYPES, CatalogueError, builtin, catalogue, name_key,
                                      question_number, read_schemes)

#: the schemes the issue asks for by name, as catalogue ids
NAMED = ["expert-opinion", "position-to-know", "popular-opinion", "analogy", "example", "cause-to-effect",
         "correlation-to-cause", "sign", "positive-consequences", "negative-consequences", "practical-reasoning",
         "values", "commitment", "ad-hominem", "ad-hominem-circumstantial", "slippery-slope",
         "verbal-classification", "established-rule", "precedent", "waste", "sunk-costs", "bias",
         "witness-testimony", "popular-practice", "gradualism"]


def test_every_entry_loads_with_typed_questions() -> None:
    schemes = builtin().schemes
    assert len(schemes) >= 25
    assert [n for n in NAMED if n not in schemes] == []
    for scheme in schemes.values():
        assert scheme.name and scheme.aif and scheme.conclusion and scheme.premises, scheme.id
        assert "Walton, Reed and Macagno 2008, ch. 9" in scheme.source, scheme.id
        assert [q.id for q in scheme.questions] == [f"CQ{n}" for n in range(1, len(scheme.questions) + 1)]
        assert {q.type for q in scheme.questions} <= set(QUESTION_TYPES)
        assert all(q.text.endswith("?") for q in scheme.questions), scheme.id


def test_the_catalogue_uses_every_question_type() -> None:
    types = [q.type for s in builtin().schemes.values() for q in s.questions]
    assert {t: types.count(t) > 10 for t in QUESTION_TYPES} == dict.fromkeys(QUESTION_TYPES, True)


@pytest.mark.parametrize("written,ident", [
    ("expert-opinion", "expert-opinion"), ("Argument From Expert Opinion", "expert-opinion"),
    ("Expert Opinion", "expert-opinion"), ("EXPERT  opinion", "expert-opinion"),
    ("Practical Reasoning", "practical-reasoning"), ("Circumstantial Ad Hominem", "ad-hominem-circumstantial"),
    ("slippery slope", "slippery-slope"), ("Argument From Sunk Costs", "sunk-costs"),
])
def test_a_scheme_is_found_by_any_of_its_names(written: str, ident: str) -> None:
    assert builtin().find(written).id == ident


def test_unknown_names_find_nothing_but_suggest_the_nearest() -> None:
    assert builtin().find("Default Inference") is None
    assert builtin().find(3) is None
    assert builtin().nearest("expert-opnion")[0] == "expert-opinion"


def test_every_name_names_one_scheme() -> None:
    owners: dict[str, str] = {}
    for scheme in builtin().schemes.values():
        for name in {name_key(n) for n in (scheme.id, scheme.name, scheme.aif, *scheme.aliases)}:
            assert owners.setdefault(name, scheme.id) == scheme.id, name


@pytest.mark.parametrize("written,number", [("CQ3", 3), ("cq12", 12), (" 4 ", 4), (2, 2), ("CQ0", None),
                                             ("Q3", None), (True, None), ("3a", None)])
def test_question_numbers(written: object, number: int | None) -> None:
    assert question_number(written) == number


GOOD = """
[[scheme]]
id = "my-scheme"
name = "My scheme"
premises = ["P."]
conclusion = "C."
questions = [{ type = "exception", text = "Unless?" }]
"""


@pytest.mark.parametrize("text,message", [
    ("[[scheme\n", "not valid TOML"),
    ("title = 'x'\n", "unknown top-level key 'title'"),
    ("", "no [[scheme]] tables"),
    (GOOD.replace('id = "my-scheme"', 'id = "My Scheme"'), "lower-case words"),
    (GOOD.replace('name = "My scheme"\n', ''), "'name' must be non-empty text"),
    (GOOD.replace('premises = ["P."]', 'premises = "P."'), "'premises' must be a list"),
    (GOOD.replace('"exception"', '"rebuttal"'), "question 1: 'type' must be one of premise, assumption, exception"),
    (GOOD.replace('questions = [{ type = "exception", text = "Unless?" }]', 'questions = []'), "'questions' must be"),
    (GOOD.replace('conclusion = "C."', 'conclusion = "C."\ncolour = "red"'), "unknown key 'colour'"),
    (GOOD + GOOD, "defined twice"),
])
def test_a_bad_catalogue_says_what_and_where(text: str, message: str) -> None:
    with pytest.raises(CatalogueError, match="mine.toml") as caught:
        read_schemes(text, "mine.toml")
    assert message in str(caught.value)


def test_a_user_file_adds_and_replaces_schemes(tmp_path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD + GOOD.replace("my-scheme", "sign").replace("My scheme", "My sign"), encoding="utf-8")
    found = catalogue((str(path),))
    assert found.find("My scheme").questions[0].type == "exception"
    assert found.find("sign").name == "My sign" and found.find("Argument From Sign") is None
    assert len(found.schemes) == len(builtin().schemes) + 1


def test_a_user_name_may_not_take_another_schemes_name(tmp_path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD.replace('name = "My scheme"', 'name = "Expert Opinion"'), encoding="utf-8")
    with pytest.raises(CatalogueError, match="already a name of scheme 'expert-opinion'"):
        catalogue((str(path),))


def test_cli_lists_and_shows(capsys) -> None:
    assert main(["schemes"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == len(builtin().schemes) + 1 and "expert-opinion" in out
    assert main(["schemes", "Argument From Expert Opinion"]) == 0
    out = capsys.readouterr().out
    assert "CQ4  exception" in out and "conclusion: A may plausibly be taken to be true." in out
    assert main(["schemes", "analogy", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "analogy" and [q["type"] for q in data["questions"]] == ["exception", "premise", "exception"]


def test_cli_suggests_and_refuses_bad_files(tmp_path, capsys) -> None:
    assert main(["schemes", "expert-opnion"]) == 2
    assert "did you mean expert-opinion" in capsys.readouterr().err
    bad = tmp_path / "bad.toml"
    bad.write_text("[[scheme]]\nid = 'x'\n", encoding="utf-8")
    assert main(["schemes", "--catalogue", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml: scheme 'x'" in err and "Traceback" not in err
    assert main(["schemes", "--catalogue", str(tmp_path / "none.toml")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_the_json_catalogue_is_derived_from_the_toml_one() -> None:
    from pathlib import Path

    from golden import assert_golden

    from argmap.schemes import derive

    assert_golden(Path(derive.BUILTIN_JSON), derive.derived())  # else: run derive.COMMAND or pytest --regen
    assert read_schemes(Path(derive.BUILTIN).read_text(encoding="utf-8"), derive.BUILTIN) == list(builtin().schemes.values())
