"""Each suite on small hand-made frames: what it evaluates, what it catches, what it leaves alone."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

import expectations as E
from expectations import vocabularies
from expectations.identities import identity_evaluations
from expectations.printed import find_printed
from tests.expectation_samples import DOC_ID, copy_frames, find_fact, seed_000_frames

DEC10 = date(2010, 12, 31)


@pytest.fixture(scope="module")
def runner():
    return E.GXRunner()


@pytest.fixture(scope="module")
def seed():
    return seed_000_frames()


def _fact(concept, value, *, row_no=None, table_no=1, label=None, unit="USD", decimals=-3,
          end=DEC10, months=0, source="table", doc_id="d1", fact_id=None, **kw):
    return dict(
        fact_id=fact_id or f"{doc_id}-{concept}-{row_no}-{months}-{end}", doc_id=doc_id, concept=concept,
        label=label or concept, value=value, unit=unit, decimals=decimals, period_end=end, months=months,
        period_start=kw.pop("start", None), source=source, is_guidance=kw.pop("is_guidance", False),
        table_no=table_no if row_no is not None else None, row_no=row_no, evidence="", char_start=0,
        char_end=0, **kw,
    )


def _subjects(result, failed_only=False):
    rows = result.failures if failed_only else result.rows
    return list(rows["subject"])


# -- empty and partial warehouses ----------------------------------------------------
def test_empty_warehouse_passes_trivially(runner):
    for frames in ({}, {name: pd.DataFrame() for name in
                        ("documents", "financial_facts", "pipeline_facts", "drug_aliases", "deals", "inbox_files")}):
        results = E.run_all(frames, runner=runner)
        assert all(r.passed for r in results)
        assert E.results_frame(results).empty


def test_import_does_not_load_great_expectations():
    code = "import sys, expectations; assert 'great_expectations' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_missing_component_line_is_not_evaluated_not_failed(seed, runner):
    frames = copy_frames(seed)
    ff = frames["financial_facts"]
    frames["financial_facts"] = ff[ff["concept"] != "OtherAssets"]
    for drop_structure in (False, True):
        if drop_structure:  # the fixed list alone: Assets = Cash + OtherAssets needs both lines
            frames["financial_facts"] = frames["financial_facts"].drop(columns=["table_no", "row_no"])
        r = E.accounting_identities(frames, runner=runner)
        assert r.passed
        subjects = _subjects(r)
        assert not any(s.startswith("Assets 2010-12-31 = Cash") for s in subjects)
        assert "Assets 2010-12-31 = LiabilitiesAndStockholdersEquity" in subjects


def test_lost_row_inside_a_block_fails(seed, runner):
    # License fees lost between two revenue lines: the visible lines do not add up to the total.
    frames = copy_frames(seed)
    ff = frames["financial_facts"]
    frames["financial_facts"] = ff[ff["concept"] != "LicenseAndMilestoneFeesRevenue"]
    r = E.accounting_identities(frames, runner=runner)
    # reported against every line left above the total (the gap may be the lost row, not a heading)
    assert _subjects(r, failed_only=True) == [
        f"Revenues {p} = ResearchAndDevelopmentSupportRevenue + ClinicalMaterialsReimbursementRevenue"
        for p in ("3M to 2010-12-31", "3M to 2009-12-31", "6M to 2010-12-31", "6M to 2009-12-31")
    ]


def test_fixed_list_without_table_structure(seed, runner):
    frames = copy_frames(seed)
    frames["financial_facts"] = frames["financial_facts"].drop(columns=["table_no", "row_no"])
    r = E.accounting_identities(frames, runner=runner)
    assert r.passed
    subjects = set(_subjects(r))
    assert "Revenues 3M to 2010-12-31 = ClinicalMaterialsReimbursementRevenue + LicenseAndMilestoneFeesRevenue + ResearchAndDevelopmentSupportRevenue" in subjects or any(
        s.startswith("Revenues 3M to 2010-12-31 = ") for s in subjects
    )
    assert "Assets 2010-12-31 = CashCashEquivalentsAndMarketableSecurities + OtherAssets" in subjects
    assert any(s.startswith("OperatingExpenses 6M to 2009-12-31 = ") for s in subjects)


# -- table structure -------------------------------------------------------------------
def _full_balance_sheet(with_headings=True, stray=None):
    """Current/noncurrent sheet with nested subtotals. Row numbers skip headings when asked."""
    lines = [
        ("h", "Assets:"), ("h", "Current assets:"),
        ("CashAndCashEquivalentsAtCarryingValue", 50), ("AccountsReceivableNetCurrent", 30),
        ("AssetsCurrent", 80, "Total current assets"),
        ("PropertyPlantAndEquipmentNet", 15), ("OtherAssetsNoncurrent", 5), ("Assets", 100, "Total assets"),
        ("h", "Liabilities and equity:"), ("h", "Current liabilities:"),
        ("AccountsPayableCurrent", 10), ("AccruedLiabilitiesCurrent", 12),
        ("LiabilitiesCurrent", 22, "Total current liabilities"),
        ("DeferredRevenueNoncurrent", 8), ("Liabilities", 30, "Total liabilities"),
        ("h", "Stockholders' equity:"), ("CommonStockValue", 1), ("AdditionalPaidInCapital", 169),
        ("RetainedEarningsAccumulatedDeficit", -100), ("StockholdersEquity", 70, "Total stockholders' equity"),
        ("LiabilitiesAndStockholdersEquity", 100, "Total liabilities and stockholders' equity"),
    ]
    if stray:
        lines.insert(0, stray)
    facts, row = [], 0
    for line in lines:
        if line[0] == "h":
            row += 1 if with_headings else 0
            continue
        row += 1
        concept, v = line[0], line[1]
        facts.append(_fact(concept, v * 1000.0, row_no=row, label=line[2] if len(line) > 2 else concept))
    return pd.DataFrame(facts)


@pytest.mark.parametrize("with_headings", [True, False])
def test_nested_subtotals(with_headings):
    ev = identity_evaluations(E.frames.table({"financial_facts": _full_balance_sheet(with_headings)}, "financial_facts"))
    got = dict(zip(ev["subject"], ev["abs_diff"] <= ev["tolerance"]))
    assert got == {
        "AssetsCurrent 2010-12-31 = CashAndCashEquivalentsAtCarryingValue + AccountsReceivableNetCurrent": True,
        "Assets 2010-12-31 = AssetsCurrent + PropertyPlantAndEquipmentNet + OtherAssetsNoncurrent": True,
        "LiabilitiesCurrent 2010-12-31 = AccountsPayableCurrent + AccruedLiabilitiesCurrent": True,
        "Liabilities 2010-12-31 = LiabilitiesCurrent + DeferredRevenueNoncurrent": True,
        "StockholdersEquity 2010-12-31 = CommonStockValue + AdditionalPaidInCapital + RetainedEarningsAccumulatedDeficit": True,
        "LiabilitiesAndStockholdersEquity 2010-12-31 = Liabilities + StockholdersEquity": True,
        "Assets 2010-12-31 = LiabilitiesAndStockholdersEquity": True,
    }


def test_unrelated_line_above_a_block_is_left_out():
    # No heading rows numbered and a revenue line right above the expense block:
    # the run that adds up (R&D + G&A) is the identity, not Collaboration + R&D + G&A.
    ff = pd.DataFrame([
        _fact("CollaborationRevenue", 5e6, row_no=1, months=3),
        _fact("ResearchAndDevelopmentExpense", 7e6, row_no=2, months=3),
        _fact("GeneralAndAdministrativeExpense", 2e6, row_no=3, months=3),
        _fact("OperatingExpenses", 9e6, row_no=4, months=3, label="Total operating expenses"),
    ])
    ev = identity_evaluations(E.frames.table({"financial_facts": ff}, "financial_facts"))
    assert list(ev["subject"]) == [
        "OperatingExpenses 3M to 2010-12-31 = ResearchAndDevelopmentExpense + GeneralAndAdministrativeExpense"
    ]
    assert (ev["abs_diff"] <= ev["tolerance"]).all()


def test_empty_cell_is_not_a_heading():
    # Row 2 has a figure only in the 2009 column; in the 2010 column the total
    # still adds up over rows 1 and 3 (an empty cell is nil, not a section break).
    ff = pd.DataFrame([
        _fact("GrantRevenue", 1e6, row_no=1, months=3), _fact("GrantRevenue", 1e6, row_no=1, months=3, end=date(2009, 12, 31)),
        _fact("RoyaltyRevenue", 3e6, row_no=2, months=3, end=date(2009, 12, 31)),
        _fact("LicenseRevenue", 2e6, row_no=3, months=3), _fact("LicenseRevenue", 2e6, row_no=3, months=3, end=date(2009, 12, 31)),
        _fact("Revenues", 3e6, row_no=4, months=3, label="Total revenues"),
        _fact("Revenues", 6e6, row_no=4, months=3, end=date(2009, 12, 31), label="Total revenues"),
    ])
    ev = identity_evaluations(E.frames.table({"financial_facts": ff}, "financial_facts"))
    assert set(ev["subject"]) == {
        "Revenues 3M to 2010-12-31 = GrantRevenue + LicenseRevenue",
        "Revenues 3M to 2009-12-31 = GrantRevenue + RoyaltyRevenue + LicenseRevenue",
    }
    assert (ev["abs_diff"] <= ev["tolerance"]).all()


def test_rounding_tolerance_is_half_a_unit_per_term():
    # 1.4 + 1.4 printed in millions can total 2.9 (1.44 + 1.44 = 2.88): within 3 × 0.05.
    ff = pd.DataFrame([
        _fact("ProductRevenue", 1.4e6, row_no=1, decimals=-5), _fact("GrantRevenue", 1.4e6, row_no=2, decimals=-5),
        _fact("Revenues", 2.9e6, row_no=3, decimals=-5, label="Total revenues"),
    ])
    ev = identity_evaluations(E.frames.table({"financial_facts": ff}, "financial_facts"))
    assert ev["tolerance"].iloc[0] == pytest.approx(150_000)
    assert (ev["abs_diff"] <= ev["tolerance"]).all()
    ff.loc[2, "value"] = 3.1e6  # 0.3 off: more than rounding can explain
    ev = identity_evaluations(E.frames.table({"financial_facts": ff}, "financial_facts"))
    assert not (ev["abs_diff"] <= ev["tolerance"]).any()


# -- text vs table -------------------------------------------------------------------
def test_text_table_disagreement_flags_both_when_table_unproven(runner):
    ff = pd.DataFrame([
        _fact("Revenues", 4_178_000.0, months=3, source="table", fact_id="t"),
        _fact("Revenues", 5_200_000.0, months=3, source="text", decimals=-5, fact_id="x"),
    ])
    r = E.text_agrees_with_table({"financial_facts": ff}, runner=runner)
    assert _subjects(r, failed_only=True) == ["Revenues 3M to 2010-12-31 text vs table"]
    assert r.flagged_fact_ids == {"t", "x"}


# -- signs and scale -----------------------------------------------------------------
def test_signs_and_scale_catch_bad_figures(seed, runner):
    frames = copy_frames(seed)
    ff = frames["financial_facts"]
    rd = find_fact(seed, "ResearchAndDevelopmentExpense", DEC10, 6)
    eps = find_fact(seed, "EarningsPerShareBasicAndDiluted", DEC10, 6)
    sh = find_fact(seed, "WeightedAverageNumberOfShareOutstandingBasicAndDiluted", DEC10, 3)
    ga09 = find_fact(seed, "GeneralAndAdministrativeExpense", date(2009, 12, 31), 3)
    ff.loc[ff["fact_id"] == rd, "value"] = -29_429_000.0
    ff.loc[ff["fact_id"] == eps, "value"] = -4000.0
    ff.loc[ff["fact_id"] == sh, "value"] = 68.0
    ff.loc[ff["fact_id"] == ga09, "value"] = 3886.0  # "in thousands" never applied
    r = E.signs_and_scale(frames, runner=runner)
    failed = dict(zip(r.failures["subject"], r.failures["severity"]))
    assert failed["ResearchAndDevelopmentExpense 6M to 2010-12-31 (table) not negative"] == "error"
    assert failed["EarningsPerShareBasicAndDiluted 6M to 2010-12-31 (table) per-share below 1000"] == "error"
    assert failed["WeightedAverageNumberOfShareOutstandingBasicAndDiluted 3M to 2010-12-31 (table) share count at least 1000"] == "error"
    assert failed["GeneralAndAdministrativeExpense 3M to 2009-12-31 (table) scale vs related figures"] == "warn"
    assert {rd, eps, sh, ga09} <= r.flagged_fact_ids
    # the 1,000× outlier is blamed, not the figures it was compared with
    assert not {
        find_fact(seed, "GeneralAndAdministrativeExpense", date(2009, 12, 31), 3, source="text"),
        find_fact(seed, "GeneralAndAdministrativeExpense", DEC10, 3),
    } & r.flagged_fact_ids
    # 68 shares is also 1,000× off its only comparable (the 2009 quarter), and with
    # two related figures both are suspects
    shares = "WeightedAverageNumberOfShareOutstandingBasicAndDiluted"
    assert set(failed) == {
        "ResearchAndDevelopmentExpense 6M to 2010-12-31 (table) not negative",
        "EarningsPerShareBasicAndDiluted 6M to 2010-12-31 (table) per-share below 1000",
        f"{shares} 3M to 2010-12-31 (table) share count at least 1000",
        "GeneralAndAdministrativeExpense 3M to 2009-12-31 (table) scale vs related figures",
        f"{shares} 3M to 2010-12-31 (table) scale vs related figures",
        f"{shares} 3M to 2009-12-31 (table) scale vs related figures",
    }


# -- periods ------------------------------------------------------------------------
def test_periods(seed, runner):
    frames = copy_frames(seed)
    ff = frames["financial_facts"]
    g = ff.index[ff["is_guidance"] & (ff["concept"] == "NetIncomeLoss")][0]
    ff.loc[g, "period_end"] = date(2010, 12, 31)  # guidance for a period already over
    ff.loc[g, "period_start"] = date(2010, 1, 1)
    lo, hi = ff.loc[g, "value_low"], ff.loc[g, "value_high"]
    ff.loc[g, ["value_low", "value_high"]] = [hi, lo]
    m = ff.index[(ff["concept"] == "Revenues") & (ff["source"] == "table")][0]
    ff.loc[m, "months"] = 4
    late = ff.index[(ff["concept"] == "Assets")][0]
    ff.loc[late, "period_end"] = date(2011, 3, 31)
    r = E.periods(frames, runner=runner)
    assert not r.passed
    assert set(_subjects(r, failed_only=True)) == {
        "NetIncomeLoss 12M to 2010-12-31 (text, guidance) guidance after release date",
        "NetIncomeLoss 12M to 2010-12-31 (text, guidance) guidance range",
        "Revenues 4M to 2010-12-31 (table) months",
        "Revenues 4M to 2010-12-31 (table) dates span months",
        "Assets 2011-03-31 (table) reported by release date",
    }
    row = r.failures.set_index("subject").loc["Assets 2011-03-31 (table) reported by release date"]
    assert (row["observed"], row["expected"]) == ("2011-03-31", "≤ 2011-01-27")


def test_periods_skip_without_release_date(seed, runner):
    frames = copy_frames(seed)
    frames["documents"]["release_date"] = None
    r = E.periods(frames, runner=runner)
    assert r.passed
    assert not any("release date" in s for s in _subjects(r))


# -- provenance ----------------------------------------------------------------------
def test_provenance_offsets_and_printed_figure(seed, runner):
    frames = copy_frames(seed)
    ff = frames["financial_facts"]
    shifted = find_fact(seed, "Revenues", DEC10, 3, source="text")
    ff.loc[ff["fact_id"] == shifted, ["char_start", "char_end"]] += 3
    unprinted = find_fact(seed, "GeneralAndAdministrativeExpense", DEC10, 3, source="text")
    ff.loc[ff["fact_id"] == unprinted, "value"] = 3_800_000.0  # text still says $3.7 million
    pf = frames["pipeline_facts"]
    pf.loc[0, "char_start"] += 1
    r = E.provenance(frames, runner=runner)
    assert set(_subjects(r, failed_only=True)) == {
        "Revenues 3M to 2010-12-31 (text) evidence at offsets",
        "GeneralAndAdministrativeExpense 3M to 2010-12-31 (text) figure in evidence",
        "IMGN901 phase Phase 1/2 evidence at offsets",
    }
    assert r.flagged_fact_ids == {shifted, unprinted}
    assert r.flagged_pipeline_fact_ids == {pf.loc[0, "fact_id"]}


def test_provenance_missing_document_fails(seed, runner):
    frames = copy_frames(seed)
    frames["documents"] = frames["documents"].iloc[0:0]
    r = E.provenance(frames, runner=runner)
    assert not r.passed
    assert r.summary["failed"] == len(seed["financial_facts"]) + len(seed["pipeline_facts"]) + len(seed["deals"])


@pytest.mark.parametrize(
    "evidence, value, decimals, found",
    [
        ("Net loss\t(14,233)\t(13,008)", -14_233_000, -3, "14,233"),
        ("a net loss of \\$14.2 million", -14_200_000, -5, "14.2"),
        ("grew to $114.25 million", 14_200_000, -5, None),
        ("or \\$(0.21) per share", -0.21, 2, "0.21"),
        ("$(0.23\t$(0.40)", -0.23, 2, "0.23"),
        ("compared to \\$(19,000)", -19_000, -3, "19,000"),
        ("Other income\t1,281\t(19\t1,771", -19_000, -3, "19"),
        ("taxes\t-\t-\t-\t(162)", 0.0, -3, "-"),
        ("Average shares\t67,965\t57,156", 67_965_000, -3, "67,965"),
        ("between $60-64 million", -64_000_000, -6, "64"),
    ],
)
def test_printed_forms(evidence, value, decimals, found):
    assert find_printed(evidence, value, decimals) == found


# -- vocabulary ----------------------------------------------------------------------
def test_vocabulary_is_data():
    assert "Phase 1/2" in vocabularies.phases()
    assert "refuse_to_file" in vocabularies.regulatory_events()
    assert set(vocabularies.pipeline_kinds()) == {
        "phase", "indication", "target", "payload", "partner", "trial", "regulatory", "milestone"}
    assert set(vocabularies.deal_kinds()) == {"upfront", "milestone", "potential_milestones", "royalty", "equity", "grant"}


def test_pipeline_vocabulary(seed, runner):
    frames = copy_frames(seed)
    pf = frames["pipeline_facts"]
    pf.loc[0, "value"] = "Phase 7"
    pf.loc[2, "value"] = "teleported"
    pf.loc[3, "drug"] = "IMGN999"
    frames["deals"].loc[0, "kind"] = "loan"
    r = E.pipeline_vocabulary(frames, runner=runner)
    failed = r.failures.set_index("subject")
    assert failed.loc["IMGN901 phase", "observed"] == "Phase 7"
    assert failed.loc["IMGN901 phase", "severity"] == "error"
    assert failed.loc["IMGN901 regulatory event", "severity"] == "warn"
    assert failed.loc["IMGN999 has aliases", "severity"] == "warn"
    assert failed.loc["deal Novartis kind", "observed"] == "loan"
    assert len(failed) == 4
    assert set(failed["doc_id"]) == {DOC_ID}
    assert pf.loc[0, "fact_id"] in r.flagged_pipeline_fact_ids
    assert r.flagged_fact_ids == set()


def test_unknown_pipeline_kind(seed, runner):
    frames = copy_frames(seed)
    frames["pipeline_facts"].loc[1, "kind"] = "mood"
    r = E.pipeline_vocabulary(frames, runner=runner)
    assert _subjects(r, failed_only=True) == ["IMGN901 pipeline kind"]


# -- blocking checks -----------------------------------------------------------------
def test_duplicate_facts_block(seed, runner):
    frames = copy_frames(seed)
    ff = frames["financial_facts"]
    dup = ff.iloc[[5]].copy()
    frames["financial_facts"] = pd.concat([ff, dup], ignore_index=True)
    r = E.no_duplicate_facts(frames, runner=runner)
    assert r.blocking and not r.passed
    assert set(_subjects(r, failed_only=True)) == {
        "financial_facts fact_id unique",
        "financial_facts (doc_id, concept, period_end, months, source, is_guidance, char_start) unique",
    }
    assert r.flagged_fact_ids == {dup["fact_id"].iloc[0]}


def test_same_key_different_id_and_null_id(seed, runner):
    frames = copy_frames(seed)
    ff = frames["financial_facts"]
    twin = ff.iloc[[7]].copy()
    twin["fact_id"] = "twin"
    frames["financial_facts"] = pd.concat([ff, twin], ignore_index=True)
    frames["pipeline_facts"].loc[0, "fact_id"] = None
    r = E.no_duplicate_facts(frames, runner=runner)
    assert set(_subjects(r, failed_only=True)) == {
        "financial_facts (doc_id, concept, period_end, months, source, is_guidance, char_start) unique",
        "pipeline_facts fact_id not null",
    }
    assert r.flagged_fact_ids == {"twin", ff.iloc[7]["fact_id"]}


def test_inbox_file_without_document_blocks(seed, runner):
    frames = copy_frames(seed)
    frames["inbox_files"] = pd.DataFrame({"path": ["/srv/inbox/" + frames["documents"].loc[0, "source_path"], "inbox/lost.pdf"]})
    r = E.documents_complete(frames, runner=runner)
    assert r.blocking and not r.passed
    assert _subjects(r, failed_only=True) == ["inbox file inbox/lost.pdf has a documents row"]


def test_rejected_needs_reason_and_something_must_be_read(runner):
    docs = pd.DataFrame([
        dict(doc_id="a", source_path="inbox/a.exe", status="rejected", reject_reason="unsupported format"),
        dict(doc_id="b", source_path="inbox/b.pdf", status="rejected", reject_reason="  "),
    ])
    frames = {"documents": docs, "inbox_files": pd.DataFrame({"path": ["inbox/a.exe", "inbox/b.pdf"]})}
    r = E.documents_complete(frames, runner=runner)
    assert set(_subjects(r, failed_only=True)) == {
        "rejected document inbox/b.pdf has a reason",
        "at least one inbox document read",
    }
    assert r.failures.set_index("subject").loc["rejected document inbox/b.pdf has a reason", "doc_id"] == "b"


# -- frames as the warehouse hands them over -----------------------------------------------
def test_duckdb_typed_frames(seed, runner):
    """The seed frames through the warehouse schema and back (DuckDB dtypes: int32, Int32, datetime64[us], str)."""
    duckdb = pytest.importorskip("duckdb")
    from pathlib import Path

    schema = Path(__file__).resolve().parents[1] / "warehouse" / "schema.sql"
    if not schema.is_file():
        pytest.skip("warehouse/schema.sql not present")
    con = duckdb.connect()
    con.execute(schema.read_text())
    names = ("documents", "financial_facts", "pipeline_facts", "drug_aliases", "deals")
    for name in names:
        df = seed[name]
        if name == "deals":
            df = df.assign(deal_id=[f"deal{i}" for i in range(len(df))])
        con.register("_df", df)
        con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _df")
        con.unregister("_df")
    frames = {n: con.execute(f"SELECT * FROM {n}").df() for n in names}
    frames["inbox_files"] = seed["inbox_files"]
    results = {r.check_name: r for r in E.run_all(frames, runner=runner)}
    assert all(r.passed for r in results.values())
    assert len(results["accounting_identities"].rows) == 30
    assert len(results["text_agrees_with_table"].rows) == 16


def test_minimal_columns_do_not_crash(runner):
    frames = {
        "financial_facts": pd.DataFrame({"fact_id": ["a"], "doc_id": ["d"], "concept": ["Assets"], "value": [1e6]}),
        "pipeline_facts": pd.DataFrame({"drug": ["X"], "kind": ["phase"]}),
        "deals": pd.DataFrame({"kind": ["upfront"]}),
    }
    results = {r.check_name: r for r in E.run_all(frames, runner=runner)}
    assert results["accounting_identities"].passed and results["accounting_identities"].rows.empty
    assert results["periods"].passed
    # no documents frame: offsets cannot be checked, but the figure check still runs (and fails: no evidence)
    assert _subjects(results["provenance"], failed_only=True) == ["Assets ? figure in evidence"]


def test_run_suite_by_name(seed):
    r = E.run_suite("periods", seed)
    assert r.check_name == "periods" and r.passed and "seconds" in r.summary
    with pytest.raises(KeyError):
        E.run_suite("no_such_check", seed)


# -- the GX runner itself ---------------------------------------------------------------------
def test_gx_runner_maps_failures_to_rows_and_stays_quiet(runner, capfd):
    frame = pd.DataFrame({"abs_diff": [0.0, 5.0, 1.0], "tolerance": [1.0, 1.0, 1.0]})
    spec = ("ExpectColumnPairValuesAToBeGreaterThanB", {"column_A": "tolerance", "column_B": "abs_diff", "or_equal": True})
    assert runner.passed("runner_test", frame, spec) == [True, False, True]
    out, err = capfd.readouterr()
    assert "Calculating Metrics" not in out + err  # progress bars are off


def test_gx_runner_raises_when_a_metric_cannot_be_computed(runner):
    with pytest.raises(RuntimeError, match="could not evaluate"):
        runner.passed("runner_bad", pd.DataFrame({"x": ["a", "b"]}),
                      ("ExpectColumnValuesToBeBetween", {"column": "x", "min_value": 0}))


def _statement(lines, months=3):
    """(concept, value in thousands, label) rows numbered from 0 with no heading rows, like the extractor."""
    facts = []
    for row_no, (concept, v, *label) in enumerate(lines):
        unit = "USD/share" if concept.startswith("EarningsPerShare") else "shares" if concept.startswith("Weighted") else "USD"
        value, decimals = (v, 2) if unit == "USD/share" else (v * 1000.0, -3)
        facts.append(_fact(concept, value, row_no=row_no, months=months, unit=unit, decimals=decimals,
                           label=label[0] if label else concept))
    return E.frames.table({"financial_facts": pd.DataFrame(facts)}, "financial_facts")


def test_typical_biotech_statement_without_tax_line():
    ff = _statement([
        ("CollaborationRevenue", 5_000, "Collaboration revenue"),
        ("ResearchAndDevelopmentExpense", 20_000, "Research and development"),
        ("GeneralAndAdministrativeExpense", 8_000, "General and administrative"),
        ("OperatingExpenses", 28_000, "Total operating expenses"),
        ("OperatingIncomeLoss", -23_000, "Loss from operations"),
        ("InvestmentIncomeInterest", 500, "Interest income"),
        ("OtherNonoperatingIncomeExpense", -50, "Other expense, net"),
        ("NonoperatingIncomeExpense", 450, "Total other income (expense), net"),
        ("NetIncomeLoss", -22_550, "Net loss"),
        ("EarningsPerShareBasicAndDiluted", -0.45, "Net loss per share, basic and diluted"),
        ("WeightedAverageNumberOfShareOutstandingBasicAndDiluted", 50_111, "Weighted-average shares"),
    ])
    ev = identity_evaluations(ff)
    assert dict(zip(ev["subject"], ev["abs_diff"] <= ev["tolerance"])) == {
        "OperatingExpenses 3M to 2010-12-31 = ResearchAndDevelopmentExpense + GeneralAndAdministrativeExpense": True,
        "NonoperatingIncomeExpense 3M to 2010-12-31 = InvestmentIncomeInterest + OtherNonoperatingIncomeExpense": True,
        "OperatingIncomeLoss 3M to 2010-12-31 = CollaborationRevenue - OperatingExpenses": True,
        "NetIncomeLoss 3M to 2010-12-31 = OperatingIncomeLoss + NonoperatingIncomeExpense": True,
        "EarningsPerShareBasicAndDiluted 3M to 2010-12-31 = NetIncomeLoss / WeightedAverageNumberOfShareOutstandingBasicAndDiluted": True,
    }


def test_pre_revenue_statement():
    ff = _statement([
        ("ResearchAndDevelopmentExpense", 20_000), ("GeneralAndAdministrativeExpense", 8_000),
        ("OperatingExpenses", 28_000, "Total operating expenses"),
        ("OperatingIncomeLoss", -28_100, "Loss from operations"),  # wrong: should be -28,000
    ])
    ev = identity_evaluations(ff)
    ok = dict(zip(ev["subject"], ev["abs_diff"] <= ev["tolerance"]))
    assert ok == {
        "OperatingExpenses 3M to 2010-12-31 = ResearchAndDevelopmentExpense + GeneralAndAdministrativeExpense": True,
        "OperatingIncomeLoss 3M to 2010-12-31 = -OperatingExpenses": False,
    }
