"""Label -> concept mapping (concepts.csv) and the XBRL sign rules."""

from __future__ import annotations

import pytest

from pipelines.financial.concepts import apply_sign, concept_for, derived_concept, normalize_label


@pytest.mark.parametrize(
    "label, context, concept, unit",
    [
        ("Total revenues", "income|", "Revenues", "money"),
        ("Research and development support", "income|revenues", "ResearchAndDevelopmentSupportRevenue", "money"),
        ("License and milestone fees", "income|revenues", "LicenseAndMilestoneFeesRevenue", "money"),
        ("Clinical materials reimbursement", "income|revenues", "ClinicalMaterialsReimbursementRevenue", "money"),
        ("Research and development", "income|expenses", "ResearchAndDevelopmentExpense", "money"),
        ("Selling, general and administrative", "income|", "SellingGeneralAndAdministrativeExpense", "money"),
        ("General and administrative", "income|expenses", "GeneralAndAdministrativeExpense", "money"),
        ("Total operating expenses", "income|", "OperatingExpenses", "money"),
        ("Loss from operations", "income|", "OperatingIncomeLoss", "money"),
        ("Other income (expense), net", "income|", "NonoperatingIncomeExpense", "money"),
        ("Loss before taxes", "income|", "IncomeLossBeforeIncomeTaxes", "money"),
        ("(Benefit)/provision for income taxes", "income|", "IncomeTaxExpenseBenefit", "money"),
        ("Net loss", "income|", "NetIncomeLoss", "money"),
        ("Net income (loss)", "income|", "NetIncomeLoss", "money"),
        ("Net loss per common share, basic and diluted", "income|", "EarningsPerShareBasicAndDiluted", "per_share"),
        ("Basic", "income|net loss per share", "EarningsPerShareBasic", "per_share"),
        ("Basic", "income|weighted average shares outstanding", "WeightedAverageNumberOfSharesOutstandingBasic", "shares"),
        ("Diluted", "income|net income per share", "EarningsPerShareDiluted", "per_share"),
        (
            "Average common shares outstanding, basic and diluted",
            "income|",
            "WeightedAverageNumberOfShareOutstandingBasicAndDiluted",
            "shares",
        ),
        ("Cash and cash equivalents", "balance|current assets", "CashAndCashEquivalentsAtCarryingValue", "money"),
        (
            "Cash, cash equivalents and marketable securities",
            "balance|assets",
            "CashCashEquivalentsAndMarketableSecurities",
            "money",
        ),
        ("Total current assets", "balance|", "AssetsCurrent", "money"),
        ("Total assets", "balance|", "Assets", "money"),
        ("Current liabilities", "balance|", "LiabilitiesCurrent", "money"),
        ("Total liabilities", "balance|", "Liabilities", "money"),
        ("Shareholders\u2019 equity", "balance|", "StockholdersEquity", "money"),
        ("Total liabilities and stockholders' equity", "balance|", "LiabilitiesAndStockholdersEquity", "money"),
        ("Net cash used in operating activities", "cash_flow|", "NetCashProvidedByUsedInOperatingActivities", "money"),
        ("Purchases of property and equipment", "cash_flow|", "PaymentsToAcquirePropertyPlantAndEquipment", "money"),
    ],
)
def test_known_labels(label, context, concept, unit):
    info = concept_for(label, context)
    assert info is not None, label
    assert (info.concept, info.unit_kind) == (concept, unit)


def test_balance_sheet_lines_are_instants():
    assert concept_for("Total assets", "balance|").balance == "instant"
    assert concept_for("Net loss", "income|").balance == "duration"


def test_unknown_and_non_financial_labels():
    for label in ("Nausea", "Headache", "Patients enrolled", "Dose (mg)", "Share price"):
        assert concept_for(label, "income|") is None


def test_normalize_label():
    assert normalize_label("  Revenues:  ") == "revenues"
    assert normalize_label("Shareholders\u2019 equity (1)") == "shareholders' equity"
    assert normalize_label("Cash, cash equivalents and $ marketable securities") == (
        "cash cash equivalents and marketable securities"
    )


def _sign(label, values, context="income|"):
    return apply_sign(concept_for(label, context), label, values)


