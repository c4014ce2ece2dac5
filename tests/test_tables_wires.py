"""Statement tables as the big wires print them, through the full path: the file is
written, read (``read_document``), cleaned (``prepare``) and extracted.

The release (``tests/fixtures/tables/wires.py``) is invented and internally
consistent; every figure it prints must come out exactly, and nothing else.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.document import prepare
from pipelines.financial.tables import extract_table_facts
from pipelines.ingest import read_document
from tests.fixtures.tables import wires as W

DERIVED = W.derived_lines(
    (W.BALANCE, W.BAL_COLS), (W.BALANCE_DATA, W.BAL_COLS), (W.YE_BALANCE, W.YE_BAL_COLS)
)


def _run(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    raw = read_document(path)
    assert raw.status == "read", raw.reject_reason
    doc = prepare(raw.doc_id, raw.raw_text)
    facts = extract_table_facts(doc)
    for f in facts:
        assert doc.text[f.char_start : f.char_end] == f.evidence
        assert f.source == "table"
    return doc, facts


@pytest.mark.parametrize("name", sorted(W.FILES))
def test_every_printed_figure_exactly_and_nothing_else(tmp_path, name):
    _, facts = _run(tmp_path, name, W.FILES[name]())
    expected = W.EXPECTED[name]
    got = {}
    for f in facts:
        key = (f.concept, f.period_end, f.months)
        if key in expected:
            assert got.setdefault(key, f.value) == f.value, key
            continue
        # company lines ("Operating lease right-of-use assets", "Working capital"):
        # a concept named from the label, the value as printed
        assert f.label in DERIVED, (key, f.label, f.value)
        assert f.value in DERIVED[f.label], (f.label, f.value)
    assert got == expected


@pytest.mark.parametrize("name", ["halcyon_gnw.html", "halcyon_bw.html", "halcyon_prn.txt"])
def test_units_decimals_periods_and_fiscal_labels(tmp_path, name):
    _, facts = _run(tmp_path, name, W.FILES[name]())
    idx = {(f.concept, f.period_end, f.months): f for f in facts}
    eps = idx[("EarningsPerShareBasicAndDiluted", date(2025, 9, 30), 3)]
    assert (eps.value, eps.unit, eps.decimals, eps.fiscal_label) == (-0.47, "USD/share", 2, "3QFY2025")
    sh = idx[("WeightedAverageNumberOfShareOutstandingBasicAndDiluted", date(2024, 9, 30), 9)]
    assert (sh.value, sh.unit, sh.decimals, sh.period_start) == (51_904_330, "shares", 0, date(2024, 1, 1))
    rd = idx[("ResearchAndDevelopmentExpense", date(2025, 9, 30), 9)]
    assert (rd.value, rd.unit, rd.decimals, rd.fiscal_label) == (92_615_000, "USD", -3, "9MFY2025")
    lic = idx[("LicenseRevenue", date(2025, 9, 30), 3)]  # an em-dash zero
    assert lic.value == 0.0
    for f in facts:
        assert "(1)" not in f.label and "." * 3 not in f.label


def test_globenewswire_footnotes_and_percent_cells_do_not_leak_into_tables(tmp_path):
    doc, facts = _run(tmp_path, "gnw.html", W.globenewswire())
    # "(1) Includes stock-based compensation ... September 30, 2025 and 2024" is a
    # footnote, not the period header of the balance sheet data below it
    bal = [f for f in facts if f.months == 0]
    assert {f.period_end for f in bal} == {date(2025, 9, 30), date(2024, 12, 31)}
    assert "Research and development" in {f.label for f in facts}


def test_business_wire_percent_change_columns_yield_nothing(tmp_path):
    for years_row in (False, True):
        _, facts = _run(tmp_path, "bw.html", W.businesswire(years_row=years_row))
        ops = [f for f in facts if f.months]
        assert len(ops) == 4 * sum(1 for _, figs, c in W.OPERATIONS if figs and c)
        assert all(abs(f.value) >= 0.4 for f in ops if f.unit != "USD" or f.value)


def test_selected_balance_sheet_data_has_no_row_structure(tmp_path):
    # A table of selected figures lists totals without their lines: no row
    # numbers, so no "Total assets = cash + working capital" sum is implied.
    _, facts = _run(tmp_path, "gnw.html", W.globenewswire())
    data = [f for f in facts if f.months == 0]
    assert data and all(f.row_no is None for f in data)
    ops = [f for f in facts if f.months]
    assert all(f.row_no is not None for f in ops)


def test_one_column_balance_sheet_and_condensed_cash_flows(tmp_path):
    _, facts = _run(tmp_path, "ye.html", W.year_end())
    idx = {(f.concept, f.period_end, f.months): f for f in facts}
    cash = idx[("CashAndCashEquivalentsAtCarryingValue", date(2024, 12, 31), 0)]
    assert (cash.value, cash.period_start, cash.fiscal_label) == (121_506_000, date(2024, 12, 31), None)
    inv = idx[("NetCashProvidedByUsedInInvestingActivities", date(2023, 12, 31), 12)]
    assert (inv.value, inv.period_start, inv.fiscal_label) == (-41_077_000, date(2023, 1, 1), "FY2023")
    capex = idx[("PaymentsToAcquirePropertyPlantAndEquipment", date(2024, 12, 31), 12)]
    assert capex.value == 3_315_000


def test_selected_figures_with_their_own_scale_word(tmp_path):
    # "$ 352.7 million" in a cell: read by the table extractor at its printed
    # precision, under the dates of the header; "Net loss" under instant
    # columns is not placed.
    _, facts = _run(tmp_path, "sel.html", W.selected_list())
    idx = {(f.concept, f.period_end, f.months): f for f in facts}
    f = idx[("CashCashEquivalentsAndMarketableSecurities", date(2025, 9, 30), 0)]
    assert (f.value, f.unit, f.decimals) == (352_700_000, "USD", -5)
    assert "million" in f.evidence
    assert not any(f.concept == "NetIncomeLoss" for f in facts)


def test_selected_figures_without_a_date_are_not_placed(tmp_path):
    text = W.selected_list().replace(
        "<tr><td></td><td>September 30, 2025</td><td>December 31, 2024</td></tr>", ""
    )
    _, facts = _run(tmp_path, "sel.html", text)
    assert facts == []


OTHER_NEXT_TO_INTEREST = """Zeta Bio Reports Third Quarter 2025 Results

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in thousands, except per share data)
\tThree Months Ended September 30,
\t2025\t2024
Collaboration revenue\t$ 8,450\t$ 8,120
Research and development\t31,275\t27,940
General and administrative\t9,812\t8,647
Total operating expenses\t41,087\t36,587
Loss from operations\t(32,637)\t(28,467)
Interest income\t4,106\t4,873
Other income (expense), net\t(312)\t(298)
Net loss\t$ (28,843)\t$ (23,892)
"""


def test_other_income_next_to_interest_income_is_one_part_of_the_nonoperating_result(tmp_path):
    _, facts = _run(tmp_path, "zeta.txt", OTHER_NEXT_TO_INTEREST)
    got = {(f.concept, f.period_end): f.value for f in facts if "Nonoperating" in f.concept}
    assert got == {
        ("OtherNonoperatingIncomeExpense", date(2025, 9, 30)): -312_000,
        ("OtherNonoperatingIncomeExpense", date(2024, 9, 30)): -298_000,
    }


def test_other_income_that_is_the_whole_nonoperating_result_stays_so(tmp_path):
    text = OTHER_NEXT_TO_INTEREST.replace("Interest income\t4,106\t4,873\n", "").replace(
        "(312)\t(298)", "3,794\t4,575"
    )
    _, facts = _run(tmp_path, "zeta.txt", text)
    got = {(f.concept, f.period_end): f.value for f in facts if "Nonoperating" in f.concept}
    assert got == {
        ("NonoperatingIncomeExpense", date(2025, 9, 30)): 3_794_000,
        ("NonoperatingIncomeExpense", date(2024, 9, 30)): 4_575_000,
    }


def test_other_income_that_adds_up_to_nothing_is_left_out(tmp_path):
    text = OTHER_NEXT_TO_INTEREST.replace("(312)\t(298)", "(999)\t(298)")
    _, facts = _run(tmp_path, "zeta.txt", text)
    got = {(f.concept, f.period_end): f.value for f in facts if "Nonoperating" in f.concept}
    assert got == {("OtherNonoperatingIncomeExpense", date(2024, 9, 30)): -298_000}


LABEL_IN_LATER_CELL = """Zeta Bio Reports Results

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in thousands)
\t\tThree Months Ended September 30,
\t\t2025\t\t2024
\tResearch and development\t$\t31,275\t\t27,940
\tGeneral and administrative\t\t9,812\t\t8,647
\tNet loss\t$ (\t41,087\t)\t(\t36,587\t)
"""


def test_indent_cells_and_open_parenthesis_cells(tmp_path):
    _, facts = _run(tmp_path, "zeta.txt", LABEL_IN_LATER_CELL)
    got = {(f.concept, f.period_end): f.value for f in facts}
    assert got[("NetIncomeLoss", date(2025, 9, 30))] == -41_087_000
    assert got[("NetIncomeLoss", date(2024, 9, 30))] == -36_587_000
    assert got[("ResearchAndDevelopmentExpense", date(2024, 9, 30))] == 27_940_000
    assert len(got) == 6


QUARTER_AND_NINE_MONTHS = """Zeta Bio Reports Third Quarter 2025 Results

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(in thousands)
\tQ3 2025\tQ3 2024\t9M 2025\t9M 2024
Research and development\t31,275\t27,940\t92,615\t80,330
General and administrative\t9,812\t8,647\t28,904\t25,112
Net loss\t(28,843)\t(23,892)\t(80,186)\t(72,234)
"""


@pytest.mark.parametrize("cols", ["Q3 2025\tQ3 2024\t9M 2025\t9M 2024", "3Q25\t3Q24\t9M25\t9M24"])
def test_quarter_and_nine_month_columns(tmp_path, cols):
    text = QUARTER_AND_NINE_MONTHS.replace("Q3 2025\tQ3 2024\t9M 2025\t9M 2024", cols)
    _, facts = _run(tmp_path, "zeta.txt", text)
    idx = {(f.concept, f.period_end, f.months): f for f in facts}
    f = idx[("NetIncomeLoss", date(2024, 9, 30), 9)]
    assert (f.value, f.period_start, f.fiscal_label) == (-72_234_000, date(2024, 1, 1), "9MFY2024")
    assert idx[("ResearchAndDevelopmentExpense", date(2025, 9, 30), 3)].value == 31_275_000
    assert len(facts) == 12


def test_first_half_columns():
    from pipelines.financial.table_periods import parse_periods

    got = [(p.start, p.end, p.months) for p in parse_periods("Q2 2025 Q2 2024 H1 2025 H1 2024", False)]
    assert got[2] == (date(2025, 1, 1), date(2025, 6, 30), 6)
    assert parse_periods("1H26", False, fye_month=6)[0].end == date(2025, 12, 31)


def test_statement_of_operations_and_comprehensive_loss(tmp_path):
    text = OTHER_NEXT_TO_INTEREST.replace("STATEMENTS OF OPERATIONS", "STATEMENTS OF OPERATIONS AND COMPREHENSIVE LOSS")
    text += (
        "Net loss per share, basic and diluted\t$ (0.47)\t$ (0.46)\n"
        "Weighted-average shares of common stock outstanding, basic and diluted\t61,240,118\t52,118,904\n"
        "Other comprehensive income (loss):\n"
        "Unrealized gain (loss) on marketable securities, net\t215\t(98)\n"
        "Foreign currency translation adjustment\t(12)\t7\n"
        "Total other comprehensive income (loss)\t203\t(91)\n"
        "Comprehensive loss\t$ (28,640)\t$ (23,983)\n"
    )
    _, facts = _run(tmp_path, "zeta.txt", text)
    got = {(f.concept, f.period_end): f.value for f in facts}
    q24 = date(2024, 9, 30)
    assert got[("OtherComprehensiveIncomeLossNetOfTax", q24)] == -91_000
    assert got[("ComprehensiveIncomeNetOfTax", q24)] == -23_983_000
    assert got[("EarningsPerShareBasicAndDiluted", q24)] == -0.46
    assert got[("WeightedAverageNumberOfShareOutstandingBasicAndDiluted", q24)] == 52_118_904
    assert got[("NetIncomeLoss", q24)] == -23_892_000


SECTIONS_IN_ONE_TABLE = """Zeta Bio Reports Results

