"""Period phrases resolved to dates, fiscal years taken from the release."""

from datetime import date

import pytest

from pipelines.financial.periods import (
    FiscalCalendar,
    PeriodContext,
    current_period,
    find_periods,
    fiscal_calendar,
    resolve,
)

JUNE = FiscalCalendar(6)
Q2FY11 = JUNE.quarter(2011, 2)


def only(text, cal=JUNE, anchor=None, ctx=None):
    ctx = ctx or PeriodContext(cal, Q2FY11)
    mentions = find_periods(text, cal)
    assert len(mentions) == 1, mentions
    periods = resolve(mentions[0], ctx, anchor)
    assert len(periods) == 1, periods
    return periods[0]


@pytest.mark.parametrize(
    "text",
    [
        "2QFY2011",
        "2QFY11",
        "second quarter of fiscal 2011",
        "the second quarter of the Company's 2011 fiscal year",
        "three-month period ended December 31, 2010",
        "Second Quarter Fiscal Year 2011",
    ],
)
def test_fiscal_second_quarter_2011(text):
    p = only(text)
    assert (p.start, p.end, p.months, p.fiscal_label) == (date(2010, 10, 1), date(2010, 12, 31), 3, "2QFY2011")


def test_first_six_months_of_fiscal_2011():
    p = only("the first six months of the Company's 2011 fiscal year")
    assert (p.start, p.end, p.months, p.fiscal_label) == (date(2010, 7, 1), date(2010, 12, 31), 6, "6MFY2011")


def test_same_period_last_year_is_one_year_before_the_anchor():
    p = only("for the same period last year", anchor=Q2FY11)
    assert (p.start, p.end, p.fiscal_label) == (date(2009, 10, 1), date(2009, 12, 31), "2QFY2010")
    assert only("the same quarter last year", anchor=Q2FY11).fiscal_label == "2QFY2010"


def test_same_period_in_fiscal_2010_keeps_the_anchor_span():
    p = only("during the same period in fiscal 2010", anchor=JUNE.first_months(2011, 6))
    assert (p.start, p.end, p.months, p.fiscal_label) == (date(2009, 7, 1), date(2009, 12, 31), 6, "6MFY2010")


def test_instants():
    p = only("as of December 31, 2010")
    assert (p.start, p.end, p.months) == (None, date(2010, 12, 31), 0)
    assert only("at June 30, 2011").end == date(2011, 6, 30)


def test_fiscal_year_ending():
    p = only("its fiscal year ending June 30, 2011")
    assert (p.start, p.end, p.months, p.fiscal_label) == (date(2010, 7, 1), date(2011, 6, 30), 12, "FY2011")


def test_both_fiscal_years_gives_two_periods():
    (m,) = find_periods("for the first six months of both fiscal years 2011 and 2010", JUNE)
    labels = [p.fiscal_label for p in resolve(m, PeriodContext(JUNE), None)]
    assert labels == ["6MFY2011", "6MFY2010"]


DEC = FiscalCalendar(12)


def test_calendar_quarters_and_year_ago_quarter():
    ctx = PeriodContext(DEC, DEC.quarter(2025, 1))
    for text in ("first quarter of 2025", "Q1 2025", "first-quarter 2025"):
        p = only(text, DEC, ctx=ctx)
        assert (p.start, p.end, p.fiscal_label) == (date(2025, 1, 1), date(2025, 3, 31), "1QFY2025")
    p = only("in the year-ago first quarter", DEC, ctx=ctx)
    assert (p.start, p.end) == (date(2024, 1, 1), date(2024, 3, 31))


def test_full_year_and_guidance_year():
    ctx = PeriodContext(DEC, DEC.quarter(2025, 1))
    assert only("full year 2025", DEC, ctx=ctx).fiscal_label == "FY2025"
    p = only("for the remainder of 2025", DEC, ctx=ctx)
    assert (p.start, p.end, p.months) == (date(2025, 1, 1), date(2025, 12, 31), 12)


def test_bare_year_ranges_are_not_periods():
    # Recognised as years we cannot place (so nothing borrows a period), never as periods.
    assert {m.kind for m in find_periods("the deal runs through 2027", DEC)} <= {"opaque"}
    assert {m.kind for m in find_periods("for 2025-2027", DEC)} <= {"opaque"}


def test_quarter_without_year_takes_the_reporting_year():
    ctx = PeriodContext(DEC, DEC.quarter(2025, 2))
    p = only("ended Q2 with cash", DEC, ctx=ctx)
    assert (p.start, p.end) == (date(2025, 4, 1), date(2025, 6, 30))


def test_quarter_without_year_uses_release_date_when_no_period_is_known():
    ctx = PeriodContext(DEC, None, date(2025, 8, 25))
    assert only("the second quarter", DEC, ctx=ctx).end == date(2025, 6, 30)
    assert only("the third quarter", DEC, ctx=ctx).end == date(2024, 9, 30)


def test_fiscal_year_end_read_from_text():
    assert fiscal_calendar("Form 10-K for the fiscal year ended June 30, 2010").end_month == 6
    assert fiscal_calendar("no such statement").end_month == 12


def test_current_period_skips_periods_after_the_release():
    text = "Guidance for fiscal 2026. Results for the first quarter of 2025."
    assert current_period(text, DEC, date(2025, 5, 1)).fiscal_label == "1QFY2025"


DEC = FiscalCalendar(12)
Q3_25 = DEC.quarter(2025, 3)


@pytest.mark.parametrize("text", ["in the prior year", "a year ago", "a year earlier", "last year"])
def test_prior_year_phrases_shift_the_anchor_back_a_year(text):
    ctx = PeriodContext(DEC, Q3_25)
    p = only(text, DEC, anchor=Q3_25, ctx=ctx)
    assert (p.start, p.end) == (date(2024, 7, 1), date(2024, 9, 30))


def test_end_of_the_prior_year_is_not_the_prior_year_quarter():
    mentions = find_periods("as of the end of the prior year", DEC)
    assert all(m.kind != "relative" for m in mentions)


def test_slash_quarter_and_paired_years():
    assert only("Q3/2024", DEC).end == date(2024, 9, 30)
    mentions = find_periods("for the three months ended June 30, 2025 and 2024, respectively", DEC)
    assert [(p.start, p.end) for p in mentions[0].periods] == [
        (date(2025, 4, 1), date(2025, 6, 30)), (date(2024, 4, 1), date(2024, 6, 30))]


def test_full_year_in_a_fourth_quarter_release_is_the_fiscal_year():
    q4 = DEC.quarter(2025, 4)
    p = only("for the full year", DEC, ctx=PeriodContext(DEC, q4))
    assert (p.start, p.end, p.months) == (date(2025, 1, 1), date(2025, 12, 31), 12)
    q3 = PeriodContext(DEC, Q3_25)
    assert resolve(find_periods("for the full year", DEC)[0], q3, None) == ()


def test_six_month_heading_and_bare_half_year():
    assert only("Six Month 2025 Financial Results", DEC).months == 6
    assert [m.kind for m in find_periods("H1 revenue grew", DEC)] == ["opaque"]


def test_a_filing_date_is_not_a_balance_date():
    text = "its Form 6-K for the period ended June 30, 2023 filed with the SEC on March 8, 2024, reported equity"
    assert all(date(2024, 3, 8) not in [p.end for p in m.periods] for m in find_periods(text, DEC))
    assert only("cash of $5 million on March 31, 2025", DEC).end == date(2025, 3, 31)
