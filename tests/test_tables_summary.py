"""Key-figures / highlights tables of results releases (invented companies and figures).

Shapes: a table printed inside a paragraph (cells and rows joined by single
spaces), one cell per line, markdown pipes and tab-separated rows. Periods come
from the header only, the scale and currency from the header, change columns
are not read, per-share lines are not scaled.
"""

from __future__ import annotations

from datetime import date

from tests.table_text import per_line, table_values

H1_26 = (date(2026, 6, 30), 6)
H1_25 = (date(2025, 6, 30), 6)
Q1_26 = (date(2026, 3, 31), 3)
Q1_25 = (date(2025, 3, 31), 3)

INLINE = (
    "Qilin Holdings Limited reports its interim results for the six months ended 30 June 2026. "
    "Key Figures RMB Million 1H 2026 1H 2025 Change Operating revenue 8,693 9,601 -9.5% "
    "EBITDA[1] 3,252 3,227 0.8% Profit attributable to owners of the Company 789 757 4.2% "
    "Basic earnings per share (RMB yuan) 0.0428 0.0393 8.9% Dividend per share (RMB yuan) 0.01911 0.01325 44.2% "
    "Operating data Number of sites (thousand) 172 119 44.5% In the first half of 2026, revenue fell by 9.5%."
)


def _at(values: dict, concept: str, period: tuple) -> float:
    return values[(concept, period[0], period[1])]


def test_inline_key_figures_read_with_header_scale_and_periods():
    v = table_values(INLINE)
    assert _at(v, "Revenues", H1_26) == 8_693_000_000
    assert _at(v, "Revenues", H1_25) == 9_601_000_000
    assert _at(v, "EBITDA", H1_26) == 3_252_000_000
    assert _at(v, "EBITDA", H1_25) == 3_227_000_000
    assert _at(v, "NetIncomeLoss", H1_26) == 789_000_000
    assert _at(v, "NetIncomeLoss", H1_25) == 757_000_000
    # per-share lines are not scaled by "RMB Million"
    assert _at(v, "EarningsPerShareBasic", H1_26) == 0.0428
    assert _at(v, "EarningsPerShareBasic", H1_25) == 0.0393
    assert _at(v, "CommonStockDividendsPerShareDeclared", H1_26) == 0.01911
    assert _at(v, "CommonStockDividendsPerShareDeclared", H1_25) == 0.01325
    # operating data and change columns yield nothing
    assert len(v) == 10


def test_inline_key_figures_units_and_evidence():
    from pipelines.document import prepare
    from pipelines.financial.tables import extract_table_facts

    doc = prepare("fx", INLINE)
    facts = extract_table_facts(doc)
    units = {f.concept: f.unit for f in facts}
    assert units["Revenues"] == "CNY"
    assert units["EarningsPerShareBasic"] == "CNY/share"
    ev = {f.concept: f.evidence for f in facts}
    assert ev["Revenues"] == "Operating revenue 8,693 9,601"
    assert all(f.row_no is None for f in facts)  # selected lines, not parts of a total


def test_inline_header_with_bare_years_is_not_placed():
    text = (
        "Qilin Holdings Limited announces annual results, with a stronger year overall. "
        "Key Figures RMB Million 2026 2025 Change Operating revenue 8,693 9,601 -9.5% "
        "Profit attributable to owners of the Company 789 757 4.2% Net cash 12 10 20% The year was good."
    )
    assert table_values(text) == {}


def test_inline_row_with_an_extra_figure_ends_the_table():
    text = (
        "Qilin Holdings Limited reports its results for the first quarter of 2026 today in Hong Kong. "
        "EUR million Q1 2026 Q1 2025 Change Revenue 120.5 110.0 9.5% Net profit 12.0 10.0 20% "
        "Gross margin 40 38 2 5% Operating revenue 99 98 1% The quarter was good."
    )
    v = table_values(text)
    assert v == {
        ("Revenues", *Q1_26): 120_500_000,
        ("Revenues", *Q1_25): 110_000_000,
        ("NetIncomeLoss", *Q1_26): 12_000_000,
        ("NetIncomeLoss", *Q1_25): 10_000_000,
    }


