"""The expectations on seed 000's true figures: all hold; each corruption is caught exactly."""

from __future__ import annotations

import time
from datetime import date

import pytest

import expectations as E
from tests.expectation_samples import DOC_ID, find_fact, restate, seed_000_frames

DEC10, DEC09, JUN10 = date(2010, 12, 31), date(2009, 12, 31), date(2010, 6, 30)
CASH = "CashCashEquivalentsAndMarketableSecurities"
LE = "LiabilitiesAndStockholdersEquity"
LE_PARTS = "LiabilitiesCurrent + DeferredRevenueAndOtherLiabilitiesNoncurrent + StockholdersEquity"
REV_PARTS = (
    "ResearchAndDevelopmentSupportRevenue + LicenseAndMilestoneFeesRevenue"
    " + ClinicalMaterialsReimbursementRevenue"
)
EPS = "EarningsPerShareBasicAndDiluted"
SHARES = "WeightedAverageNumberOfShareOutstandingBasicAndDiluted"
PERIODS = ["3M to 2010-12-31", "3M to 2009-12-31", "6M to 2010-12-31", "6M to 2009-12-31"]


@pytest.fixture(scope="module")
def runner():
    return E.GXRunner()


@pytest.fixture(scope="module")
def seed():
    return seed_000_frames()


@pytest.fixture(scope="module")
def seed_results(seed, runner):
    return {r.check_name: r for r in E.run_all(seed, runner=runner)}


def _failed(results):
    return {name: r for name, r in results.items() if not r.passed}


def test_every_check_passes_on_the_true_figures(seed_results):
    assert set(seed_results) == set(E.SUITES)
    assert _failed(seed_results) == {}
    for r in seed_results.values():
        assert r.flagged_fact_ids == set()
        assert r.summary["failed"] == 0 and r.summary["evaluated"] > 0
        assert list(r.rows.columns) == E.RESULT_COLUMNS
        assert set(r.rows["doc_id"].dropna()) <= {DOC_ID}


def test_blocking_flags(seed_results):
    assert {n for n, r in seed_results.items() if r.blocking} == {"documents_complete", "no_duplicate_facts"}


def test_identities_evaluated(seed_results):
    subjects = set(seed_results["accounting_identities"].rows["subject"])
    expected = set()
    for d in ("2010-12-31", "2010-06-30"):
        expected |= {
            f"Assets {d} = {CASH} + OtherAssets",
            f"{LE} {d} = {LE_PARTS}",
            f"Assets {d} = {LE}",
        }
    for p in PERIODS:
        expected |= {
            f"Revenues {p} = {REV_PARTS}",
            f"OperatingExpenses {p} = ResearchAndDevelopmentExpense + GeneralAndAdministrativeExpense",
            f"OperatingIncomeLoss {p} = Revenues - OperatingExpenses",
            f"IncomeLossBeforeIncomeTaxes {p} = OperatingIncomeLoss + NonoperatingIncomeExpense",
            f"NetIncomeLoss {p} = IncomeLossBeforeIncomeTaxes - IncomeTaxExpenseBenefit",
            f"{EPS} {p} = NetIncomeLoss / {SHARES}",
        }
    assert expected <= subjects
    assert len(subjects) == len(expected) == 30  # nothing spurious either


def test_eps_is_checked_to_the_cent(seed_results):
    rows = seed_results["accounting_identities"].rows.set_index("subject")
    r = rows.loc[f"{EPS} 6M to 2009-12-31 = NetIncomeLoss / {SHARES}"]
    assert r["observed"] == "-0.44"
    assert r["expected"].startswith("-0.4445")  # 25,383 / 57,094


def test_narrative_comparisons_evaluated(seed_results):
    subjects = set(seed_results["text_agrees_with_table"].rows["subject"])
    expected = {
        f"{c} {p} text vs table"
        for c in ("NetIncomeLoss", EPS, "Revenues", "OperatingExpenses", "ResearchAndDevelopmentExpense",
                  "GeneralAndAdministrativeExpense", "NonoperatingIncomeExpense")
        for p in PERIODS[:2]
    } | {f"{CASH} 2010-12-31 text vs table", f"{CASH} 2010-06-30 text vs table"}
    assert subjects == expected