Selected Financial Data
(in thousands)

\tSeptember 30, 2025\tDecember 31, 2024
Balance Sheet Data\t\t
Cash, cash equivalents and marketable securities\t$ 352,729\t$ 423,390
Total assets\t391,080\t463,741
Total stockholders' equity\t344,823\t413,556
"""


def test_statement_name_inside_a_table_is_a_sub_heading(tmp_path):
    _, facts = _run(tmp_path, "zeta.txt", SECTIONS_IN_ONE_TABLE)
    got = {(f.concept, f.period_end): f.value for f in facts}
    assert got[("Assets", date(2024, 12, 31))] == 463_741_000
    assert len(got) == 6


def test_text_decoration_rules_leaders_and_percent_cells():
    from pipelines.financial.table_lines import items

    text = (
        "Research and development ........ $ 31,275 $ 27,940\n"
        "                                  --------  --------\n"
        "General and administrative......  9,812   8,647\n"
        "Collaboration revenue\t$\t8,450\t\t8,120\t\t4\t%\n"
        "(1) Includes stock-based compensation expense for the periods presented.\n"
    )
    got = [(i.kind, i.row.label if i.row else i.text, [f.value for f in i.row.figures] if i.row else None)
           for i in items(text)]
    assert got[:3] == [
        ("row", "Research and development", [31275.0, 27940.0]),
        ("row", "General and administrative", [9812.0, 8647.0]),
        ("row", "Collaboration revenue", [8450.0, 8120.0]),
    ]
    assert got[3][0] == "prose"


def test_title_rows_at_the_top_of_an_html_table(tmp_path):
    html = W.globenewswire().replace(
        '<tr><td colspan="9"><b>Condensed Consolidated Balance Sheet Data</b></td></tr>',
        '<tr><td colspan="9"><b>Halcyon Biosciences, Inc.</b></td></tr>'
        '<tr><td colspan="9"><b>Condensed Consolidated Balance Sheet Data</b></td></tr>',
    )
    _, facts = _run(tmp_path, "gnw.html", html)
    data = [f for f in facts if f.months == 0]
    assert len(data) == 12 and all(f.row_no is None for f in data)


def test_statement_title_scale_and_unaudited_as_rows_of_the_table(tmp_path):
    html = W.globenewswire()
    for p in ("<p style=\"text-align:center\"><b>Halcyon Biosciences, Inc.</b></p>",
              "<p style=\"text-align:center\"><b>Condensed Consolidated Statements of Operations</b></p>",
              "<p style=\"text-align:center\">(in thousands, except share and per share data)</p>",
              "<p style=\"text-align:center\">(unaudited)</p>"):
        assert p in html
        html = html.replace(p, "")
    html = html.replace(
        '<table style="border-collapse:collapse;width:100%"><tr><td>&#160;</td><td colspan="8" style',
        '<table style="border-collapse:collapse;width:100%">'
        '<tr><td colspan="17"><b>Halcyon Biosciences, Inc.</b></td></tr>'
        '<tr><td colspan="17"><b>Condensed Consolidated Statements of Operations</b></td></tr>'
        '<tr><td colspan="17">(in thousands, except share and per share data)</td></tr>'
        '<tr><td colspan="17">(unaudited)</td></tr>'
        '<tr><td>&#160;</td><td colspan="8" style',
    )
    _, facts = _run(tmp_path, "gnw.html", html)
    got = {(f.concept, f.period_end, f.months): f.value for f in facts if f.concept in {k[0] for k in W.EXPECTED_GNW}}
    assert got == W.EXPECTED_GNW
