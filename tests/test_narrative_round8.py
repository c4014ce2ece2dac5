"""European "(previous year: ...)" comparatives and signs told in words (fictional releases)."""

from pipelines.document import prepare
from pipelines.financial.narrative import extract_text_facts

_HEAD = """# Veltrano AG Reports {title} Results

ZURICH, {date} -- Veltrano AG (SIX: VLT) today reported financial results for the {span}.

"""
_Q1 = ("First Quarter 2026", "May 12, 2026", "first quarter of 2026")
_H1 = ("Half Year 2025", "August 12, 2025", "first half of 2025")
_FY = ("Full Year 2024", "March 12, 2025", "year ended December 31, 2024")


def _facts(head: tuple, body: str) -> set:
    title, date, span = head
    doc = prepare("veltrano", _HEAD.format(title=title, date=date, span=span) + body + "\n")
    return {(f.concept, str(f.period_end), f.months, f.value, f.unit) for f in extract_text_facts(doc)}


def test_previous_year_paren_is_same_span_a_year_earlier():
    got = _facts(_Q1, "Veltrano generated revenues of EUR 7.9 million in the first quarter of 2026 "
                      "(previous year: EUR 9.1 million).")
    assert got == {("Revenues", "2026-03-31", 3, 7900000.0, "EUR"), ("Revenues", "2025-03-31", 3, 9100000.0, "EUR")}


def test_prior_year_paren_per_measure():
    got = _facts(_H1, "In the first half of 2025, Veltrano generated revenues of EUR 4.4 million "
                      "(prior year: EUR 3.9 million), while the net loss was EUR 3.2 million (prior year: EUR 4.0 million).")
    assert ("Revenues", "2024-06-30", 6, 3900000.0, "EUR") in got
    assert ("NetIncomeLoss", "2025-06-30", 6, -3200000.0, "EUR") in got
    assert ("NetIncomeLoss", "2024-06-30", 6, -4000000.0, "EUR") in got


def test_previous_year_paren_of_a_balance_is_left_out():
    got = _facts(_H1, "Cash and cash equivalents amounted to EUR 20.1 million as of June 30, 2025 "
                      "(previous year: EUR 25.0 million).")
    assert not any(f[3] == 25000000.0 for f in got)  # the prior June or the last year-end: not said


def test_negative_word_signs_a_signed_measure():
    got = _facts(_FY, "Operating cash flow for the year ended December 31, 2024 was negative $2.3 million, "
                      "compared to negative $3.1 million in 2023.")
    assert got == {("NetCashProvidedByUsedInOperatingActivities", "2024-12-31", 12, -2300000.0, "USD"),
                   ("NetCashProvidedByUsedInOperatingActivities", "2023-12-31", 12, -3100000.0, "USD")}
    got = _facts(_FY, "Net income for 2024 was a negative $0.9 million.")
    assert got == {("NetIncomeLoss", "2024-12-31", 12, -900000.0, "USD")}


def test_swing_from_negative_to_positive():
    got = _facts(_FY, "Net income swung from negative $236,877 in the fourth quarter of 2023 to positive "
                      "$646,290 in the fourth quarter of 2024.")
    assert got == {("NetIncomeLoss", "2023-12-31", 3, -236877.0, "USD"),
                   ("NetIncomeLoss", "2024-12-31", 3, 646290.0, "USD")}


def test_sign_word_never_read_for_expenses_or_loss_phrases():
    got = _facts(_FY, "Research and development expenses for 2024 were negative $0.4 million.")
    assert not got
    got = _facts(_FY, "The net loss for 2024 was a negative $1.5 million.")
    assert not got


def test_sign_word_not_read_for_non_gaap_measures():
    got = _facts(_FY, "Adjusted EBITDA for 2024 was negative $1.2 million.")
    assert not got


def test_swing_between_bare_years():
    got = _facts(_FY, "Net cash provided by operations swings from negative $236,877 in 2023 to positive "
                      "$646,290 in 2024.")
    assert got == {("NetCashProvidedByUsedInOperatingActivities", "2023-12-31", 12, -236877.0, "USD"),
                   ("NetCashProvidedByUsedInOperatingActivities", "2024-12-31", 12, 646290.0, "USD")}


def test_from_to_bare_years_need_adjacent_years():
    got = _facts(_FY, "Revenue grew from $1.2 million in 2022 to $3.4 million in 2024.")
    assert not any(f[1].startswith("2022") for f in got)