def test_inline_cents_per_share_is_not_read_as_money():
    text = (
        "Lumen Harbour Holdings reports interim results for the six months ended 30 June 2026 today. "
        "HK$'000 1H 2026 1H 2025 Change Revenue 52,310 48,020 8.9% "
        "Basic earnings per share (HK cents) 3.21 2.95 8.8% Profit attributable to owners of the Company 4,120 3,870 6.5% "
        "The board did not declare a dividend."
    )
    v = table_values(text)
    assert v == {
        ("Revenues", *H1_26): 52_310_000,
        ("Revenues", *H1_25): 48_020_000,
        ("NetIncomeLoss", *H1_26): 4_120_000,
        ("NetIncomeLoss", *H1_25): 3_870_000,
    }


def test_per_line_highlights_keep_reported_lines_beside_ebitda():
    text = "Zentaro AG reports results for the first quarter of 2026.\n\n" + per_line(
        "Key figures", "EUR million", "Q1 2026", "Q1 2025", "Change",
        "Revenue", "1,234.5", "1,100.2", "12%",
        "EBITDA", "200.5", "180.0", "11%",
        "Adjusted net profit", "120.0", "95.0", "26%",
        "Net profit", "100.1", "90.0", "11%",
        "Earnings per share (EUR)", "0.52", "0.47", "11%",
    ) + "\n\nThe board said more."
    v = table_values(text)
    assert v == {
        ("Revenues", *Q1_26): 1_234_500_000,
        ("Revenues", *Q1_25): 1_100_200_000,
        ("EBITDA", *Q1_26): 200_500_000,
        ("EBITDA", *Q1_25): 180_000_000,
        ("NetIncomeLoss", *Q1_26): 100_100_000,
        ("NetIncomeLoss", *Q1_25): 90_000_000,
        ("EarningsPerShareBasicAndDiluted", *Q1_26): 0.52,
        ("EarningsPerShareBasicAndDiluted", *Q1_25): 0.47,
    }


def test_pipe_key_figures_with_currency_after_the_label():
    text = (
        "Zentaro AG reports results.\n\n| EUR million | Q1 2026 | Q1 2025 | Change |\n|---|---|---|---|\n"
        "| Revenue | 1,234.5 | 1,100.2 | 12% |\n| Net profit | 100.1 | 90.0 | 11% |\n"
        "| Basic earnings per share (EUR) | 0.52 | 0.47 | 11% |\n\nMore text follows here."
    )
    v = table_values(text)
    assert v[("EarningsPerShareBasic", *Q1_26)] == 0.52
    assert v[("Revenues", *Q1_25)] == 1_100_200_000
    assert len(v) == 6


def test_tab_rows_under_a_thousands_header_with_halves():
    text = (
        "Lumen Harbour Holdings results.\n\nHK$'000\t1H 2025\t1H 2024\tChange\n"
        "Revenue\t1,234\t1,100\t12%\nProfit for the period\t234\t200\t17%\n\nMore."
    )
    v = table_values(text)
    assert v == {
        ("Revenues", date(2025, 6, 30), 6): 1_234_000,
        ("Revenues", date(2024, 6, 30), 6): 1_100_000,
        ("NetIncomeLoss", date(2025, 6, 30), 6): 234_000,
        ("NetIncomeLoss", date(2024, 6, 30), 6): 200_000,
    }


def test_two_inline_tables_in_one_paragraph():
    text = (
        "Qilin Holdings Limited reports its results for the first quarter of 2026 in Hong Kong today. "
        "Group RMB Million Q1 2026 Q1 2025 Change Operating revenue 1,200 1,100 9.1% "
        "Profit attributable to owners of the Company 300 250 20.0% The first table ends here. "
        "Cash flows RMB Million Q1 2026 Q1 2025 Net cash provided by operating activities 410 380 "
        "Capital expenditures 120 95 The quarter closed well."
    )
    v = table_values(text)
    assert v == {
        ("Revenues", *Q1_26): 1_200_000_000,
        ("Revenues", *Q1_25): 1_100_000_000,
        ("NetIncomeLoss", *Q1_26): 300_000_000,
        ("NetIncomeLoss", *Q1_25): 250_000_000,
        ("NetCashProvidedByUsedInOperatingActivities", *Q1_26): 410_000_000,
        ("NetCashProvidedByUsedInOperatingActivities", *Q1_25): 380_000_000,
        ("PaymentsToAcquirePropertyPlantAndEquipment", *Q1_26): 120_000_000,
        ("PaymentsToAcquirePropertyPlantAndEquipment", *Q1_25): 95_000_000,
    }