def test_sign_rules():
    # parentheses already negative
    assert _sign("Net loss", [-14233.0, -13008.0]) == [-14233.0, -13008.0]
    # a net loss printed without parentheses is still a loss
    assert _sign("Net loss", [5000.0, 4000.0]) == [-5000.0, -4000.0]
    # mixed signs under a one-direction label: ambiguous, dropped
    assert _sign("Net loss", [5000.0, -4000.0]) is None
    # both directions named: the one outside parentheses is positive
    assert _sign("Net income (loss)", [5.0, -4.0]) == [5.0, -4.0]
    assert _sign("(Benefit)/provision for income taxes", [0.0, -162.0]) == [0.0, -162.0]
    assert _sign("Income tax (expense) benefit", [20.0, -13.0]) == [-20.0, 13.0]
    assert _sign("Benefit from income taxes", [162.0]) == [-162.0]
    # expenses shown as deductions are positive in XBRL
    assert _sign("General and administrative", [-208.0, -125.0]) == [208.0, 125.0]
    assert _sign("Research and development", [16004.0, 0.0]) == [16004.0, 0.0]
    assert _sign("Net cash used in operating activities", [1551.0], "cash_flow|") == [-1551.0]
    assert _sign("Net cash provided by (used in) operating activities", [-5.0, 7.0], "cash_flow|") == [-5.0, 7.0]


def test_derived_concepts():
    info = derived_concept("Subscription revenue", "income|revenues")
    assert info.concept == "SubscriptionRevenue" and not info.known
    assert derived_concept("Product development", "income|operating expenses").concept == (
        "ProductDevelopmentExpense"
    )
    assert derived_concept("Common stock, $0.001 par value, 25,000,000 shares", "balance|equity").concept == (
        "CommonStock"
    )
    assert derived_concept("Goodwill impairment", "balance|").balance == "instant"
    assert derived_concept("Shares used in computing", "income|") is None


@pytest.mark.parametrize(
    "label, context, concept",
    [
        # biotech statement lines
        ("Collaboration revenue", "income|revenue", "CollaborationRevenue"),
        ("License revenue", "income|revenue", "LicenseRevenue"),
        ("Grant revenue", "income|revenue", "GrantRevenue"),
        ("Interest income", "income|other income (expense)", "InvestmentIncomeInterest"),
        ("Weighted-average common shares outstanding, basic and diluted", "income|",
         "WeightedAverageNumberOfShareOutstandingBasicAndDiluted"),
        ("Weighted average common shares outstanding, basic", "income|", "WeightedAverageNumberOfSharesOutstandingBasic"),
        ("Weighted average common shares outstanding, diluted", "income|",
         "WeightedAverageNumberOfDilutedSharesOutstanding"),
        ("Marketable securities", "balance|current assets", "MarketableSecuritiesCurrent"),
        ("Total liabilities and stockholders' equity", "balance|", "LiabilitiesAndStockholdersEquity"),
        ("Net cash used in operating activities", "cash_flow|", "NetCashProvidedByUsedInOperatingActivities"),
        ("Purchases of property and equipment", "cash_flow|investing", "PaymentsToAcquirePropertyPlantAndEquipment"),
        ("Deferred income tax expense", "income|", "IncomeTaxExpenseBenefit"),
        ("Cost of product revenue", "income|operating expenses", "CostOfRevenue"),
        ("Net loss attributable to common stockholders", "income|", "NetIncomeLossAvailableToCommonStockholdersBasic"),
        ("Comprehensive loss", "income|", "ComprehensiveIncomeNetOfTax"),
        ("Net loss and comprehensive loss", "income|", "NetIncomeLoss"),
        ("Net income (loss) before tax", "income|", "IncomeLossBeforeIncomeTaxes"),
        # a bare "Other income" line may be the whole non-operating result or one part of it
        ("Other income", "income|", "SKIP"),
        ("Other income (expense), net", "income|other income (expense)", "SKIP"),
        ("Total other income (expense), net", "income|other income (expense)", "NonoperatingIncomeExpense"),
    ],
)
def test_more_statement_lines(label, context, concept):
    assert concept_for(label, context).concept == concept


