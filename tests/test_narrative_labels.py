"""Label shapes in prose: "net (loss) income", footnote digits glued to labels, "at least" guidance."""

from datetime import date

from pipelines.document import prepare
from pipelines.financial.narrative import extract_text_facts
from test_narrative import pick

HEAD = ("Acme Corp Reports Third Quarter 2024 Financial Results\n\n"
        "NEW YORK, Nov. 12, 2024 -- Acme Corp (Nasdaq: ACME) today reported financial results for the third "
        "quarter ended September 30, 2024.\n\nRevenue for the third quarter of 2024 was $2.1 million.\n\n")
Q3_24 = (date(2024, 7, 1), date(2024, 9, 30))
Q3_23 = (date(2023, 7, 1), date(2023, 9, 30))
FY24 = (date(2024, 1, 1), date(2024, 12, 31))
FY25 = (date(2025, 1, 1), date(2025, 12, 31))


def facts(body: str):
    return extract_text_facts(prepare("t", HEAD + body + "\n"))


def test_net_loss_income_label_keeps_the_printed_sign():
    f = pick(facts("Net (loss) income was $(2.1) million for the third quarter of 2024."), "NetIncomeLoss", *Q3_24)
    assert f.value == -2_100_000


def test_footnote_digit_glued_to_a_label():
    got = facts("Adjusted EBITDA1 loss was $1.4 million compared to Adjusted EBITDA1 loss of $0.1 million "
                "for the third quarter of 2023.")
    assert pick(got, "AdjustedEBITDA", *Q3_24).value == -1_400_000
    assert pick(got, "AdjustedEBITDA", *Q3_23).value == -100_000


def test_at_least_guidance_is_a_floor_only():
    g = pick(facts("The Company expects full year 2024 revenue of at least $9 million."), "Revenues", *FY24,
             guidance=True)
    assert (g.value, g.value_low, g.value_high) == (None, 9_000_000, None)
    loss = pick(facts("The Company expects full year 2025 net loss of at least $9 million."), "NetIncomeLoss", *FY25,
                guidance=True)
    assert (loss.value, loss.value_low, loss.value_high) == (None, None, -9_000_000)


def test_at_least_is_not_a_reported_figure():
    got = facts("Revenue for the nine months ended September 30, 2024 was at least $6 million.")
    assert not [f for f in got if f.months == 9]


def test_guidance_range_in_parentheses_is_a_range_not_a_single_figure():
    got = facts("The Company expects fourth quarter 2024 adjusted EBITDA loss to range between $(4.6)M and $(4.2)M.")
    assert [(f.value, f.value_low, f.value_high) for f in got if f.is_guidance] == [(None, -4_600_000, -4_200_000)]
    got = facts("The Company expects fourth quarter 2024 adjusted EBITDA to range between $(4.6)M and $1.2M.")
    assert not [f for f in got if f.is_guidance]