FY25 = (date(2025, 12, 31), 12)
FY24 = (date(2024, 12, 31), 12)


def _key_figures(scale_line: str, *periods: str, release: str = "Zentaro AG reports its results.") -> str:
    return release + "\n\n" + per_line(
        "Key figures", scale_line, *periods, "Change",
        "Revenue", "1,234.5", "1,100.2", "12%",
        "EBITDA", "200.5", "180.0", "11%",
        "Net profit", "100.1", "90.0", "11%",
    ) + "\n\nThe board said more."


def test_short_scale_forms_scale_the_money():
    for scale in ("EUR m", "\u20acm", "EURm", "in EUR mn", "MEUR", "in million EUR"):
        v = table_values(_key_figures(scale, "Q1 2026", "Q1 2025"))
        assert v[("Revenues", *Q1_26)] == 1_234_500_000, scale
        assert v[("NetIncomeLoss", *Q1_25)] == 90_000_000, scale
        assert v[("EBITDA", *Q1_26)] == 200_500_000, scale


def test_short_scale_names_the_currency():
    from pipelines.document import prepare
    from pipelines.financial.tables import extract_table_facts

    facts = extract_table_facts(prepare("fx", _key_figures("SEK m", "Q1 2026", "Q1 2025")))
    assert {f.unit for f in facts} == {"SEK"}
    facts = extract_table_facts(prepare("fx", _key_figures("TEUR", "Q1 2026", "Q1 2025")))
    assert {f.value for f in facts if f.concept == "Revenues"} == {1_234_500, 1_100_200}
    assert {f.unit for f in facts} == {"EUR"}


def test_full_year_columns_are_fiscal_years():
    v = table_values(_key_figures("EUR m", "Full year 2025", "Full year 2024"))
    assert v[("Revenues", *FY25)] == 1_234_500_000
    assert v[("Revenues", *FY24)] == 1_100_200_000
    assert v[("NetIncomeLoss", *FY25)] == 100_100_000
    # the fiscal year the release states
    june = (
        "Zentaro AG, a maker of invented garden tools, today reports its results for the fiscal year ended "
        "June 30, 2025, with revenue and profit up on the year before and a stronger order book."
    )
    v = table_values(_key_figures("EUR m", "Full year 2025", "Full year 2024", release=june))
    assert v[("Revenues", date(2025, 6, 30), 12)] == 1_234_500_000
    assert v[("Revenues", date(2024, 6, 30), 12)] == 1_100_200_000


def test_bare_years_and_unread_scales_are_left_out():
    assert table_values(_key_figures("EUR m", "2025", "2024")) == {}
    assert table_values(_key_figures("Rs. crore", "Q1 2026", "Q1 2025")) == {}


def test_find_scale_short_forms():
    from pipelines.financial.table_periods import currencies, find_scale

    assert find_scale("(EUR m)") == (1_000_000, False)
    assert find_scale("US$bn") == (1_000_000_000, False)
    assert find_scale("kSEK") == (1_000, False)
    assert find_scale("in EUR 1,000") == (1_000, False)
    assert find_scale("$'000") == (1_000, False)
    assert find_scale("(in $ million)") == (1_000_000, False)
    assert find_scale("Investment in million-dollar homes") is None
    assert currencies("in thousand euros") == {"EUR"}
    assert currencies("DKKm") == {"DKK"}


def test_inline_qualified_line_is_not_read_as_the_reported_one():
    text = (
        "Qilin Holdings Limited reports its results for the first quarter of 2026 in Hong Kong today. "
        "EUR million Q1 2026 Q1 2025 Change Revenue 120.5 110.0 9.5% Underlying Net Profit 15.0 11.0 36% "
        "Group Net Profit 12.0 10.0 20% The quarter was good."
    )
    assert table_values(text) == {("Revenues", *Q1_26): 120_500_000, ("Revenues", *Q1_25): 110_000_000}
