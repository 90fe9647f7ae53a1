"""The committed `argmap/language/read/_derived.py` is what the grammar gives.

The fast paths read the grammar's terminals and rules from that module, not from Lark (see
argmap/language/read/derive.py); this test derives them again and compares. `pytest --regen`
writes the module instead, as it writes the goldens.
"""

from __future__ import annotations

import hashlib

import golden

from argmap.language.grammar import grammar_text, parser
from argmap.language.read import _derived, derive


def test_the_derived_module_is_up_to_date() -> None:
    wanted = derive.current()
    if golden.REGEN:
        derive.main([])
    with open(derive.TARGET, encoding="utf-8") as file:
        written = file.read()
    assert written == wanted, (f"argmap/language/read/_derived.py is out of date with grammars/argmap.lark: "
                               f"run `{derive.COMMAND}` (or `pytest --regen`)")


def test_it_holds_the_grammar_as_the_parser_reads_it() -> None:
    assert _derived.GRAMMAR_SHA256 == hashlib.sha256(grammar_text().encode("utf-8")).hexdigest()
    # the parser reads the grammar as written on this Python (portable_regex rewrites nothing)
    # or with atomic groups in place of possessive ones; the names and their order are the same
    names = [t.name for t in parser().terminals if t.name not in parser().lexer_conf.ignore]
    assert list(_derived.TERMINALS) == names
    assert sorted(_derived.LEXER_ORDER) == sorted(names)


def test_check_says_what_to_run(monkeypatch, tmp_path, capsys) -> None:  # noqa: ANN001
    stale = tmp_path / "_derived.py"
    stale.write_text("# stale\n", encoding="utf-8")
    monkeypatch.setattr(derive, "TARGET", str(stale))
    assert derive.main(["--check"]) == 1
    assert "python -m argmap.language.read.derive" in capsys.readouterr().err
    assert derive.main([]) == 0 and stale.read_text(encoding="utf-8") == derive.current()
    assert derive.main(["--check"]) == 0
