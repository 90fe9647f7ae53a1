"""ICCMA i23 and apx: round trips, the awkward inputs real files have, and clear errors."""

from __future__ import annotations

import pytest
from hypothesis import given

from argmap.analyze.iccma import framework_to_apx, framework_to_i23, read_apx, read_i23
from argmap.errors import ImportFailed
from tests.test_dung_properties import frameworks


@given(frameworks())
def test_i23_round_trip(af) -> None:
    back = read_i23(framework_to_i23(af))
    assert back.size == af.size
    assert list(back.attacks()) == list(af.attacks())


@given(frameworks())
def test_apx_round_trip(af) -> None:
    back = read_apx(framework_to_apx(af))
    assert back.names == af.names
    assert list(back.attacks()) == list(af.attacks())


def test_i23_with_comments_blank_lines_and_spaces() -> None:
    text = "# made by hand\r\n\r\n  p   af 3  \r\n# attacks follow\n 1  2 \n\n2 3   # trailing\n\t3 1\n"
    af = read_i23(text)
    assert af.names == ["1", "2", "3"]
    assert list(af.attacks()) == [(0, 1), (1, 2), (2, 0)]


def test_apx_with_spaces_comments_and_several_facts_a_line() -> None:
    text = "% a framework\narg(a). arg( b ).\n\narg(c).% c too\natt(b, a).   att( a ,c ) .\n"
    af = read_apx(text)
    assert af.names == ["a", "b", "c"]
    assert list(af.attacks()) == [(1, 0), (0, 2)]


def test_apx_writer_renames_names_that_are_not_plain_terms() -> None:
    from argmap.analyze.framework import Framework

    af = Framework(["[No NATO troops]", "line\nbreak"], [(1, 0)])
    text = framework_to_apx(af)
    assert "arg(a1).  % [No NATO troops]" in text and "% line break" in text
    assert list(read_apx(text).attacks()) == [(1, 0)]
    assert "# 2 line break" in framework_to_i23(af)


@pytest.mark.parametrize(
    ("reader", "text", "message"),
    [
        (read_i23, "1 2\n", "line 1: expected the header"),
        (read_i23, "p af 2\n1 3\n", "line 2: arguments are numbered 1..2"),
        (read_i23, "p af 2\n1\n", "line 2: expected an attack"),
        (read_i23, "# only comments\n", "no 'p af N' header"),
        (read_apx, "arg(a).\natt(a,b).\n", "line 2: attack names 'b'"),
        (read_apx, "arg(a).\nfoo(a).\n", "line 2: expected arg"),
        (read_apx, "arg(a,b).\n", "line 1: arg takes 1"),
        (read_apx, "arg(a)\n", "line 1: expected arg"),
    ],
)
def test_errors_name_the_line(reader, text: str, message: str) -> None:
    with pytest.raises(ImportFailed, match=message):
        reader(text)
