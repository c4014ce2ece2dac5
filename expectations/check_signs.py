"""signs_and_scale: XBRL signs and orders of magnitude.

* Expenses, revenues and balance-sheet totals are never negative (XBRL puts
  the sign in the concept: a net loss is negative, an expense positive).
* A per-share figure is below 1,000 in absolute value; a share count is at
  least 1,000 (a count printed "in thousands" but stored unscaled gives 67,965
  instead of 67,965,000 and still passes; a count stored as 68 does not).
* A 1,000× jump between related figures is a scale mix-up ("in thousands"
  applied twice or not at all). Related means: the same figure (company,
  concept, period_end, months) wherever it appears — any two releases or a
  text and a table fact of one release — and, for concepts that move slowly
  (operating expenses, total assets, cash, share counts), the same concept and
  duration within one release. Each fact is compared with the median of all
  its related figures; a ratio ≥ 500 fails (warn: it may be real, but rarely
  is). With only two related figures both are flagged: either may be the one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from .frames import fact_label, fmt_num, table
from .gx_runner import GXRunner, shared_runner
from .results import RowCollector, SuiteResult

NONNEGATIVE = frozenset(
    {
        "ResearchAndDevelopmentExpense", "GeneralAndAdministrativeExpense",
        "SellingGeneralAndAdministrativeExpense", "OperatingExpenses", "CostsAndExpenses",
        "CostOfRevenue", "Assets", "AssetsCurrent", "LiabilitiesAndStockholdersEquity",
        "Liabilities", "LiabilitiesCurrent", "Revenues",
        "CashCashEquivalentsAndMarketableSecurities", "CashAndCashEquivalentsAtCarryingValue",
    }
)
# "...Revenue" lines and "...Expense" lines are non-negative too, except the
# net "income (expense)" and "expense (benefit)" lines, which carry a sign.
NONNEGATIVE_PATTERN = re.compile(r"(Revenue|Expense)$")
SIGNED_PATTERN = re.compile(r"IncomeExpense|ExpenseBenefit|Benefit$")

STABLE = frozenset(
    {
        "ResearchAndDevelopmentExpense", "GeneralAndAdministrativeExpense",
        "SellingGeneralAndAdministrativeExpense", "OperatingExpenses", "CostsAndExpenses",
        "Assets", "LiabilitiesAndStockholdersEquity", "CashCashEquivalentsAndMarketableSecurities",
        "CashAndCashEquivalentsAtCarryingValue",
        "WeightedAverageNumberOfShareOutstandingBasicAndDiluted",
        "WeightedAverageNumberOfSharesOutstandingBasic", "WeightedAverageNumberOfDilutedSharesOutstanding",
    }
)
MAX_PER_SHARE = 1000.0
MIN_SHARES = 1000.0
SCALE_RATIO = 500.0

SPECS = [
    ("ExpectColumnValuesToBeBetween", {"column": "nonneg_value", "min_value": 0}),
    ("ExpectColumnValuesToBeBetween",
     {"column": "per_share_abs", "max_value": MAX_PER_SHARE, "strict_max": True}),
    ("ExpectColumnValuesToBeBetween", {"column": "share_count", "min_value": MIN_SHARES}),
    ("ExpectColumnValuesToBeBetween", {"column": "scale_ratio", "max_value": SCALE_RATIO, "strict_max": True}),
]


# Currencies of small denomination, where a per-share figure of 1,000 or more is ordinary (¥1,250 a share).
SMALL_UNIT_CURRENCIES = ("JPY", "KRW", "INR", "IDR", "HUF", "CLP", "COP")


def _per_share_bounded(unit: pd.Series) -> pd.Series:
    """Per-share units ("USD/share", "EUR/share") whose figures stay below MAX_PER_SHARE."""
    u = unit.astype("string").fillna("")
    return u.str.endswith("/share") & ~u.str.split("/").str[0].isin(SMALL_UNIT_CURRENCIES)


def _is_nonnegative(concept: object) -> bool:
    if not isinstance(concept, str):
        return False
    if concept in NONNEGATIVE:
        return True
    return bool(NONNEGATIVE_PATTERN.search(concept)) and not SIGNED_PATTERN.search(concept)


def _scale_ratios(ff: pd.DataFrame, documents: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Per fact: ratio to the median of its related figures, and that median."""
    ratio = pd.Series(np.nan, index=ff.index)
    median = pd.Series(np.nan, index=ff.index)
    f = ff[~ff["is_guidance"] & ff["value"].notna() & (ff["value"] != 0) & ff["concept"].notna()]
    if f.empty:
        return ratio, median
    # Releases of one company compare with each other; without documents a
    # release only compares with itself.
    docs = documents.drop_duplicates("doc_id").set_index("doc_id")
    company = docs["ticker"].combine_first(docs["company"]).astype(object)
    issuer = f["doc_id"].map(company).astype(object)
    f = f.assign(
        _abs=f["value"].abs(),
        _company=issuer.where(issuer.notna(), f["doc_id"].astype(object)),
        _months=f["months"].fillna(-1),
        _end=f["period_end"].fillna(pd.Timestamp(0)),
    )
    groupings = [
        (f, ["_company", "concept", "unit", "_end", "_months"]),
        (f[f["concept"].isin(STABLE)], ["doc_id", "concept", "unit", "_months"]),
    ]
    # A fact's related figures are the union over both groupings, so a text
    # figure is judged against the table figures of its concept too, and the
    # one figure off by 1,000× is blamed rather than everything compared with it.
    # Positions into ``f`` and numpy arrays keep this linear in the group sizes.
    pos_of = {idx: p for p, idx in enumerate(f.index)}
    values = f["_abs"].to_numpy(dtype=float)
    member_groups: list[list[np.ndarray]] = [[] for _ in range(len(f))]
    for frame, keys in groupings:
        for idx in frame.groupby(keys, sort=False).indices.values():
            if len(idx) < 2:
                continue
            members = np.array([pos_of[i] for i in frame.index[idx]])
            for p in members:
                member_groups[p].append(members)
    ratios, medians = np.full(len(f), np.nan), np.full(len(f), np.nan)
    for p, groups in enumerate(member_groups):
        if not groups:
            continue
        others = groups[0]
        for extra in groups[1:]:
            others = np.union1d(others, extra)
        others = others[others != p]
        v, m = values[p], float(np.median(values[others]))
        ratios[p], medians[p] = max(v, m) / min(v, m), m
    ratio.loc[f.index], median.loc[f.index] = ratios, medians
    return ratio, median