def test_generic_labels_get_no_derived_concept():
    for label in ("Diluted", "Basic and diluted", "Total", "Related party"):
        assert derived_concept(label, "income|") is None
    info = derived_concept("Gain (loss) on foreign exchange", "income|interest expense")
    assert (info.concept, info.sign) == ("GainLossOnForeignExchange", "as_printed")


@pytest.mark.parametrize(
    "label, printed, concept, signed",
    [
        ("Net (decrease) increase in cash and cash equivalents", [-23094, 20754],
         "CashAndCashEquivalentsPeriodIncreaseDecrease", [-23094, 20754]),
        ("Net decrease in cash, cash equivalents and restricted cash", [23094, 1],
         "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect",
         [-23094, -1]),
        ("Net decrease in cash and cash equivalents", [23094, -100], "CashAndCashEquivalentsPeriodIncreaseDecrease", None),
        ("Total other comprehensive income (loss)", [203, -91], "OtherComprehensiveIncomeLossNetOfTax", [203, -91]),
        ("Total other comprehensive loss", [91, 12], "OtherComprehensiveIncomeLossNetOfTax", [-91, -12]),
    ],
)
def test_cash_change_and_other_comprehensive_lines(label, printed, concept, signed):
    info = concept_for(label, "cash_flow|")
    assert info is not None and info.concept == concept
    assert apply_sign(info, label, printed) == signed


def test_cash_and_marketable_securities_change_is_not_a_cash_change():
    assert concept_for("Net decrease in cash, cash equivalents and marketable securities", "cash_flow|") is None


def test_a_bare_other_comprehensive_loss_line_is_not_a_known_line():
    # "Less: other comprehensive loss" in a bank's tangible-equity table is the
    # accumulated balance, not the period's other comprehensive loss
    assert concept_for("other comprehensive loss", "income|") is None


def test_cash_flow_company_lines_are_named_after_their_section():
    from pipelines.financial.concepts import cash_flow_concept

    info = cash_flow_concept("Accounts payable, accrued expenses and other current liabilities", "Operating")
    assert info.concept == "AccountsPayableAccruedExpensesAndOtherCurrentLiabilitiesOperatingCashFlow"
    assert (info.sign, info.unit_kind, info.known) == ("as_printed", "money", False)
    assert cash_flow_concept("Issuance of Common Shares for Service", "Operating").concept == (
        "IssuanceOfCommonSharesForServiceOperatingCashFlow"
    )
    assert cash_flow_concept("Interest", "Supplemental", "Cash paid during the periods:").concept == (
        "CashPaidInterestSupplementalCashFlow"
    )
    assert cash_flow_concept("Other", "Investing", None) is None


@pytest.mark.parametrize(
    "label, context, concept",
    [
        ("Less: Net income attributable to noncontrolling interest", "income|",
         "NetIncomeLossAttributableToNoncontrollingInterest"),
        ("Net loss attributable to non-controlling interests", "income|",
         "NetIncomeLossAttributableToNoncontrollingInterest"),
        ("Comprehensive loss attributable to noncontrolling interests", "income|",
         "ComprehensiveIncomeNetOfTaxAttributableToNoncontrollingInterest"),
        ("Net income (loss) attributable to Orlan", "income|", "NetIncomeLoss"),
        ("Loss for the period", "income|", "NetIncomeLoss"),
        ("Effect of exchange rate changes on cash and cash equivalents", "cash_flow|",
         "EffectOfExchangeRateOnCashAndCashEquivalents"),
        ("Diluted", "income|net earnings per ordinary share attributable to orlan: basic", "EarningsPerShareDiluted"),
        ("Continuing operations", "income|net (loss) income per share diluted",
         "IncomeLossFromContinuingOperationsPerDilutedShare"),
    ],
)
def test_result_split_and_per_share_part_labels(label, context, concept):
    info = concept_for(label, context)
    assert info is not None and info.concept == concept


def test_share_capital_line_named_shares_is_money():
    from pipelines.financial.concepts import derived_concept

    info = derived_concept("Ordinary shares, Class B, $0.000004 par value, 100,000 shares issued", "balance|")
    assert info is not None and (info.concept, info.unit_kind) == ("OrdinarySharesClassB", "money")
    assert derived_concept("Ordinary shares outstanding", "balance|") is None
