"""Identity forms: an identity holds if ANY of its documented structural forms holds.

Invented statements for each layout the fixed operating-company model used to
misjudge (cost of goods sold above gross margin, interest expense inside other
income, net income with discontinued operations, EPS on the loss attributable
to common stockholders, bank statements), each with a wrong figure as well to
show the check stays strict.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import expectations as E
from expectations.identities import identity_evaluations
from expectations.printed import find_printed

Q = date(2025, 3, 31)


def _fact(concept, value, row_no, *, label=None, unit="USD", decimals=0, months=3, table_no=0,
          doc_id="d1"):
    return dict(
        fact_id=f"{doc_id}-{table_no}-{row_no}", doc_id=doc_id, concept=concept, label=label or concept,
        value=value, unit=unit, decimals=decimals, period_end=Q, months=months, source="table",
        is_guidance=False, table_no=table_no, row_no=row_no, evidence="", char_start=0, char_end=0,
    )


def _evaluate(rows):
    ff = pd.DataFrame([_fact(*r[:3], **(r[3] if len(r) > 3 else {})) for r in rows])
    ev = identity_evaluations(E.frames.table({"financial_facts": ff}, "financial_facts"))
    ev["ok"] = ev["abs_diff"] <= ev["tolerance"] + 1e-6
    return ev


def _failed(ev):
    return sorted(ev.loc[~ev["ok"], "subject"])


def _subject_of(ev, prefix):
    hits = [s for s in ev["subject"] if s.startswith(prefix)]
    assert len(hits) == 1, (prefix, list(ev["subject"]))
    return hits[0]


# -- cost of goods sold above gross margin ------------------------------------------------------
def _cogs_statement(opex_total=2_387_000, op_result=-200_000):
    return [
        ("RevenueFromContractWithCustomerProductRevenue", 3_506_000, 0, {"label": "Product revenues"}),
        ("RoyaltyAndOtherRevenuesRevenue", 16_000, 1, {"label": "Royalty and other revenues"}),
        ("Revenues", 3_522_000, 2, {"label": "Total net revenues"}),
        ("CostOfRevenue", 1_335_000, 3, {"label": "Cost of goods sold"}),
        ("GrossProfit", 2_187_000, 4, {"label": "Gross margin"}),
        ("SellingGeneralAndAdministrativeExpense", 2_000_000, 5),
        ("ResearchAndDevelopmentExpense", 387_000, 6),
        ("OperatingExpenses", opex_total, 7, {"label": "Total operating expenses"}),
        ("OperatingIncomeLoss", op_result, 8, {"label": "Operating income (loss)"}),
    ]


def test_cogs_above_gross_margin_holds():
    ev = _evaluate(_cogs_statement())
    assert _failed(ev) == []
    assert _subject_of(ev, "OperatingIncomeLoss").endswith("= Revenues - CostOfRevenue - OperatingExpenses")
    assert _subject_of(ev, "GrossProfit").endswith("= Revenues - CostOfRevenue")


def test_cogs_gross_profit_form_without_revenue_total():
    rows = [r for r in _cogs_statement() if r[0] != "Revenues"]
    ev = _evaluate(rows)
    assert _failed(ev) == []
    assert "OperatingExpenses" in _subject_of(ev, "OperatingIncomeLoss")


def test_wrong_operating_result_still_fails_under_every_form():
    ev = _evaluate(_cogs_statement(op_result=-210_000))
    # reported once, under the primary form
    assert _failed(ev) == ["OperatingIncomeLoss 3M to 2025-03-31 = Revenues - OperatingExpenses"]


def test_total_costs_including_cogs_holds():
    rows = [
        ("Revenues", 2_767_940, 0, {"label": "Total revenues"}),
        ("CostOfRevenue", 826_662, 1),
        ("SellingAndMarketingExpense", 210_573, 2),
        ("GeneralAndAdministrativeExpense", 2_120_125, 3),
        ("OperatingExpenses", 3_157_360, 4, {"label": "Total costs and expenses"}),
        ("OperatingIncomeLoss", -389_420, 5, {"label": "Loss from operations"}),
    ]
    ev = _evaluate(rows)
    assert _failed(ev) == []
    assert _subject_of(ev, "OperatingIncomeLoss").endswith("= Revenues - OperatingExpenses")


# -- interest expense inside other income -------------------------------------------------------
def _other_income(interest_expense=58_147, total=139_958):
    return [
        ("OperatingIncomeLoss", 13_798, 0, {"label": "Income from operations"}),
        ("InvestmentIncomeInterest", 35_621, 1, {"label": "Interest income"}),
        ("GainOnWarrantFairValueAdjustment", 162_484, 2),
        ("InterestExpense", interest_expense, 3, {"label": "Interest expense"}),
        ("NonoperatingIncomeExpense", total, 4, {"label": "Total other income"}),
        ("NetIncomeLoss", 13_798 + total, 5, {"label": "Net income"}),
    ]


def test_interest_expense_is_subtracted_inside_other_income():
    ev = _evaluate(_other_income())
    assert _failed(ev) == []
    subject = _subject_of(ev, "NonoperatingIncomeExpense")
    assert subject.endswith("InvestmentIncomeInterest + GainOnWarrantFairValueAdjustment - InterestExpense")


def test_wrong_interest_expense_line_fails_with_xbrl_signs():
    ev = _evaluate(_other_income(interest_expense=48_147))
    assert _failed(ev) == [
        "NonoperatingIncomeExpense 3M to 2025-03-31 = InvestmentIncomeInterest"
        " + GainOnWarrantFairValueAdjustment - InterestExpense"
    ]


def test_pretax_from_each_other_income_line():
    rows = [
        ("OperatingIncomeLoss", -389_416, 0, {"label": "Loss from operations"}),
        ("InvestmentIncomeInterest", 169_925, 1, {"label": "Interest income, net"}),
        ("NonoperatingIncomeExpense", 0, 2, {"label": "Other income, net"}),
        ("IncomeLossBeforeIncomeTaxes", -219_491, 3, {"label": "Loss before income taxes"}),
        ("IncomeTaxExpenseBenefit", -37_915, 4),
        ("NetIncomeLoss", -181_576, 5, {"label": "Net loss"}),
    ]
    ev = _evaluate(rows)
    assert _failed(ev) == []
    assert _subject_of(ev, "IncomeLossBeforeIncomeTaxes").endswith(
        "= OperatingIncomeLoss + InvestmentIncomeInterest + NonoperatingIncomeExpense")


# -- discontinued operations --------------------------------------------------------------------
def _discontinued(net=-38_563):
    return [
        ("IncomeLossBeforeIncomeTaxes", -38_514, 0, {"label": "Loss before provision for income taxes"}),
        ("IncomeTaxExpenseBenefit", 0, 1, {"label": "Provision for income taxes"}),
        ("NetLossFromContinuingOperations", -38_514, 2, {"label": "Net loss from continuing operations"}),
        ("LossFromDiscontinuedOperations", -49, 3, {"label": "Loss from discontinued operations, net of tax"}),
        ("NetIncomeLoss", net, 4, {"label": "Net loss"}),
    ]


def test_net_income_including_discontinued_operations():
    ev = _evaluate(_discontinued())
    assert _failed(ev) == []
    assert _subject_of(ev, "NetIncomeLoss").endswith(
        "= NetLossFromContinuingOperations + LossFromDiscontinuedOperations")


def test_wrong_net_income_with_discontinued_operations_fails():
    ev = _evaluate(_discontinued(net=-38_663))
    assert _failed(ev) == ["NetIncomeLoss 3M to 2025-03-31 = IncomeLossBeforeIncomeTaxes - IncomeTaxExpenseBenefit"]


# -- EPS on the loss attributable to common stockholders ---------------------------------------
def _preferred(eps=-8.45):
    return [
        ("NetIncomeLoss", -10_925_000, 0, {"label": "Net loss"}),
        ("PreferredStockDividendsAndOtherAdjustments", 1_256_600, 1, {"label": "Preferred dividends"}),
        ("NetIncomeLossAvailableToCommonStockholdersBasic", -12_181_600, 2,
         {"label": "Net loss attributable to common stockholders"}),
        ("EarningsPerShareBasicAndDiluted", eps, 3, {"unit": "USD/share", "decimals": 2}),
        ("WeightedAverageNumberOfShareOutstandingBasicAndDiluted", 1_441_540, 4, {"unit": "shares"}),
    ]


def test_eps_on_loss_attributable_to_common_stockholders():
    ev = _evaluate(_preferred())
    assert _failed(ev) == []
    assert _subject_of(ev, "EarningsPerShare").endswith(
        "= NetIncomeLossAvailableToCommonStockholdersBasic / WeightedAverageNumberOfShareOutstandingBasicAndDiluted")


def test_wrong_eps_with_preferred_dividends_fails():
    ev = _evaluate(_preferred(eps=-8.55))
    assert _failed(ev) == [
        "EarningsPerShareBasicAndDiluted 3M to 2025-03-31 = NetIncomeLoss"
        " / WeightedAverageNumberOfShareOutstandingBasicAndDiluted"
    ]


# -- bank statements ------------------------------------------------------------------------
def test_bank_statement_not_evaluated_as_an_operating_company():
    rows = [
        ("InterestAndDividendIncome", 80_000_000, 0, {"label": "Total interest income"}),
        ("InterestExpense", 35_000_000, 1),
        ("NetInterestIncome", 45_505_000, 2, {"label": "Net interest income"}),
        ("NonoperatingIncomeExpense", 18_854_000, 3, {"label": "Total other income"}),
        ("OperatingExpenses", 44_650_000, 4, {"label": "Operating expenses"}),
        ("ProvisionForCreditLosses", 1_220_000, 5, {"label": "Provision for credit losses"}),
        ("IncomeLossBeforeIncomeTaxes", 10_750_000, 6, {"label": "Pretax income"}),
        ("IncomeTaxExpenseBenefit", 3_160_000, 7),
        ("NetIncomeLoss", 7_590_000, 8, {"label": "Net income"}),
        ("LoansNet", 5_500_000_000, 0, {"months": 0, "table_no": 1, "label": "Loans, net"}),
        ("AllowanceForCreditLosses", 60_000_000, 1, {"months": 0, "table_no": 1}),
        ("Assets", 7_120_652_000, 2, {"months": 0, "table_no": 1, "label": "Total assets"}),
        ("Deposits", 6_000_000_000, 3, {"months": 0, "table_no": 1, "label": "Total deposits"}),
        ("LiabilitiesAndStockholdersEquity", 7_120_652_000, 4, {"months": 0, "table_no": 1}),
    ]
    ev = _evaluate(rows)
    # only the identities every statement obeys: Assets = L&E
    assert list(ev["subject"]) == ["Assets 2025-03-31 = LiabilitiesAndStockholdersEquity"]
    assert _failed(ev) == []


def test_bank_total_without_bank_lines_is_still_evaluated():
    bs = {"months": 0}
    rows = [
        ("NetInterestIncome", 12_697_111, 0, {"label": "Net interest income", "table_no": 1}),
        ("ProvisionForCreditLosses", 100_000, 1, {"table_no": 1}),
        ("CashAndCashEquivalentsAtCarryingValue", 28_472_322, 0, bs),
        ("Deposits", 270_934_149, 1, bs),
        ("TotalBorrowingsDebtObligations", 2_003_400, 2, {**bs, "label": "Total borrowings"}),
        ("OtherLiabilities", 896_329, 3, bs),
        ("Liabilities", 273_843_878, 4, {**bs, "label": "TOTAL LIABILITIES"}),  # off by 10,000
    ]
    ev = _evaluate(rows)
    # "Total borrowings" right under deposits is not a sum of them: not evaluated;
    # total liabilities has no bank line in its block (up to the total above): evaluated, and wrong.
    assert list(ev["subject"]) == ["Liabilities 2025-03-31 = OtherLiabilities"]
    assert _failed(ev) == list(ev["subject"])


def test_one_bank_word_does_not_make_a_bank():
    rows = [
        ("InvestmentIncomeInterest", 1_000, 0, {"label": "Interest income"}),
        ("OtherNonoperatingIncome", 500, 1),
        ("NonoperatingIncomeExpense", 1_400, 2, {"label": "Total other income"}),
    ]
    assert _failed(_evaluate(rows)) == ["NonoperatingIncomeExpense 3M to 2025-03-31"
                                        " = InvestmentIncomeInterest + OtherNonoperatingIncome"]


# -- selected-data tables and nested failures ----------------------------------------------------
def test_selected_balance_sheet_data_is_not_a_sum():
    rows = [
        ("CashAndCashEquivalentsAtCarryingValue", 13_227_839, 0, {"months": 0}),
        ("Assets", 95_207_871, 1, {"months": 0, "label": "Total assets"}),
        ("Liabilities", 14_584_519, 2, {"months": 0, "label": "Total liabilities"}),
    ]
    assert _evaluate(rows).empty


def test_failed_subtotal_is_not_reported_again_by_the_total_above():
    rows = [
        ("Liabilities", 1_414_940, 0, {"months": 0, "label": "Total liabilities"}),
        ("AdditionalPaidInCapital", 10_784_754, 5, {"months": 0}),  # rows 1-4 lost
        ("RetainedEarnings", 1_231_588, 6, {"months": 0}),
        ("StockholdersEquity", 13_625_724, 7, {"months": 0, "label": "Total stockholders' equity"}),
        ("LiabilitiesAndStockholdersEquity", 15_040_664, 8, {"months": 0}),
    ]
    ev = _evaluate(rows)
    assert _failed(ev) == ["StockholdersEquity 2025-03-31 = AdditionalPaidInCapital + RetainedEarnings"]
    assert _subject_of(ev, "LiabilitiesAndStockholdersEquity").endswith("= Liabilities + StockholdersEquity")


# -- provenance of a printed zero per share ------------------------------------------------------
@pytest.mark.parametrize("evidence", ["Net income per share $ (0.00) $ 0.01", "Basic $ 0.00$ (0.03)", "EPS .00"])
def test_zero_per_share_printed_to_the_cent(evidence):
    assert find_printed(evidence, 0.0, 2) is not None


def test_zero_not_found_inside_another_figure():
    assert find_printed("EPS 10.00 and 0.01", 0.0, 2) is None


# -- documents_complete: one evaluation per inbox file ----------------------------------------
def test_one_evaluation_per_inbox_file():
    docs = pd.DataFrame([
        dict(doc_id="a", source_path="/srv/inbox/x/a.md", status="read"),
        dict(doc_id="b", source_path="/srv/inbox/y/b.pdf", status="rejected", reject_reason="unsupported"),
        dict(doc_id="c", source_path="/srv/inbox/c.txt", status="rejected", reject_reason=""),
    ])
    inbox = pd.DataFrame({"path": ["/srv/inbox/x/a.md", "y/b.pdf", "/srv/inbox/c.txt", "/srv/inbox/lost.md"]})
    r = E.documents_complete({"documents": docs, "inbox_files": inbox})
    per_file = r.rows[r.rows["subject"] != "at least one inbox document read"]
    assert len(per_file) == 4
    assert sorted(r.failures["subject"]) == [
        "inbox file /srv/inbox/lost.md has a documents row",
        "rejected document /srv/inbox/c.txt has a reason",
    ]
    assert per_file.set_index("subject").loc["inbox file y/b.pdf has a documents row", "doc_id"] == "b"


def test_a_dividend_printed_to_five_places_is_found():
    assert find_printed("Dividend per share (RMB yuan) 0.19122 0.13250", 0.1325, 5) == "0.13250"


def test_a_range_end_printed_finer_than_the_range_decimals_is_found():
    from types import SimpleNamespace

    from expectations.check_provenance import _printed

    f = SimpleNamespace(value=None, value_low=25e6, value_high=34.5e6, decimals=-6,
                        evidence="targeting revenue of $25 million to $34.5 million")
    assert _printed(f) == "25 .. 34.5"
    f.evidence = "targeting revenue of $25 million to $36 million"
    assert _printed(f) is None
