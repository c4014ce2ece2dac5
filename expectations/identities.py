"""Accounting identities, evaluated in pandas; GX then judges each evaluation.

Two sources of identities:

1. **The table's own structure.** Every table fact carries ``table_no`` and
   ``row_no`` (logical top-down order). A *total* row (a total concept such as
   Revenues/Assets, or a label starting with "Total") must equal the sum of the
   contiguous rows directly above it, in the same column (doc, period_end,
   months), back to the previous total/result row, a heading, or a change of
   unit. A subtotal that belongs inside the total (AssetsCurrent inside Assets,
   Liabilities inside LiabilitiesAndStockholdersEquity, ...) counts as one line
   and its own parts are skipped. A heading is a ``row_no`` that carries no
   fact in any column of the table (an empty cell in one column is nil, not a
   heading).

   Layouts are not always that tidy (headings not numbered, so a line of the
   previous section sits right above; a sub-heading inside a block), so the
   runs of rows ending right above the total are tried, shortest first, across
   headings and earlier totals (each counted as one line, its parts skipped)
   but never past a result row (operating loss, net loss) or a change of unit,
   and the longest run that adds up is the identity. If none adds up, the
   evaluation fails on the block proper (every line up to the previous total;
   a row number with no facts inside it may be a lost row rather than a
   heading, so it does not cut the block). A wrong total or a wrong line does not add up by
   accident within rounding tolerance, so this keeps the check strict. A total
   with a heading directly above it and no run that adds up is not evaluated:
   its lines were not extracted, which is not evidence of a wrong figure.

2. **A fixed list** (``identities.csv``), for identities the layout cannot
   show: Revenues − OperatingExpenses = OperatingIncomeLoss, the pre-tax and
   net results, Assets = LiabilitiesAndStockholdersEquity, EPS = net income ÷
   weighted shares, and "sum of lines" fallbacks used only for totals the
   structure did not already evaluate. An identity may have several
   structural forms (``operating_result.cogs``: cost of goods sold above
   gross margin; ``eps_basic.common``: EPS on the loss attributable to common
   stockholders); it holds if ANY applicable form holds and is reported once.
   The results (operating, pre-tax, net, gross) also try the table's own
   chain: the result row above plus the signed lines in between.

Signs follow XBRL: a debit line (expense, cost, tax expense) under an
income-type subtotal or in the chain of results is subtracted, so "Interest
expense 58,147" printed positive inside "Total other income" is. Bank
statements are not modelled as an operating company (see ``bank_documents``).

Tolerance follows XBRL Calculations 1.1: every printed figure stands for the
interval ± half its last printed digit (0.5 × 10^(−decimals)); an identity
holds when the intervals overlap, i.e. |lhs − rhs| ≤ Σ half-units of all
terms. For EPS, the cent rounding of the printed EPS (0.005) plus the
rounding of net income and share count propagated through the division.
"""

from __future__ import annotations

import csv
import re
from collections import namedtuple
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .frames import fmt_num, half_unit, isnull, period_text

IDENTITIES_CSV = Path(__file__).with_name("identities.csv")

# Concepts that are totals of the rows above them.
TOTAL_CONCEPTS = frozenset(
    {
        "Revenues", "OperatingExpenses", "CostsAndExpenses", "Assets", "AssetsCurrent",
        "AssetsNoncurrent", "Liabilities", "LiabilitiesCurrent", "LiabilitiesNoncurrent",
        "LiabilitiesAndStockholdersEquity",
    }
)

# Rows that close a block without being a sum of it (results of subtraction,
# per-share figures): the walk up from a total stops at them.
RESULT_CONCEPTS = frozenset(
    {
        "OperatingIncomeLoss", "IncomeLossBeforeIncomeTaxes", "NetIncomeLoss", "GrossProfit",
        "ProfitLoss", "ComprehensiveIncomeNetOfTax",
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
        "NetIncomeLossAvailableToCommonStockholdersBasic",
    }
)
RESULT_LABEL = re.compile(
    r"^\s*(net\s+(loss|income)"
    r"|(loss|income)(\s*\((loss|income)\))?\s+(from\s+operations|before)"
    r"|operating\s+(loss|income)|gross\s+(profit|margin))",
    re.I,
)
TOTAL_LABEL = re.compile(r"^\s*total\b", re.I)

