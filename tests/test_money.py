"""Money phrases: value, range, unit and XBRL decimals as printed."""

import pytest

from pipelines.financial.money import find_money


def one(text):
    found = find_money(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, value, decimals",
    [
        ("a loss of $14.2 million today", 14_200_000, -5),
        ("an upfront fee of $45 million", 45_000_000, -6),
        ("about $1.2 billion", 1_200_000_000, -8),
        ("exactly $5,815,468 paid", 5_815_468, 0),
        ("compared to $(19,000) before", -19_000, -3),
        ("compared to ($19,000) before", -19_000, -3),
        ("a fee of US$3.5M", 3_500_000, -5),
        ("we hold $118K", 118_000, -3),
        ("a grant of $2,000,000", 2_000_000, -6),
        ("exactly $5,810 was spent", 5_810, 0),
    ],
)
def test_single_amounts(text, value, decimals):
    m = one(text)
    assert m.value == value
    assert m.decimals == decimals
    assert m.unit == "USD"
    assert not m.is_range


def test_per_share_amount_carries_unit_and_basis():
    m = one("or $0.21 per basic and diluted share, for the quarter")
    assert (m.value, m.decimals, m.unit, m.share_basis) == (0.21, 2, "USD/share", "basic and diluted")
    assert one("$0.05 per diluted share").share_basis == "diluted"


@pytest.mark.parametrize(
    "text, low, high, decimals",
    [
        ("to be between $60-64 million", 60e6, 64e6, -6),
        ("between $0-4 million", 0, 4e6, -6),
        ("total revenue of between $178 million and $182 million", 178e6, 182e6, -6),
        ("adjusted EBITDA of $38 million to $42 million", 38e6, 42e6, -6),
        ("from $60 - $64 million", 60e6, 64e6, -6),
    ],
)
def test_ranges(text, low, high, decimals):
    m = one(text)
    assert m.is_range
    assert (m.value, m.value_high, m.decimals) == (low, high, decimals)


def test_two_amounts_joined_by_and_are_not_a_range():
    found = find_money("compared to $1.3 million and $1.0 million, respectively")
    assert [m.value for m in found] == [1_300_000, 1_000_000]
    assert not any(m.is_range for m in found)


def test_other_currencies_keep_their_unit():
    assert one("a €25 million payment").unit == "EUR"
    assert one("a €25 million payment").value == 25_000_000


def test_offsets_point_at_the_printed_phrase():
    text = "Net loss was $14.2 million."
    m = one(text)
    assert text[m.start:m.end] == "$14.2 million"


def test_bullet_dash_is_not_a_minus_sign():
    assert one("- $5 million in revenue").value == 5_000_000


def test_no_money_without_a_currency():
    assert find_money("14.2 million patients and 2025 doses") == []


def test_parenthesis_closing_after_the_scale_is_negative():
    m = one("compared with approximately ($0.1 million) in 2023")
    assert (m.value, m.decimals, m.text) == (-100_000, -5, "($0.1 million)")


def test_decimal_comma_is_not_read_as_a_smaller_amount():
    assert find_money("approximately $5,7 million in services") == []
