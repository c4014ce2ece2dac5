"""Printed table figures: signs, dashes, lost parentheses, merged cells."""

from __future__ import annotations

import pytest

from pipelines.financial.numbers import cell_numbers, is_year_token, parse_number


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,234", 1234.0),
        ("$ 1,234", 1234.0),
        ("$1,234.5", 1234.5),
        ("(14,233)", -14233.0),
        ("$ (14,233)", -14233.0),
        ("$(0.21)", -0.21),
        ("(19", -19.0),  # closing parenthesis lost by the PDF
        ("$(0.23", -0.23),
        ("0.23)", -0.23),  # opening parenthesis lost
        ("-1,500", -1500.0),
        ("-", 0.0),
        ("$ -", 0.0),
        ("\u2014", 0.0),
        ("\u2013", 0.0),
        (".5", 0.5),
        ("0", 0.0),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["12%", "abc", "1,2345", "2010-11", "Q3", "12 patients", "$1,234 $5"])
def test_not_a_single_figure(text):
    assert parse_number(text) is None


def test_zero_is_never_negative():
    v = parse_number("(0.00)")
    assert v == 0 and str(v) == "0.0"


def test_merged_cell_holds_several_figures():
    figs = cell_numbers("$ 2,005 866")
    assert [f.value for f in figs] == [2005.0, 866.0]
    figs = cell_numbers("$ (0.21) $(0.23")
    assert [f.value for f in figs] == [-0.21, -0.23]
    assert [f.frac_digits for f in figs] == [2, 2]


def test_offsets_point_into_the_cell():
    cell = "$ 10,738 64,890 78,177"
    figs = cell_numbers(cell, offset=100)
    assert [cell[f.start - 100 : f.end - 100] for f in figs] == ["10,738", "64,890", "78,177"]


def test_empty_and_text_cells():
    assert cell_numbers("") == []
    assert cell_numbers("  $ ") == []
    assert cell_numbers("December 31, 2010") is None
    assert cell_numbers("n/a")[0].value is None


def test_dash_flag_and_decimals():
    (f,) = cell_numbers("-")
    assert f.is_dash and f.value == 0.0
    (g,) = cell_numbers("1,234.56")
    assert g.frac_digits == 2 and not g.is_dash


def test_year_tokens():
    assert is_year_token("2024") and is_year_token(" 2010 ")
    assert not is_year_token("2,024") and not is_year_token("1234") and not is_year_token("$2024")