# Subtotals that sit inside a larger total: counted as one line of it.
NESTED_IN: dict[str, frozenset[str]] = {
    "Assets": frozenset({"AssetsCurrent", "AssetsNoncurrent"}),
    "Liabilities": frozenset({"LiabilitiesCurrent", "LiabilitiesNoncurrent"}),
    "LiabilitiesAndStockholdersEquity": frozenset(
        {
            "Liabilities", "LiabilitiesCurrent", "LiabilitiesNoncurrent", "StockholdersEquity",
            "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest",
        }
    ),
    "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest": frozenset(
        {"StockholdersEquity"}
    ),
    "CostsAndExpenses": frozenset({"OperatingExpenses", "CostOfRevenue"}),
}

EPS_CENT = 0.005

# XBRL balance, approximated from the concept name: a debit line (an expense,
# a cost, a tax expense) is subtracted where it sits under an income-type
# subtotal or in the chain of results ("Interest expense 58,147" printed
# positive inside "Total other income"). Net "income (expense)" / "gain
# (loss)" lines carry their own sign and are added.
DEBIT_CONCEPT = re.compile(r"(Expense|Expenses|ExpenseBenefit|Cost|Costs|Charge|Charges|Sold)$")
SIGNED_CONCEPT = re.compile(r"IncomeExpense|IncomeLoss|GainLoss|GainsLosses|ExpenseIncome|ExpensesIncome")
INCOME_TOTAL = re.compile(r"income|revenue|gain", re.I)

# Bank statements (net interest income, provision for credit losses, loans
# net of the allowance, deposits) are not modelled: neither their layouts
# (contra lines printed positive, "net" rows, highlights tables whose "Total
# deposits" follows asset lines) nor the operating-company result chain apply.
# On such a release only Assets = L&E and EPS are evaluated.
BANK_CONCEPT = re.compile(
    r"NetInterestIncome|InterestAndDividendIncome|ProvisionFor(Credit|Loan)Loss|"
    r"Allowance(For)?(Credit|Loan)Loss|^ACL$|^(Total)?Deposits$|LoansNet|NetLoans|GrossLoans|"
    r"LoansAndLeasesReceivable|NonInterest(Income|Expense)"
)
BANK_LABEL = re.compile(
    r"net interest income|provision for (credit|loan) losses|allowance for (credit|loan) losses|"
    r"total deposits|loans,? net|net loans|non-?interest (income|expense)",
    re.I,
)
BANK_MARKERS = 2
BANK_IDENTITIES = frozenset({"balance", "eps_basic_diluted", "eps_basic", "eps_diluted"})


@dataclass
class Evaluation:
    doc_id: str
    identity: str
    origin: str  # 'structure' or 'list'
    subject: str
    lhs: float
    rhs: float
    tolerance: float
    fact_ids: list[str] = field(default_factory=list)
    lhs_fact_id: str | None = None
    formula: str = ""

    @property
    def abs_diff(self) -> float:
        return abs(self.lhs - self.rhs)

    def as_row(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "identity": self.identity,
            "origin": self.origin,
            "subject": self.subject,
            "lhs": self.lhs,
            "rhs": self.rhs,
            "abs_diff": self.abs_diff,
            "tolerance": self.tolerance,
            "fact_ids": list(self.fact_ids),
            "observed": fmt_num(self.lhs),
            "expected": f"{fmt_num(self.rhs)} ± {fmt_num(self.tolerance)} ({self.formula})",
        }


EVAL_COLUMNS = [
    "doc_id", "identity", "origin", "subject", "lhs", "rhs", "abs_diff", "tolerance",
    "fact_ids", "observed", "expected",
]