def test_run_all_is_quick(seed, runner):
    E.run_all(seed, runner=runner)  # GX already warm from the module fixture
    t0 = time.perf_counter()
    E.run_all(seed, runner=runner)
    assert time.perf_counter() - t0 < 5


# -- corrupted copies ---------------------------------------------------------------
def _only_failures(frames, runner):
    results = {r.check_name: r for r in E.run_all(frames, runner=runner)}
    return _failed(results)


def test_wrong_total_assets(seed, runner):
    assets = find_fact(seed, "Assets", DEC10, 0)
    bad = restate(seed, assets, 153_905_000, "153,805", "153,905")
    failed = _only_failures(bad, runner)
    assert set(failed) == {"accounting_identities"}
    r = failed["accounting_identities"]
    rows = r.failures
    assert set(rows["doc_id"]) == {DOC_ID}
    assert set(rows["subject"]) == {f"Assets 2010-12-31 = {CASH} + OtherAssets", f"Assets 2010-12-31 = {LE}"}
    assert set(rows["observed"]) == {"153905000"}
    assert r.flagged_fact_ids == {
        assets,
        find_fact(seed, CASH, DEC10, 0),
        find_fact(seed, "OtherAssets", DEC10, 0),
        find_fact(seed, LE, DEC10, 0),
    }
    assert r.severity == "error" and not r.blocking


def test_wrong_narrative_net_loss(seed, runner):
    text_ni = find_fact(seed, "NetIncomeLoss", DEC10, 3, source="text")
    bad = restate(seed, text_ni, -15_200_000, "14.2", "15.2")
    failed = _only_failures(bad, runner)
    assert set(failed) == {"text_agrees_with_table"}
    r = failed["text_agrees_with_table"]
    assert list(r.failures["subject"]) == ["NetIncomeLoss 3M to 2010-12-31 text vs table"]
    assert list(r.failures["doc_id"]) == [DOC_ID]
    assert list(r.failures["observed"]) == ["-15200000"]
    # the table's net loss is proven by its identities, so only the narrative is flagged
    assert r.flagged_fact_ids == {text_ni}


def test_wrong_revenue_line(seed, runner):
    lic = find_fact(seed, "LicenseAndMilestoneFeesRevenue", DEC10, 3)
    bad = restate(seed, lic, 966_000, "866", "966")
    failed = _only_failures(bad, runner)
    assert set(failed) == {"accounting_identities"}
    r = failed["accounting_identities"]
    assert list(r.failures["subject"]) == [f"Revenues 3M to 2010-12-31 = {REV_PARTS}"]
    assert list(r.failures["observed"]) == ["4178000"]
    assert r.failures["expected"].iloc[0].startswith("4278000 ± 2000")
    assert r.flagged_fact_ids == {
        lic,
        find_fact(seed, "Revenues", DEC10, 3),
        find_fact(seed, "ResearchAndDevelopmentSupportRevenue", DEC10, 3),
        find_fact(seed, "ClinicalMaterialsReimbursementRevenue", DEC10, 3),
    }


def test_restate_keeps_the_text_consistent(seed):
    lic = find_fact(seed, "LicenseAndMilestoneFeesRevenue", DEC10, 3)
    bad = restate(seed, lic, 966_000, "866", "966")
    ff = bad["financial_facts"].set_index("fact_id")
    text = bad["documents"]["clean_text"].iloc[0]
    assert "966" in ff.loc[lic, "evidence"]
    assert text[int(ff.loc[lic, "char_start"]):int(ff.loc[lic, "char_end"])] == ff.loc[lic, "evidence"]
    # the original frames are untouched
    assert "866" in seed["financial_facts"].set_index("fact_id").loc[lic, "evidence"]