def _label(f) -> str:
    return fact_label(f["concept"], f["period_end"], f["months"], f["source"], f["is_guidance"])


def signs_and_scale(
    frames: Mapping[str, pd.DataFrame], *, runner: GXRunner | None = None
) -> SuiteResult:
    rows = RowCollector("signs_and_scale")
    ff = table(frames, "financial_facts")
    if ff.empty:
        return rows.result()
    documents = table(frames, "documents")
    # For a guidance range the low end stands in for the (absent) value.
    shown = ff["value"].combine_first(ff["value_low"])
    ev = pd.DataFrame(index=ff.index)
    ev["nonneg_value"] = shown.where(ff["concept"].map(_is_nonnegative))
    ev["per_share_abs"] = shown.abs().where(_per_share_bounded(ff["unit"]))
    ev["share_count"] = shown.where(ff["unit"] == "shares")
    ev["scale_ratio"], median = _scale_ratios(ff, documents)
    ev = ev.astype(float)
    results = (runner or shared_runner()).passed_each("signs_and_scale", ev, SPECS)

    labels = {
        "nonneg_value": ("not negative", "≥ 0", "error"),
        "per_share_abs": ("per-share below 1000", "|value| < 1000", "error"),
        "share_count": ("share count at least 1000", "≥ 1000", "error"),
        "scale_ratio": ("scale vs related figures", None, "warn"),
    }
    facts = ff.to_dict("records")
    shown_v, median_v = shown.to_numpy(), median.to_numpy()
    for (_, kwargs), ok in zip(SPECS, results):
        col = kwargs["column"]
        what, expected, severity = labels[col]
        metric = ev[col].to_numpy()
        for pos, passed in enumerate(ok):
            if np.isnan(metric[pos]):
                continue  # rule does not apply to this fact
            f = facts[pos]
            observed, exp = fmt_num(shown_v[pos]), expected
            if col == "scale_ratio":
                observed = f"{observed} ({metric[pos]:.1f}× the median)"
                exp = f"within {SCALE_RATIO:.0f}× of {fmt_num(median_v[pos])}"
            rows.add(
                doc_id=f["doc_id"], subject=f"{_label(f)} {what}", passed=passed, severity=severity,
                observed=observed, expected=exp, fact_ids=[f["fact_id"]],
            )
    return rows.result()
