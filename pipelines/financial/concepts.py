"""Statement line label -> concept, as data (``concepts.csv``).

``concept_for(label, context)`` normalizes the printed label, then tries the
CSV rows top to bottom; the first row whose ``pattern`` fully matches and
whose ``context`` regex (empty = any) is found in the lower-cased context
string wins. The context is free text: callers pass the statement kind and the
heading the row sits under (``"income|expenses"``, ``"balance|current
assets"``), so that a bare "Basic" under "Net loss per share" and under
"Weighted average shares" map to different concepts.

Sign rules (column ``sign``), applied per row by ``apply_sign``:

* ``as_printed``: parentheses/minus are the sign.
* ``income_loss``: a label pointing only to the negative direction ("Net loss",
  "Loss from operations", "Other expense, net") is negative whatever the
  presentation: if none of its figures is printed negative they are all
  negated; if all are printed negative they are kept; a mix is ambiguous and
  the row is dropped. A label that names both directions with one in
  parentheses ("Net (loss) income", "Income tax (expense) benefit") reads the
  word outside the parentheses as the positive direction.
* ``tax``: like ``income_loss`` with "benefit" as the negative direction and
  expense/provision as the positive one (XBRL IncomeTaxExpenseBenefit).
* ``cash_flow``: "used in" is the negative direction, "provided by" the positive.
* ``change``: "decrease" is the negative direction, "increase" the positive
  ("Net (decrease) increase in cash and cash equivalents").
* ``expense``: costs are positive in XBRL; a row printed entirely in
  parentheses (expenses shown as deductions) is flipped.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CSV_PATH = Path(__file__).with_name("concepts.csv")


@dataclass(frozen=True)
class ConceptInfo:
    concept: str
    unit_kind: str  # money | per_share | shares
    sign: str  # as_printed | income_loss | tax | expense
    balance: str  # duration | instant
    order: int  # top-down rank inside a statement (reversal detection)
    known: bool = True  # False for a concept derived from the label


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    context: re.Pattern[str] | None
    info: ConceptInfo


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    rules = []
    with CSV_PATH.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            info = ConceptInfo(
                concept=row["concept"],
                unit_kind=row["unit"],
                sign=row["sign"],
                balance=row["balance"],
                order=int(row["order"] or 0),
            )
            ctx = row["context"].strip()
            rules.append(
                _Rule(re.compile(row["pattern"]), re.compile(ctx) if ctx else None, info)
            )
    return tuple(rules)


_FOOTNOTE = re.compile(r"\(\d\)|\[\d+\]|\*+|\u2020|\u2021")
_DROP = re.compile(r"[$:,;]")
_SPACE = re.compile(r"\s+")
# The currency a per-share or key-figures line names after its label ("Basic
# earnings per share (RMB yuan)", "Revenue (EUR)"): the table's money, not part
# of the line's name. Cents are not: "(HK cents)" stays and is not read as money.
_CURRENCY_TAIL = re.compile(
    r"\s*\((?:in )?(?:(?:rmb|cny|eur|usd|us|hk|hkd|gbp|chf|sek|dkk|nok|jpy|sgd|aud|cad|nzd|inr|\u20ac|\u00a3|\u00a5"
    r"|euros?|dollars?|renminbi|yuan)(?: yuan)?)?\)$"
)


def normalize_label(label: str) -> str:
    """Lower case, straight quotes, no $/colon/comma/footnote marks, single spaces."""
    t = label.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    t = t.replace("\u2013", "-").replace("\u2014", "-")
    t = _FOOTNOTE.sub(" ", t)
    t = _DROP.sub(" ", t.lower())
    t = t.replace(" '", "'").replace("( ", "(").replace(" )", ")")
    t = _SPACE.sub(" ", t).strip(" .-")
    return _CURRENCY_TAIL.sub("", t) if t.endswith(")") else t


@lru_cache(maxsize=4096)
def concept_for(label: str, context: str | None = None) -> ConceptInfo | None:
    """The concept of a statement line, or None when the label is not known."""
    norm = normalize_label(label)
    if not norm:
        return None
    ctx = (context or "").lower()
    for rule in _rules():
        if rule.pattern.fullmatch(norm) and (rule.context is None or rule.context.search(ctx)):
            return rule.info
    return None


def is_known_label(label: str, skip: bool = True) -> bool:
    """True when some CSV row matches the label in some context (for label splitting).

    ``skip=False``: a row that maps the label to ``SKIP`` ("Other") does not count.
    """
    norm = normalize_label(label)
    return any(r.pattern.fullmatch(norm) and (skip or r.info.concept != "SKIP") for r in _rules())


_WORD = re.compile(r"[A-Za-z0-9]+")
_DETAIL = re.compile(r"\d|\b(?:as of|net of|at cost|par value|authorized|issued|respectively)\b", re.I)
# Where the details of a label start: "Preferred stock, Series B: $0.001 par value, ...".
_DETAIL_SEP = re.compile(r"[,(;:]")
# Words printed in capitals inside a label ("COMMITMENTS AND CONTINGENCIES") that are
# not acronyms.
_CAPS_SMALL = frozenset({"AND", "OF", "THE", "TO", "FOR", "IN", "ON", "OR", "AT", "BY", "FROM", "NET", "LESS"})
_DEBIT_END = re.compile(r"(?:Expense|Expenses|Cost|Costs|Charge|Charges|Sold)$")
_EXPENSE_WORD = re.compile(r"(?i)\b(?:expenses?|costs?|charges?)\b")
# "Share-based compensation" is an amount, not a share count.
_SHARE_WORDS = re.compile(r"(?i)\bshares?\b(?!-based)|\bunits?\b")
_SKIP_WORDS = {"the", "a", "an"}
# "Ordinary shares, Class A, $0.000004 par value, ... issued": the amount of share
# capital on the balance sheet, money whatever its name says.
_CAPITAL_LINE = re.compile(r"(?i)(?:common|ordinary|preferred|preference)\s+(?:stock|shares?)\b.{0,60}?\bpar value\b")
_GENERIC = {
    "basic", "diluted", "basic and diluted", "total", "subtotal", "other", "net", "others", "gross",
    "current", "non-current", "noncurrent", "long-term", "short-term", "related party", "third party",
}


def derived_concept(label: str, context: str | None = None) -> ConceptInfo | None:
    """A CamelCase concept for a company-specific line, from its label.

    The suffix says what kind of line it is when the heading tells
    (revenue / expense); balance-sheet lines get an instant. The value keeps
    its printed sign (the name says what it is: "LossOnDisposal"), except that
    expense lines printed as deductions are made positive. Returns None for a
    label with no words to build a name from, or a per-share / share-count
    line whose unit cannot be told.
    """
    capital = bool(_CAPITAL_LINE.match(label))
    label = _without_details(label)
    if _SHARE_WORDS.search(label) and not capital:
        return None  # per-share or share-count line of unknown kind: unit unclear
    if normalize_label(label) in _GENERIC:
        return None  # "Diluted", "Total": says nothing without its heading
    words = _words(label)
    if not words:
        return None
    # Acronyms ("ACL", "GMGI") keep their capitals, unless the whole label is
    # printed in capitals ("COMMITMENTS AND CONTINGENCIES").
    caps = not any(c.islower() for c in label) and any(len(w) > 4 for w in words)
    name = "".join(
        w[:1].upper() + w[1:].lower() if caps or not w.isupper() or len(w) > 4 or w in _CAPS_SMALL else w
        for w in words
    )
    ctx = (context or "").lower()
    balance = "instant" if ctx.startswith("balance") else "duration"
    sign = "as_printed"
    heading = ctx.split("|", 1)[-1]
    has_income = re.search(r"income|gain|revenue", heading)
    added = False
    if "revenue" in heading and "expense" not in heading and not name.endswith("Revenue"):
        name += "Revenue"
    elif re.search(r"expense|costs", heading) and not has_income:
        if not name.endswith(("Expense", "Expenses")):
            name += "Expense"
            added = True
        sign = "expense"
    if re.search(r"(?i)\b(expenses?|costs?)\b", label) and not re.search(r"(?i)income|gain|revenue", label):
        sign = "expense"
    elif re.search(r"(?i)\b(gains?|income|revenues?|loss|losses)\b", label) and added:
        # "Gain (loss) on foreign exchange" among expenses: named and signed as printed.
        name, sign = name[: -len("Expense")], "as_printed"
    if sign == "expense" and not _DEBIT_END.search(name):
        name = _expense_last(label, name)
    return ConceptInfo(name, "money", sign, balance, 0, known=False)


def _without_details(label: str) -> str:
    """The label before its details: "Common stock, $0.001 par value, 25,000,000 shares
    authorized" -> "Common stock", "Preferred stock, Series B: $0.001 par value; ..." ->
    "Preferred stock, Series B", "Treasury stock, at cost (59,796 shares)" -> "Treasury stock".

    The cut is at the first separator (, ( ; :) whose part up to the next separator
    holds a detail (a figure, "par value", "net of", "as of", ...).
    """
    seps = [m.start() for m in _DETAIL_SEP.finditer(label)]
    for i, at in enumerate(seps):
        end = seps[i + 1] if i + 1 < len(seps) else len(label)
        if _DETAIL.search(label, at + 1, end):
            return label[:at]
    return label


def _words(text: str) -> list[str]:
    """The words of a name: no digits, no "the" / "a" / "an" (but "Class A" keeps its "A")."""
    return [
        w for w in _WORD.findall(text.replace("'", ""))
        if not w.isdigit() and (w.lower() not in _SKIP_WORDS or w == "A")
    ]


def _camel(text: str) -> str:
    return "".join(w[:1].upper() + w[1:].lower() if not w.isupper() or len(w) > 4 else w for w in _words(text))


def _expense_last(label: str, name: str) -> str:
    """An expense line's name ends with its expense word: "Interest expense: Related party"
    -> "RelatedPartyInterestExpense" (the qualifier printed after a separator goes first),
    so that the line reads as a debit wherever totals are checked."""
    m = None
    for m in _EXPENSE_WORD.finditer(label):
        pass
    if m is None:
        return name
    rest = label[m.end():]
    sep = re.match(r"\s*(?::|-|\u2013|\u2014|,)\s*", rest)
    if not sep:
        return name
    head, tail = _camel(label[: m.end()]), _camel(rest[sep.end():])
    return tail + head if tail and head and head[:1].isupper() else name


_PAREN = re.compile(r"\([^)]*\)")
_NEG_WORDS = {
    "income_loss": re.compile(r"\b(loss|losses|deficit|expense|expenses)\b"),
    "tax": re.compile(r"\b(?:benefits?|credits?)\b"),
    "cash_flow": re.compile(r"\bused\b"),
    "change": re.compile(r"\bdecreases?\b"),
}
_POS_WORDS = {
    "income_loss": re.compile(r"\b(income|earnings|profit|gain|gains)\b"),
    "tax": re.compile(r"\b(expense|provision)\b"),
    "cash_flow": re.compile(r"\bprovided\b"),
    "change": re.compile(r"\bincreases?\b"),
}


def apply_sign(info: ConceptInfo, label: str, values: list[float | None]) -> list[float | None] | None:
    """XBRL-signed values of one row, or None when the sign cannot be decided."""
    rule = info.sign
    present = [v for v in values if v is not None]
    if rule == "expense":
        if present and all(v <= 0 for v in present) and any(v < 0 for v in present):
            return [(-v if v else 0.0) if v is not None else None for v in values]
        return values
    if rule not in _NEG_WORDS:
        return values
    norm = normalize_label(label)
    outside = _PAREN.sub(" ", norm)
    inside = " ".join(_PAREN.findall(norm))
    neg, pos = _NEG_WORDS[rule], _POS_WORDS[rule]
    if not (neg.search(outside) and not pos.search(outside)):
        return values  # positive direction named first: as printed
    if neg.search(outside) and pos.search(inside):
        # "Income tax (expense) benefit": printed positive = benefit.
        return [(-v if v else 0.0) if v is not None else None for v in values]
    if all(v >= 0 for v in present):
        return [(-v if v else 0.0) if v is not None else None for v in values]
    if all(v <= 0 for v in present):
        return values
    return None  # mixed signs under a one-direction label: ambiguous


# The sections of a cash-flow statement, named after the subtotal closing them.
CASH_SECTIONS = {
    "NetCashProvidedByUsedInOperatingActivities": "Operating",
    "NetCashProvidedByUsedInInvestingActivities": "Investing",
    "NetCashProvidedByUsedInFinancingActivities": "Financing",
}
_CASH_GENERIC = _GENERIC | {"interest", "taxes", "income taxes", "net loss", "net income", "adjustments"}


def cash_flow_concept(label: str, section: str, heading: str | None = None) -> ConceptInfo | None:
    """A company line of a cash-flow statement: its name and the section it sits in
    ("Accounts receivable" in the operating section -> AccountsReceivableOperatingCashFlow).

    The value is the line's effect on cash as printed (an increase of a receivable
    printed "(30,946)" is -30,946): the name says so rather than claim an XBRL
    "IncreaseDecrease" concept whose sign depends on whether the line is an asset
    or a liability. Generic labels ("Interest", "Other") take their heading's words
    first ("Cash paid for: Interest" -> CashPaidForInterestSupplementalCashFlow).
    """
    label = _without_details(label)
    head, colon, tail = label.rpartition(":")
    if colon and normalize_label(tail) and normalize_label(tail) not in _CASH_GENERIC:
        label = tail  # "Adjustments to reconcile net loss ...: Depreciation and amortization"
    norm = normalize_label(label)
    if not norm:
        return None
    name = _camel(label)
    if norm in _CASH_GENERIC:
        h = _camel(re.sub(r"(?i)\bduring the (?:period|year|quarter)s?\b|\bthe\b", " ", heading or ""))
        if not h or normalize_label(heading or "") in _GENERIC:
            return None
        name = h + name
    if not name or not name[0].isalpha():
        return None
    return ConceptInfo(f"{name}{section}CashFlow", "money", "as_printed", "duration", 0, known=False)