# -- the fixed list -----------------------------------------------------------
@dataclass(frozen=True)
class ListedIdentity:
    name: str
    kind: str  # formula | lines | ratio
    lhs: str
    terms: tuple[tuple[str, str], ...]  # (concept or 're:pattern', coef or role)


@lru_cache(maxsize=1)
def listed_identities() -> tuple[ListedIdentity, ...]:
    rows: dict[str, dict] = {}
    with IDENTITIES_CSV.open(newline="") as fh:
        lines = (ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#"))
        for r in csv.DictReader(lines):
            d = rows.setdefault(r["identity"], {"kind": r["kind"], "lhs": r["lhs"], "terms": []})
            d["terms"].append((r["term"], r["coef"]))
    return tuple(
        ListedIdentity(name, d["kind"], d["lhs"], tuple(d["terms"])) for name, d in rows.items()
    )


# -- selecting facts ------------------------------------------------------------
def reported_table_facts(ff: pd.DataFrame) -> pd.DataFrame:
    """Table facts that state a reported figure (not guidance, value present)."""
    if ff.empty:
        return ff
    m = (ff["source"].str.lower() == "table") & ~ff["is_guidance"] & ff["value"].notna()
    m &= ff["period_end"].notna() & ff["concept"].notna()
    return ff[m.fillna(False)]


def _is_total(row) -> bool:
    return row.concept in TOTAL_CONCEPTS or bool(TOTAL_LABEL.match(row.label or ""))


def _is_result(row) -> bool:
    return row.concept in RESULT_CONCEPTS or bool(RESULT_LABEL.match(row.label or ""))


def _is_debit(row) -> bool:
    c = row.concept or ""
    return bool(DEBIT_CONCEPT.search(c)) and not SIGNED_CONCEPT.search(c)


def _income_total(total) -> bool:
    """A subtotal of income ("Total other income (expense)"): its debit lines are subtracted."""
    if _is_debit(total):
        return False
    return bool(INCOME_TOTAL.search(total.concept or "")) or bool(INCOME_TOTAL.search(total.label or ""))


def _xbrl_coefs(total, parts) -> list[float]:
    if not _income_total(total):
        return [1.0] * len(parts)
    return [-1.0 if _is_debit(p) else 1.0 for p in parts]


def bank_documents(facts: list) -> set:
    """Releases whose statements are a bank's (at least two distinct bank lines)."""
    markers: dict[object, set] = {}
    for f in facts:
        c, lab = f.concept or "", f.label or ""
        if BANK_CONCEPT.search(c):
            markers.setdefault(f.doc_id, set()).add(c)
        elif BANK_LABEL.search(lab):
            markers.setdefault(f.doc_id, set()).add(lab.strip().lower())
    return {d for d, m in markers.items() if len(m) >= BANK_MARKERS}


def _formula(concepts: list[str], coefs: list[float] | None = None) -> str:
    if not concepts:
        return ""
    coefs = coefs or [1.0] * len(concepts)
    out = concepts[0] if coefs[0] >= 0 else f"-{concepts[0]}"
    for c, k in zip(concepts[1:], coefs[1:]):
        out += f" {'+' if k >= 0 else '-'} {c}"
    return out


# -- structure ----------------------------------------------------------------
FACT_FIELDS = ("fact_id", "doc_id", "concept", "label", "value", "unit", "decimals",
               "period_end", "months", "table_no", "row_no")
Fact = namedtuple("Fact", FACT_FIELDS)


def fact_records(facts: pd.DataFrame) -> list[Fact]:
    """Plain tuples: walking rows one by one is far faster than pandas row access."""
    cols = [facts[c].tolist() for c in FACT_FIELDS]
    return [Fact(*vals) for vals in zip(*cols)]


def _months_key(m: object) -> int:
    return -1 if isnull(m) else int(m)


def structural_evaluations(facts: list[Fact], banks: set | frozenset = frozenset()) -> list[Evaluation]:
    tables: dict[tuple, list[Fact]] = {}
    for f in facts:
        if not isnull(f.table_no) and not isnull(f.row_no):
            tables.setdefault((f.doc_id, int(f.table_no)), []).append(f)
    evals: list[Evaluation] = []
    for (doc_id, _), table in tables.items():
        table_rows = {int(f.row_no) for f in table}
        columns: dict[tuple, dict[int, Fact]] = {}
        for f in table:  # one fact per row and column: the first wins
            columns.setdefault((f.period_end, _months_key(f.months)), {}).setdefault(int(f.row_no), f)
        for col in columns.values():
            rows = [col[r] for r in sorted(col)]
            evals += _column_evaluations(str(doc_id), rows, table_rows, doc_id in banks)
    return evals


def _gap(upper: int, lower: int, table_rows: set[int]) -> bool:
    """A row between two facts with no fact in any column: a heading (or a lost row)."""
    return any(r not in table_rows for r in range(upper + 1, lower))


def _is_bank_line(row) -> bool:
    return bool(BANK_CONCEPT.search(row.concept or "")) or bool(BANK_LABEL.search(row.label or ""))


def _column_evaluations(doc_id: str, rows: list, table_rows: set[int], bank: bool = False) -> list[Evaluation]:
    evals: list[Evaluation] = []
    parts_top: dict[int, int] = {}  # index of an evaluated total -> index of its topmost part
    for i, total in enumerate(rows):
        if not _is_total(total):
            continue
        nested = NESTED_IN.get(total.concept, frozenset())
        block: list[int] = []  # indices into rows, nearest first
        at_heading: int | None = None  # len(block) when the first heading was crossed
        at_total: int | None = None  # len(block) when an unrelated total was reached
        j, cur_top, after_jump = i - 1, int(total.row_no), False
        while j >= 0:
            r = rows[j]
            # A heading right above a nested subtotal's parts is that
            # subtotal's own heading ("Current assets:"), not a boundary.
            if at_heading is None and not after_jump and _gap(int(r.row_no), cur_top, table_rows):
                at_heading = len(block)
            after_jump = False
            if r.unit != total.unit or _is_result(r):
                break
            if _is_total(r):
                # Another total that is not known to sit inside this one ends
                # the block proper; it (as one line, its parts skipped) and the
                # rows above it stay candidates, for layouts we cannot name
                # ("Total deposits" inside "Total liabilities").
                if r.concept not in nested and at_total is None:
                    at_total = len(block)
                block.append(j)
                top = parts_top.get(j, j)
                after_jump = top != j
                cur_top, j = int(rows[top].row_no), top - 1
                continue
            block.append(j)
            cur_top, j = int(r.row_no), j - 1
        proper = len(block) if at_total is None else at_total
        chosen, coefs = None, None
        for k in range(1, len(block) + 1):
            run = [rows[x] for x in block[:k]]
            ks = _sum_coefs(total, run)
            if ks is not None:
                chosen, coefs = block[:k], ks  # keep the longest contiguous run that adds up
        if chosen is None:
            if min(proper, len(block) if at_heading is None else at_heading) == 0:
                # A heading or another total right above: its lines were not
                # extracted (or it is a one-line "total"). Not evaluated.
                continue
            if proper == 1 and block[0] == 0 and int(rows[0].row_no) == min(table_rows) \
                    and not _gap(int(rows[0].row_no), int(total.row_no), table_rows):
                # Only the table's first line above it, nothing lost between:
                # a table of selected figures ("Cash 13.2 / Total assets 95.2
                # / Total liabilities 14.6"), not a sum. Not evaluated.
                continue
            # Fails on the block proper: every line up to the previous total.
            # A "heading" inside it may be a lost row, so it is not cut there.
            chosen = block[:proper]
            if bank and any(_is_bank_line(rows[x]) for x in chosen):
                # Contra lines printed positive (allowance), "net" rows, net
                # interest income, deposits after asset lines in a highlights
                # table: the bank's layout is not modelled. Not evaluated.
                continue
            coefs = _xbrl_coefs(total, [rows[x] for x in chosen])
        # An outer total walking past this one counts it as one line and
        # skips its parts, whether it held or not: a wrong line is reported
        # once, by the subtotal it sits in, not again by every total above.
        top = chosen[-1]
        parts_top[i] = parts_top.get(top, top)
        parts = [rows[x] for x in reversed(chosen)]  # top-down, for display
        evals.append(
            _sum_evaluation(doc_id, "table_total", "structure", total, parts, list(reversed(coefs)))
        )
    return evals


def _sum_tolerance(total, parts) -> float:
    return half_unit(total.decimals) + sum(half_unit(p.decimals) for p in parts)


def _holds(lhs: float, rhs: float, tol: float) -> bool:
    return abs(lhs - rhs) <= tol + max(abs(lhs), abs(rhs), 1.0) * 1e-9


def _sum_coefs(total, parts) -> list[float] | None:
    """The coefficients with which ``parts`` add up to ``total``, or None.

    Two forms: every line added (as printed, signs included), or XBRL signs
    (a debit line under an income subtotal subtracted)."""
    tol = _sum_tolerance(total, parts)
    plain = [1.0] * len(parts)
    for coefs in (plain, _xbrl_coefs(total, parts)):
        rhs = sum(k * float(p.value) for k, p in zip(coefs, parts))
        if _holds(float(total.value), rhs, tol):
            return coefs
    return None


def _sum_check(total, parts) -> bool:
    return _sum_coefs(total, parts) is not None


def _sum_evaluation(doc_id, identity, origin, total, parts, coefs=None) -> Evaluation:
    coefs = coefs or [1.0] * len(parts)
    rhs = sum(k * float(p.value) for k, p in zip(coefs, parts))
    formula = _formula([p.concept for p in parts], coefs)
    period = period_text(total.period_end, total.months)
    return Evaluation(
        doc_id=doc_id,
        identity=identity,
        origin=origin,
        subject=f"{total.concept} {period} = {formula}",
        lhs=float(total.value),
        rhs=rhs,
        tolerance=_sum_tolerance(total, parts),
        fact_ids=[total.fact_id] + [p.fact_id for p in parts],
        lhs_fact_id=total.fact_id,
        formula=formula,
    )


# -- fixed list ---------------------------------------------------------------
def _group(name: str) -> str:
    """Forms of one identity share the name before the dot ("operating_result.gross")."""
    return name.split(".", 1)[0]


@lru_cache(maxsize=1)
def identity_groups() -> tuple[tuple[str, str, tuple[ListedIdentity, ...]], ...]:
    """(group, lhs concept, forms in file order): an identity holds if any of its forms holds."""
    groups: dict[tuple[str, str], list[ListedIdentity]] = {}
    for ident in listed_identities():
        groups.setdefault((_group(ident.name), ident.lhs), []).append(ident)
    return tuple((g, lhs, tuple(forms)) for (g, lhs), forms in groups.items())


# Identities of the chain of results: the table's own layout is one more
# form of them (the result equals the result above it plus the signed lines
# in between, e.g. net loss = loss from continuing operations + loss from
# discontinued operations; pre-tax = operating result + each other-income line).
CHAIN_GROUPS = frozenset({"operating_result", "pretax_result", "net_result", "gross_profit"})


def listed_evaluations(facts: list[Fact], structured_totals: set[str],
                       skip_docs: set | frozenset = frozenset(),
                       proven_parts: dict | None = None) -> list[Evaluation]:
    periods: dict[tuple, list[Fact]] = {}
    columns: dict[tuple, list[Fact]] = {}
    for f in facts:
        periods.setdefault((f.doc_id, f.period_end, _months_key(f.months)), []).append(f)
        if not isnull(f.table_no) and not isnull(f.row_no):
            columns.setdefault((f.doc_id, int(f.table_no), f.period_end, _months_key(f.months)), []).append(f)
    for col in columns.values():
        col.sort(key=lambda f: int(f.row_no))
    proven_parts = proven_parts or {}

    def order(f: Fact) -> tuple:
        # statement order: by table, then row; facts without a table last
        return (isnull(f.table_no), 0 if isnull(f.table_no) else int(f.table_no),
                isnull(f.row_no), 0 if isnull(f.row_no) else int(f.row_no))

    evals: list[Evaluation] = []
    for (doc_id, _, _), period in periods.items():
        bank = doc_id in skip_docs
        by_concept: dict[str, list] = {}
        for r in sorted(period, key=order):
            by_concept.setdefault(r.concept, []).append(r)
        for group, lhs_concept, forms in identity_groups():
            if bank and group not in BANK_IDENTITIES:
                continue  # the bank's layout is not the operating company's
            for lhs in by_concept.get(lhs_concept, []):
                ev = _group_evaluation(str(doc_id), group, forms, lhs, by_concept, structured_totals,
                                       columns, proven_parts)
                if ev is not None:
                    evals.append(ev)
    return evals


def _group_evaluation(doc_id, group, forms, lhs, by_concept, structured_totals, columns,
                      proven_parts) -> Evaluation | None:
    """The first form that holds; if none does, the first form that could be evaluated."""
    first = None
    for ident in forms:
        ev = _listed_one(doc_id, ident, lhs, by_concept, structured_totals)
        if ev is None:
            continue
        if _holds(ev.lhs, ev.rhs, ev.tolerance):
            return ev
        first = first or ev
    if first is None:
        return None  # no form applies: not evaluated (the layout alone never adds one)
    if group in CHAIN_GROUPS:
        for ev in _chain_evaluations(doc_id, lhs, columns, proven_parts):
            if _holds(ev.lhs, ev.rhs, ev.tolerance):
                return ev
    return first


def _chain_evaluations(doc_id, result, columns, proven_parts) -> list[Evaluation]:
    """``result`` = the result row above it (if any) + the signed lines in between.

    Walking up the column from ``result``: a total counts as one line and,
    when the structure proved it, its parts are skipped; the walk stops at the
    previous result row (the start, added), a change of unit or the table's
    top. A second form ignores totals altogether (their lines counted one by
    one). Debit lines (expenses, costs, tax expense) are subtracted.
    """
    if isnull(result.table_no) or isnull(result.row_no):
        return []
    col = columns.get((result.doc_id, int(result.table_no), result.period_end, _months_key(result.months)), [])
    above = [f for f in col if int(f.row_no) < int(result.row_no)]
    start, lines = None, []
    for f in reversed(above):
        if f.unit != result.unit:
            break
        if _is_result(f):
            start = f
            break
        lines.append(f)
    if not lines:
        return []
    skipped: set = set()
    with_totals, without_totals = [], []
    for f in lines:
        if not _is_total(f):
            without_totals.append(f)
        if f.fact_id in skipped:
            continue
        with_totals.append(f)
        if _is_total(f):
            skipped |= proven_parts.get(f.fact_id, set())
    out = []
    for run in (with_totals, without_totals):
        if not run or (run is without_totals and run == with_totals):
            continue
        parts = ([start] if start is not None else []) + list(reversed(run))
        coefs = [1.0 if p is start else (-1.0 if _is_debit(p) else 1.0) for p in parts]
        out.append(_sum_evaluation(doc_id, "result_chain", "structure", result, parts, coefs))
    return out


def _pick(candidates: list, lhs) -> object | None:
    """The term fact for ``lhs``: same table if there is one, else the first."""
    if not candidates:
        return None
    for c in candidates:
        if not isnull(lhs.table_no) and not isnull(c.table_no) and c.table_no == lhs.table_no:
            return c
    return candidates[0]


def _matching(term: str, ident: ListedIdentity, by_concept: dict) -> dict[str, list]:
    """Facts of the period whose concept is ``term`` (or matches ``re:pattern``)."""
    if term.startswith("re:"):
        pat = re.compile(term[3:])
        return {c: v for c, v in by_concept.items() if c != ident.lhs and pat.match(c)}
    return {term: by_concept[term]} if term in by_concept else {}


def _same_table(facts: list, lhs) -> list:
    if isnull(lhs.table_no):
        return facts
    return [f for f in facts if not isnull(f.table_no) and f.table_no == lhs.table_no]


def _listed_one(doc_id, ident: ListedIdentity, lhs, by_concept, structured_totals) -> Evaluation | None:
    if ident.kind == "ratio":
        return _ratio_evaluation(doc_id, ident, lhs, by_concept)
    if ident.kind == "lines" and lhs.fact_id in structured_totals:
        return None  # the table's structure already proved (or failed) this total
    parts, coefs, absent = [], [], []
    for term, coef in ident.terms:
        found = _matching(term, ident, by_concept)
        if coef == "absent":
            # The identity only holds for layouts without this line (e.g. net
            # loss = operating loss + other income when there is no tax line).
            absent.append(found)
            continue
        matched = [_pick(v, lhs) for v in found.values()]
        matched = [m for m in matched if m is not None and m.unit == lhs.unit]
        needed = 2 if (term.startswith("re:") and ident.kind == "lines") else 1
        if len(matched) < needed:
            return None  # a component line is absent: not evaluated, not failed
        parts += matched
        coefs += [float(coef)] * len(matched)
    if not parts:
        return None
    # "Absent" means absent from the statement the terms were taken from:
    # the lhs's table and every table a term was picked from.
    tables = {lhs.table_no} | {p.table_no for p in parts}
    tables = {int(t) for t in tables if not isnull(t)}
    for found in absent:
        for v in found.values():
            if _same_table(v, lhs) or any(not isnull(f.table_no) and int(f.table_no) in tables for f in v):
                return None
    return _sum_evaluation(doc_id, ident.name, "list", lhs, parts, coefs)


def _ratio_evaluation(doc_id, ident: ListedIdentity, eps, by_concept) -> Evaluation | None:
    roles = {role: concept for concept, role in ident.terms}
    num = _pick(by_concept.get(roles.get("numerator", ""), []), eps)
    den = _pick(by_concept.get(roles.get("denominator", ""), []), eps)
    if num is None or den is None or float(den.value) == 0:
        return None
    n, d = float(num.value), float(den.value)
    ratio = n / d
    # Printed EPS is rounded to the cent; net income and shares carry their
    # own rounding, which moves the quotient by at most this much.
    eps_half = half_unit(eps.decimals) if not isnull(eps.decimals) else EPS_CENT
    tol = max(eps_half, EPS_CENT) + half_unit(num.decimals) / abs(d) + abs(n) * half_unit(den.decimals) / d**2
    formula = f"{num.concept} / {den.concept}"
    return Evaluation(
        doc_id=doc_id,
        identity=ident.name,
        origin="list",
        subject=f"{eps.concept} {period_text(eps.period_end, eps.months)} = {formula}",
        lhs=float(eps.value),
        rhs=ratio,
        tolerance=tol,
        fact_ids=[eps.fact_id, num.fact_id, den.fact_id],
        lhs_fact_id=eps.fact_id,
        formula=formula,
    )


# -- entry point ----------------------------------------------------------------
def identity_evaluations(financial_facts: pd.DataFrame) -> pd.DataFrame:
    """One row per identity evaluated, with lhs, rhs, abs_diff, tolerance and fact_ids."""
    table_facts = reported_table_facts(financial_facts)
    if table_facts.empty:
        return pd.DataFrame(columns=EVAL_COLUMNS)
    facts = fact_records(table_facts)
    banks = bank_documents(facts)
    structural = structural_evaluations(facts, banks)
    structured_totals = {e.lhs_fact_id for e in structural}
    proven_parts = {
        e.lhs_fact_id: set(e.fact_ids[1:]) for e in structural if _holds(e.lhs, e.rhs, e.tolerance)
    }
    listed = listed_evaluations(facts, structured_totals, banks, proven_parts)
    # The same identity can come out of both routes (a "lines" total the
    # structure missed is excluded above; formula identities never overlap
    # the structure), but guard against exact repeats anyway.
    seen, rows = set(), []
    for e in structural + listed:
        key = (e.doc_id, e.subject, tuple(e.fact_ids))
        if key in seen:
            continue
        seen.add(key)
        rows.append(e.as_row())
    return pd.DataFrame(rows, columns=EVAL_COLUMNS)
