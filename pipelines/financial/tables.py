"""Financial statement tables of a release -> ``FinancialFact`` rows.

``extract_table_facts(doc)`` finds the tables (``table_lines``), reads their
column periods and scale (``table_periods``), puts scrambled PDF tables back
in order, splits rows that a PDF merged, maps every label to a concept
(``concepts``) and emits one fact per figure.

Rules that keep "no wrong value anywhere":

* A row is used only when its figures can be placed: n figures for n period
  columns, or k*n figures with k labels (a merged row) where every cell holds
  exactly k figures. Anything else is skipped.
* A merged label is split into k labels at capitalized-word boundaries; when
  several splits are possible, only one where every part is a known label is
  taken.
* A table yields facts only when it is a financial statement (title such as
  "BALANCE SHEETS", or a money scale plus known lines) or has at least two
  lines with known concepts; company-specific lines get a concept derived
  from their label only inside such a table.
* Scale "(in thousands ...)" multiplies money and share counts, never
  per-share figures. Share counts are left as printed when the header exempts
  them ("except share and per share amounts") or when scaling would make more
  than 20 billion shares (the count was evidently printed in full). When the
  table has both net income and EPS for a column, the share count reading
  (scaled or as printed) closest to net income / EPS wins instead.
* A table whose known lines run bottom-up (Net loss above Revenues, a
  "Revenues:" heading on the last line) is a reversed PDF table and is read
  in reverse; ``row_no`` is the logical top-down order of the figure rows.
* ``table_no`` counts the tables that yield facts; instants have
  ``period_start == period_end`` and ``months == 0``. ``row_no`` numbers every
  figure row, also one that yields nothing (unreadable figures, unknown
  label), so a total is never taken for the sum of the rows above a gap.
  A balance-sheet table of selected figures ("Balance Sheet Data", "Selected
  Financial Data", "Financial Highlights" with dates as columns) lists totals
  without their lines (cash, working capital, total assets, accumulated
  deficit, total equity): its facts carry ``row_no`` None, since the rows above
  a total are not its parts.
* A known concept is used only in a table of its kind: a duration line
  ("Net income" in a bank's balance sheet) yields nothing among instants,
  an instant line nothing among periods. The CSV may map a label to ``SKIP``
  (a bare "Other income" line: whole result or one part of it?); inside a block
  that a "Total ..." line closes it is one part, and gets a derived concept.
* Company lines of one name under "Current ..." and "Non-current ..." headings
  are named "...Current" / "...Noncurrent"; of two such lines in a column, one
  all dashes, the other's figure is the value. An expense line's derived name
  ends with its expense word ("Interest expense: Other" -> OtherInterestExpense).
* A fact's evidence is its row, or less where its figure is glued to another
  ("3,8703,254": "Total net revenues 3,870", then "3,254").
* "Income tax expense (15)" (a label naming only the expense, a figure in
  parentheses) is a deduction or a benefit: pre-tax result minus net result
  of the same column decides; without both the figure is left out.
* "Other income (expense), net" read as the non-operating result is checked
  against its column: operating result + it = pre-tax (or untaxed net) result
  keeps it; next to interest lines it is ``OtherNonoperatingIncomeExpense``
  (when operating result + interest + it adds up, or nothing can be checked);
  otherwise it is left out.
* A cell that prints its own scale word ("$ 412.3 million", a list of selected
  figures) is read at that scale whatever the table's; per-share and share
  lines printed so are left out. "(1)" printed right after a text row's label
  is the label's footnote mark when the row has one figure too many.
* Cash-flow statements: a section's company lines (add-backs, working
  capital, investing and financing lines) are read, as printed and named after
  their section (``cash_flow_concept``), in a column where the section's
  figures add up to its "Net cash ... activities" line (``_cash_sections``);
  supplemental lines only in a column some section verified.
* Net income of the group, the non-controlling share and the company's part
  are told apart by group - share = company (``_attribute_to_parent``); a
  share whose sign that does not decide is left out.
* A statement whose header prints dates alone ("For the Period Ended
  September 30, 2024 2023", "Dec. 31, 2024") takes its durations from the
  release: the net income line equal to one earlier column, or "Beginning /
  End of Year" cash lines that roll forward; a balance sheet headed by years
  alone takes the day the release's twelve-month columns end.
* Figures glued into one digit run ("252208906873") are cut only where each
  part has 1-3 digits (the table prints larger figures with separators) and
  exactly one combination of cuts adds up to the block's "Total" line.
* Tables of projections ("Q4 2024 (Projected)", "Outlook") yield nothing, nor
  do derived concepts for generic labels ("Diluted", "Total") or for lines
  whose figures are all cents (a per-share line under an unrecognized heading).
* ``fiscal_label``: ``{q}QFY{yyyy}`` for a quarter, ``{m}MFY{yyyy}`` for the
  first 6/9 months of a fiscal year, ``FY{yyyy}`` for a year, None for
  instants; the fiscal year is the one the release states ("fiscal year
  ending June 30"), else the calendar year. "Q3 2025" / "FY 2024" column
  headers are read as fiscal periods of that year.
* A title ending "As of September 30, 2025 (Unaudited)" over a header "As of
  December 31, 2024" prints the first column's heading on the title's line.
* A dash glued into a flattened row ("operations-(20,712)", "7,721-Tax",
  "losses-168,750" or "party -501,591" in a table whose negatives are
  parenthesized) is a nil cell (``table_lines._tokens``); a minus sign
  elsewhere.
* Money is in the one currency that the table's title, header, headings,
  cells or the lines above it name ("in thousands of euros", "£'000", "HK$"):
  ``unit`` is its ISO code ("EUR", "EUR/share"); USD where none is named (a
  bare "$"); a table naming two ("RMB | US$" convenience columns) yields no
  money or per-share figures, since which column is in which is not known.
* Key-figures tables (printed inside a paragraph, or headed "Highlights" /
  "Key figures" with a change column) list selected lines: their non-GAAP
  lines are left out one by one (EBITDA is read under its own name) instead of
  the whole table, and their facts carry ``row_no`` None. A per-share line in
  cents ("(HK cents)") is left out. A header or short line above the table
  that prints a scale word ``find_scale`` cannot read ("Rs. crore") leaves
  the table unread: the figures' magnitude is unknown.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from pipelines.financial.concepts import (
    CASH_SECTIONS,
    ConceptInfo,
    apply_sign,
    cash_flow_concept,
    concept_for,
    derived_concept,
    is_known_label,
    normalize_label,
)
from pipelines.financial.numbers import Figure
from pipelines.financial.table_lines import Row, Table, has_inline_summary, split_heading_prefix, tables  # noqa: F401
from pipelines.financial.table_periods import (
    Period,
    currencies,
    find_scale,
    full_year_columns,
    has_duration,
    has_year,
    parse_periods,
    period_start,
    strip_years,
)
from pipelines.model import CleanDocument, FinancialFact

# Cheap precheck, run on every release (most have no table): a tab, a line
# that is only a figure with a thousands separator, or a line ending with two
# figures. The last test looks only at lines ending in a digit or ")", which
# is several times cheaper than a regex over the whole text.
_NUMLINE = re.compile(r"\n[ \u00a0]*\$?[ \u00a0]*\(?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?[ \u00a0]*(?:\n|\Z)")
_TWO_FIG_TAIL = re.compile(r"\d\)? +\$? ?\(?-?\d[\d,.]*\)?\Z")
_DIGIT_END = frozenset("0123456789)")
_FIG_PCT_TAIL = re.compile(r"\d\)? +\$? ?\(?-?\d[\d,.]*\)? +\(?-?[\d.]+\)? ?%\Z")
_THREE_FIGS = re.compile(r",\d{3}\)? \$? ?\(?\d{1,3},\d{3}(?:\)? \$? ?\(?\d{1,3},\d{3}|\)? [A-Z])")
_PIPE_FIG = re.compile(r"\| *\$? *\(?\d[\d,.]*\)? *\|")


def _may_have_table(text: str) -> bool:
    if "\t" in text or _NUMLINE.search(text):
        return True
    if "|" in text and _PIPE_FIG.search(text):
        return True
    if has_inline_summary(text):
        return True
    for line in text.split("\n"):
        if line and line[-1] == " ":
            line = line.rstrip()
        if line and line[-1] in _DIGIT_END and _TWO_FIG_TAIL.search(line[-48:]):
            return True
        if line and line[-1] == "%" and _FIG_PCT_TAIL.search(line[-48:]):
            return True
    # A table flattened into a line that ends in words: three figures in a row,
    # or two followed by the next row's label
    # (the leading "," lets the regex engine jump between commas).
    return bool(_THREE_FIGS.search(text))


_CAP_WORD = re.compile(r"(?<=\s)(?=[A-Z(])")
# Where a row label may start inside a glued one: after a space, a figure or a ")".
_LABEL_START = re.compile(r"(?<=[\s\d)])(?=[A-Z(])|(?<=[A-Z])(?=[A-Z][a-z])")
_MAX_SHARES = 20e9
_YEAR_RUN = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)+(?!\d)")
# Tables whose figures are not statement facts: non-GAAP reconciliations
# (adjustments signed relative to a non-GAAP total) and average-balance /
# yield tables (averages over a period, not balances at a date).
_NON_GAAP = re.compile(
    r"(?i)non-?gaap|ebitda|reconciliation of|adjusted (?:net|operating|loss|income)"
    r"|average\s*balance|annualized|yield"
)
# Columns of projections are not reported figures.
_PROJECTED = re.compile(r"(?i)\b(?:projected|projections?|forecasts?|estimated?|guidance|outlook|budget(?:ed)?|targets?|pro forma)\b")
# A label that names its own unit or is a ratio: not a money line.
_OWN_UNIT = re.compile(
    r"(?i)\b(?:in\s+)?(?:billions|millions|thousands)\b|%|percent|\bratio\b|\bnumber of\b|\bemployees\b"
    r"|\bheadcount\b|\bpatients\b|\bbasis points\b"
)

UNITS = {"money": "USD", "per_share": "USD/share", "shares": "shares"}


@dataclass
class _Line:
    """One logical figure row: a label and one figure per period column."""

    label: str
    figures: list[Figure]
    row: Row
    unlabeled: bool = False


def _split_label(label: str, k: int) -> list[str] | None:
    """Split a merged label into k labels at capitalized-word boundaries, or None."""
    if k == 1:
        return [label]
    cuts = [m.start() for m in _CAP_WORD.finditer(label)]
    if len(cuts) < k - 1:
        return None
    if len(cuts) > 12:
        return None
    fits = []
    for combo in itertools.combinations(cuts, k - 1):
        bounds = (0, *combo, len(label))
        parts = [label[a:b].strip() for a, b in zip(bounds, bounds[1:])]
        if all(parts) and all(is_known_label(p) for p in parts):
            fits.append(parts)
    if len(fits) == 1:
        return fits[0]
    if not fits and len(cuts) == k - 1:
        bounds = (0, *cuts, len(label))
        return [label[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    return None


_FOOTNOTE_FIG = re.compile(r"\(\d\)")


def _is_label_footnote(row: Row, label: str) -> bool:
    """The first figure of a text row is "(1)"-"(9)" printed right after the label."""
    first = row.figures[0]
    return (
        bool(label)
        and not row.flat
        and _FOOTNOTE_FIG.fullmatch(first.text) is not None
        and 0 <= first.start - (row.label_start + len(row.label)) <= 1
    )


_MARK_FIG = re.compile(r"\(\d\)|\*{1,3}")


def _without_marks(row: Row, n: int) -> Row | None:
    """The row without reference marks printed after its figures, when that leaves
    exactly one figure per column: "(1)" glued to the figure before it
    ("1,234(1)" read as 1,234 and (1)) or a "*" after a figure ("1,100 *")."""
    cells, dropped = [], 0
    prev: Figure | None = None
    for cell in row.cells:
        kept = []
        for f in cell:
            glued = prev is not None and f.start == prev.end and f.text.startswith("(")
            star = f.value is None and f.text.startswith("*") and prev is not None
            if _MARK_FIG.fullmatch(f.text) and (glued or star):
                dropped += 1
                continue
            kept.append(f)
            prev = f
        cells.append(kept)
    if not dropped or sum(len(c) for c in cells) != n:
        return None
    return dataclasses.replace(row, cells=[c for c in cells if c])


def _logical(table: Table, n: int, extra: int = 0) -> list[list[tuple[str, object]]]:
    """Headings and figure lines of a table in print order, one group per printed line.

    Entries are ('h', heading text) or ('r', _Line). The lines that came out of one
    merged printed row stay together and in left-to-right order, so a reversed
    table can be put back by reversing the groups. ``extra`` is the number of
    change columns ("$ Change", "Increase/(Decrease)") printed after the
    period columns: a row with up to that many more figures keeps its first n.
    """
    groups: list[list[tuple[str, object]]] = []
    for it in table.items:
        out: list[tuple[str, object]] = []
        groups.append(out)
        if it.row is None:
            out.append(("h", it.text))
            continue
        row = it.row
        head, label = split_heading_prefix(row.label)
        if head is None and row.glued:
            m = _EPS_HEAD.match(label)
            if m and not is_known_label(label):
                head, label = m.group("h"), m.group("rest")
        figs = row.figures
        c = len(figs)
        if head:
            out.append(("h", head))
        if c > n and c % n:
            unmarked = _without_marks(row, n)
            if unmarked is not None:
                row, figs, c = unmarked, unmarked.figures, n
        if (c == n + 1 or extra and n + 1 < c <= n + 1 + extra) and _is_label_footnote(row, label):
            # "Research and development (1) ..... $ 31,275 ...": the "(1)" is the
            # label's footnote mark, not a figure.
            figs = figs[1:]
            label = f"{label} {row.figures[0].text}"
            row = dataclasses.replace(row, cells=[[f] for f in figs])
            c = len(figs)
        if extra and n < c <= n + extra and label and (c % n or (not row.flat and len(row.cells) != n)):
            out.append(("r", _Line(label, figs[:n], row)))
            continue
        if c == 0 or c % n:
            if label.endswith(":") and all(f.is_dash for f in figs):
                out.append(("h", label))
            elif c:
                out.append(("x", row))  # a row whose figures cannot be placed: numbered, no facts
            continue
        k = c // n
        if row.flat or not label:
            # One label line, then its figures; extra groups of n figures are
            # unlabeled rows (totals) printed right after it.
            runs = [figs[i : i + n] for i in range(0, c, n)]
            if label:
                out.append(("r", _Line(label, runs[0], row)))
                runs = runs[1:]
            out.extend(("r", _Line("", g, row, unlabeled=True)) for g in runs)
            continue
        if k == 1:
            out.append(("r", _Line(label, figs, row)))
            continue
        if len(row.cells) != n or any(len(cell) != k for cell in row.cells):
            out.append(("x", row))  # merged row whose figures cannot be placed
            continue
        labels = _split_label(label, k)
        if labels is None:
            out.append(("x", row))
            continue
        for j, lab in enumerate(labels):
            out.append(("r", _Line(lab, [cell[j] for cell in row.cells], row)))
    return [g for g in groups if g]


_DIGIT_RUN = re.compile(r"\d{2,15}")
_MAX_COMBOS = 5000


def _run_splits(text: str, n: int) -> list[list[str]]:
    """Ways to cut a digit run into n figures of 1-3 digits with no leading zero."""
    if n == 1:
        ok = len(text) <= 3 and (text == "0" or text[0] != "0")
        return [[text]] if ok else []
    out = []
    for k in (1, 2, 3):
        head = text[:k]
        if len(head) < k or (k > 1 and head[0] == "0") or len(text) - k < n - 1:
            continue
        out.extend([head, *rest] for rest in _run_splits(text[k:], n - 1))
    return out


def _split_digit_runs(groups: list[list[tuple[str, object]]], n: int) -> None:
    """Rows whose figures were printed glued into one digit run ("252208906873":
    252 | 208 | 906 | 873) read where exactly one cut makes their block add up.

    Only in a table that prints every figure of 1,000 or more with separators (so
    each glued figure has 1-3 digits), only inside a block closed by a "Total ..."
    line whose other lines are all placed, and only when, of every combination of
    cuts of the block's runs, exactly one gives the total in every column.
    """
    flat = [(gi, ei, e) for gi, g in enumerate(groups) for ei, e in enumerate(g)]
    entries = [e for _, _, e in flat]
    if not any(tag == "x" and _is_run_row(e) for tag, e in entries):
        return
    for tag, e in entries:
        if (tag == "r" or tag == "x" and not _is_run_row(e)) and _unseparated(e.figures):  # type: ignore[union-attr]
            return  # figures printed without separators: a run may hold 4-digit figures
    i = 0
    while i < len(flat):
        tag, e = entries[i]
        if tag != "x" or not _is_run_row(e):
            i += 1
            continue
        start = i
        while start > 0 and entries[start - 1][0] != "h" and not _closes(entries[start - 1]):
            start -= 1
        end = i
        while end < len(flat) and entries[end][0] != "h" and not _closes(entries[end]):
            end += 1
        if end < len(flat) and _closes(entries[end]):
            _resolve_block(groups, flat[start:end], entries[end][1], n)  # type: ignore[arg-type]
        i = end + 1


def _unseparated(figs: list[Figure]) -> bool:
    return any(f.value is not None and abs(f.value) >= 1000 and "," not in f.text for f in figs)


def _closes(entry: tuple[str, object]) -> bool:
    return entry[0] == "r" and _is_total(entry[1])  # type: ignore[arg-type]


def _is_run_row(row: Row) -> bool:
    figs = row.figures
    return len(figs) == 1 and bool(_DIGIT_RUN.fullmatch(figs[0].text)) and bool(row.label)


def _resolve_block(groups, block, total: _Line, n: int) -> None:
    placed: list[_Line] = []
    runs: list[tuple[int, int, Row, list[list[str]]]] = []
    for gi, ei, (tag, e) in block:
        if tag == "h":
            continue
        if tag == "r" and len(e.figures) == n and not e.unlabeled:
            placed.append(e)
        elif tag == "x" and _is_run_row(e):
            cuts = _run_splits(e.figures[0].text, n)
            if not cuts:
                return
            runs.append((gi, ei, e, cuts))
        else:
            return
    if not runs or len(total.figures) != n or any(f.value is None for f in total.figures):
        return
    if math.prod(len(r[3]) for r in runs) > _MAX_COMBOS:
        return
    base = [sum(ln.figures[j].value or 0.0 for ln in placed) for j in range(n)]
    fits = []
    for combo in itertools.product(*(r[3] for r in runs)):
        sums = [base[j] + sum(int(c[j]) for c in combo) for j in range(n)]
        if all(abs(v - t.value) <= 1.0 + 1e-9 for v, t in zip(sums, total.figures)):  # type: ignore[operator]
            fits.append(combo)
            if len(fits) > 1:
                return
    if len(fits) != 1:
        return
    for (gi, ei, row, _), parts in zip(runs, fits[0]):
        f0 = row.figures[0]
        pos, figs = f0.start, []
        for part in parts:
            figs.append(Figure(float(int(part)), 0, False, False, pos, pos + len(part), part))
            pos += len(part)
        groups[gi][ei] = ("r", _Line(row.label, figs, dataclasses.replace(row, cells=[[f] for f in figs])))


def _is_reversed(entries: list[tuple[str, object]], kind: str | None) -> bool:
    orders = []
    for tag, e in entries:
        if tag == "r" and not e.unlabeled:  # type: ignore[union-attr]
            info = concept_for(e.label, kind or "")  # type: ignore[union-attr]
            if info and info.order:
                orders.append(info.order)
    inv = conc = 0
    for a, b in itertools.combinations(orders, 2):
        if a > b:
            inv += 1
        elif a < b:
            conc += 1
    # A heading ("Revenues:") as the very last entry is the top of a reversed table.
    tail_heading = bool(entries) and entries[-1][0] == "h" and str(entries[-1][1]).rstrip().endswith(":")
    return inv >= 3 and inv > 2 * conc or (tail_heading and inv > conc)


def _periods(kind: str | None, header: str, entries, fye: int = 12) -> list[Period] | None:
    if kind == "balance":
        return parse_periods(header, instant=True)
    periods = parse_periods(header, instant=False, fye_month=fye)
    if periods is not None or kind is not None:
        return periods
    # No statement title: columns are instants if the known lines are balance-sheet
    # lines, or if some are and the header names dates only, no durations (a list
    # of selected figures "September 30, 2025 | December 31, 2024" with a "Net
    # loss" line: that line is not an instant and yields nothing).
    infos = [concept_for(e.label, "balance") for t, e in entries if t == "r" and not e.unlabeled]
    infos = [i for i in infos if i]
    instants = sum(1 for i in infos if i.balance == "instant")
    if infos and (instants == len(infos) or instants and not has_duration(header)):
        return parse_periods(header, instant=True)
    return None


def _scaled(info: ConceptInfo, fig: Figure, mult: int, shares_exempt: bool, row_frac: int):
    """(value, decimals) in base units for one figure."""
    v = fig.value
    if fig.scale != 1:
        # "$ 412.3 million": the cell's own scale word, whatever the table's scale
        return v * fig.scale, fig.frac_digits - round(math.log10(fig.scale))
    if info.unit_kind == "per_share":
        return v, max(fig.frac_digits, row_frac)
    if info.unit_kind == "shares":
        if mult == 1 or shares_exempt or abs(v) * mult > _MAX_SHARES:
            return v, 0
        return v * mult, -round(math.log10(mult))
    return v * mult, fig.frac_digits - round(math.log10(mult))


def _context(kind: str | None, heading: str | None) -> str:
    return f"{kind or ''}|{(heading or '').lower().rstrip(':')}"


def _is_total(line: _Line) -> bool:
    return line.unlabeled or line.label.lower().startswith("total")


def _blocks(entries) -> list[tuple[str | None, int]]:
    """(heading, block number) of every entry; a block ends at a heading or a total line."""
    out = []
    heading: str | None = None
    block_no = 0
    for tag, e in entries:
        if tag == "h":
            heading = str(e)
            block_no += 1
        out.append((heading, block_no))
        if tag == "r" and _is_total(e):
            block_no += 1
    return out


def _expense_blocks(entries, blocks, ctx_kind: str) -> set[int]:
    """Blocks whose known expense lines are printed as deductions, in parentheses."""
    out: set[int] = set()
    for (tag, e), (heading, block_no) in zip(entries, blocks):
        if tag != "r" or _is_total(e):
            continue
        info = concept_for(e.label, _context(ctx_kind, heading))
        vals = [f.value for f in e.figures if f.value is not None]
        if info and info.sign == "expense" and vals and all(v <= 0 for v in vals) and any(v < 0 for v in vals):
            out.add(block_no)
    return out


def _sums_to(total: list[Figure], block: list[_Line]) -> bool:
    if len(block) < 2:
        return False
    for i, t in enumerate(total):
        s = sum((ln.figures[i].value or 0.0) for ln in block)
        if t.value is None or abs(s - t.value) > 1.0 + 1e-9:
            return False
    return True


def _drop_non_gaap(table: Table, text: str = "") -> Table | None:
    """The table without what follows a non-GAAP heading; None if it is all non-GAAP."""
    if _NON_GAAP.search(" ".join(table.titles + table.headers)) or _PROJECTED.search(" ".join(table.titles + table.headers)):
        return None
    if _is_key_figures(table, text):
        return _drop_non_gaap_rows(table)
    seen_row = False
    for i, it in enumerate(table.items):
        if it.row is None and seen_row and _NON_GAAP.search(it.text):
            # A non-GAAP heading after the statement rows starts another table.
            return dataclasses.replace(table, items=table.items[:i])
        if _NON_GAAP.search(it.row.label if it.row else it.text):
            return None
        seen_row = seen_row or it.row is not None
    return table


# Key figures may list EBITDA beside the reported lines: a measure of its own,
# read under its own name. Other adjusted lines ("Adjusted earnings per share")
# would be taken for the reported ones.
_OWN_MEASURE = frozenset({"ebitda", "adjusted ebitda"})


_KEY_FIGURES = re.compile(r"(?i)\bhighlights\b|\bkey (?:figures|financials|financial data)\b|\bat a glance\b")


def _is_key_figures(table: Table, text: str) -> bool:
    """A table of selected lines with change columns: key figures printed inside a
    paragraph, or headed "Highlights" / "Key figures" (in the few lines above its
    first row) with a change column."""
    if table.summary:
        return True
    rows = table.rows
    above = text[max(0, rows[0].start - 200) : rows[0].start] if rows and text else ""
    if not _KEY_FIGURES.search(" ".join((above, *table.titles))):
        return False
    header = " ".join(table.headers)
    placed = has_duration(header) or full_year_columns(header) is not None
    return placed and bool(_change_columns(header) or _change_headings(table))


def _drop_non_gaap_rows(table: Table) -> Table:
    """A key-figures table lists selected lines, not a reconciliation: its non-GAAP
    lines are left out one by one, the reported lines beside them are read."""
    keep = [
        it for it in table.items
        if it.row is None or not _NON_GAAP.search(it.row.label) or normalize_label(it.row.label) in _OWN_MEASURE
    ]
    return dataclasses.replace(table, items=keep)


@dataclass
class _Setup:
    """What a table's lines are read with."""

    periods: list[Period]
    entries: list[tuple[str, object]]
    ctx_kind: str
    mult: int
    shares_exempt: bool
    allow_derived: bool
    currency: str | None = "USD"  # None: the table names two currencies, its money is unread


def _header_text(table: Table) -> str:
    """Titles and header rows as one text for ``parse_periods``.

    When the header rows print the years, years in a title ("Q4 2024
    Financial Highlights") are not columns and are dropped.
    """
    headers = " ".join(table.headers)
    titles = " ".join(table.titles)
    if has_year(headers):
        m = _TITLE_COLUMN.search(titles)
        if m and table.headers and _AS_OF_DATE.match(table.headers[0]):
            # "... Balance Sheets As of September 30, 2025 (Unaudited)" over a
            # header "As of December 31, 2024 (Audited)": the title's tail is the
            # first column's heading, printed on the title's line
            return f"{strip_years(titles[:m.start()])} {m.group(0)} {headers}"
        titles = strip_years(titles)
    return f"{titles} {headers}"


_AS_OF_DATE = re.compile(
    r"(?i)\s*(?:as\s+(?:of|at)|at)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b"
)
_TITLE_COLUMN = re.compile(
    r"(?i)\b(?:as\s+(?:of|at)|at)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
    r"(?:\s*\((?:un)?audited\))?\s*\Z"
)


# Tables of selected figures: a total's rows above it are not its lines.
# A scale word in a header or title: when ``find_scale`` cannot read it, the
# figures' magnitude is unknown.
_SCALE_HINT = re.compile(r"(?i)\b(?:millions?|thousands?|billions?|crores?|lakhs?|mn|bn|mio)\b|['\u2019]000")
_SUMMARY = re.compile(r"(?i)\bdata\b|\bselected\b|\bhighlights?\b|\bsummary\b|\bsummarized\b")


_CHANGE = re.compile(r"(?i)\bchange\b|\bvariance\b|increase\s*/?\s*\(?decrease\)?|\bfav(?:orable)?\b")


def _change_columns(header: str) -> int:
    """How many change columns the header prints after its last year (0, 1 or 2)."""
    years = list(_YEAR_RUN.finditer(header))
    if not years:
        return 0
    return min(2, len(_CHANGE.findall(header, years[-1].end())))


def _change_headings(table: Table) -> int:
    """Change columns named in the lines between the period header and the first
    row ("2024 to 2023" | "% Change" | "% Change" printed one cell a line)."""
    found = 0
    for it in table.items:
        if it.row is not None:
            break
        found += len(_CHANGE.findall(it.text))
    return min(2, found)


def _fye_month(text: str, header: str) -> int | None:
    """The month the fiscal year ends, needed only for "Q3 2025" / "FY 2024" columns;
    None when the release speaks of fiscal periods without a year end that can be
    read: such columns cannot be placed."""
    if not _QUARTERISH.search(header):
        return 12
    from pipelines.financial.periods import fiscal_calendar

    cal = fiscal_calendar(text)
    return None if cal.ambiguous else cal.end_month


_QUARTERISH = re.compile(r"(?i)\bQ[1-4]|[1-4]Q|\bFY|fiscal|financial year|full[- ]year|\b[69]M|\bH[12]|\b[12]H")


def _setup(table: Table, text: str = "", results: dict | None = None) -> _Setup | None:
    kind = table.kind()
    header = _header_text(table)
    fye = _fye_month(text, header)
    if fye is None:
        return None
    # The number of columns comes from the header; rows are read against it.
    probe = parse_periods(header, instant=(kind == "balance"), fye_month=fye)
    dates_only = False
    if probe is None and (kind is None or kind in ("income", "cash_flow") and results is not None):
        probe = parse_periods(header, instant=True)
        dates_only = kind is not None
    year_ends = None
    if probe is None and kind == "balance" and results:
        probe = year_ends = _year_end_instants(table, results, text)
    snapshot = None
    if probe is None and kind != "cash_flow" and not table.headers:
        probe = snapshot = _stated_year_column(table, text, kind)
    if not probe:
        return None
    n = len(probe)
    groups = _logical(table, n, _change_columns(header) or _change_headings(table))
    if n > 1:
        _split_digit_runs(groups, n)
    entries = [e for g in groups for e in g]
    if year_ends or snapshot:
        periods = year_ends or snapshot
    elif dates_only:
        periods = _borrowed_periods(entries, probe, kind or "", table.scale or find_scale(header), results or {})
        if periods is None and kind == "cash_flow":
            periods = _year_roll_periods(entries, probe, text)
    else:
        periods = _periods(kind, header, entries, fye)
    if not periods or len(periods) != n:
        return None
    if _is_reversed(entries, kind):
        entries = [e for g in reversed(groups) for e in g]
    ctx_kind = kind or ("balance" if periods[0].months == 0 else "income")
    known = sum(
        1 for t, e in entries
        if t == "r" and not e.unlabeled and concept_for(e.label, _context(ctx_kind, None))
    )
    scale = table.scale or find_scale(header)
    if scale is None and _SCALE_HINT.search(" ".join((header, *(n for n in table.notes if len(n) <= 40)))):
        return None  # a scale printed in a form not read ("Rs. crore"): its figures cannot be placed
    is_statement = kind is not None or scale is not None or snapshot is not None
    if known < 2 and not (is_statement and known >= 1):
        return None  # not a financial table
    mult, shares_exempt = scale or (1, False)
    allow_derived = kind is not None or (is_statement and known >= 2)
    if allow_derived and kind is None and periods[0].months == 0:
        # dates as columns with period lines among the known ones ("Net loss" under
        # "September 30, 2025"): the columns may have lost their durations, so a
        # company line is not taken for a balance
        dur = (concept_for(e.label, "balance") for t, e in entries if t == "r" and not e.unlabeled)
        allow_derived = not any(i is not None and i.balance == "duration" for i in dur)
    return _Setup(periods, entries, ctx_kind, mult, shares_exempt, allow_derived, _currency(table, text))


def _currency(table: Table, text: str) -> str | None:
    """The ISO code of the table's money: the one currency that its title, header,
    headings, cells or the lines above it name; USD where none is named (a bare
    "$"); None where two are ("RMB | US$" convenience columns): which figure is in
    which is not known."""
    named = currencies(" ".join((*table.notes, *table.titles, *table.headers)))
    rows = table.rows
    if rows:
        named |= currencies(text[rows[0].start : rows[-1].end]) if text else set()
    for it in table.items:
        if it.row is None:
            named |= currencies(it.text)
    if len(named) > 1:
        return None
    return next(iter(named), "USD")


_YEARS_ONLY = re.compile(r"(?:\s*(?:19[89]\d|20[0-4]\d)\s*)+")


def _year_end_instants(table: Table, results: dict, text: str) -> list[Period] | None:
    """Balance-sheet columns headed by years alone ("2024 | 2023") in a release whose
    statements report those years as twelve months ending on one day, the last of
    the month its fiscal year ends in (June 30): the balance sheets are at that
    day. Trailing twelve months of a quarter, or any other release, leave them
    unread."""
    years = [int(y) for h in table.headers for y in _YEAR_RUN.findall(h)]
    if not years or not all(_YEARS_ONLY.fullmatch(h) for h in table.headers):
        return None
    days = {md for y in years for md in results.get(("year_end", y), ())}
    if len(days) != 1 or not all(("year_end", y) in results for y in years):
        return None
    (m, d), = days
    from pipelines.financial.periods import fiscal_calendar

    if m != fiscal_calendar(text).end_month or date(years[0], m, d) + timedelta(days=1) != _first_of_next(years[0], m):
        return None
    return [Period(date(y, m, d), date(y, m, d), 0) for y in years]


_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
# "fiscal year-ended August 31, 2024", "the year ended December 31, 2024" (past: a
# year "ending" on a date may be one still to come, its figures projections)
_YEAR_ENDED = re.compile(
    r"(?i)\byear[- ]ended\s+(?:on\s+)?(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"\s+(?P<d>\d{1,2}),?\s+(?P<y>(?:19|20)\d\d)\b"
)
# Words that make a year in a table's title something other than the year reported.
_NOT_THE_YEAR = re.compile(
    r"(?i)quarter|\bQ[1-4]\b|\b[1-4]Q\b|\bmonths?\b|\bhalf\b|\b[HS][12]\b|\bweeks?\b|\bYTD\b|to[- ]date"
    r"|guidance|outlook|forecast|project|estimate|target|budget|plan|pro forma|\bvs\.?\b|\bversus\b|compar"
)


def _stated_year_column(table: Table, text: str, kind: str | None) -> list[Period] | None:
    """The one figure column of a table without a period header ("Financial Snapshot
    2024" / "Revenue" / "$5,718,024" / ...): the lines above name one year, and the
    release states that the year it reports ended on one date of that year
    ("fiscal year-ended August 31, 2024"). The column is the twelve months to that
    date, or that date for balance lines; a title naming anything else (a quarter,
    guidance, a comparison) leaves it unread."""
    if not table.rows or any(len(r.figures) != 1 for r in table.rows):
        return None
    above = " ".join((*table.notes, *table.titles, *(it.text for it in table.items if it.row is None)))
    years = set(_YEAR_RUN.findall(above))
    if len(years) != 1 or _NOT_THE_YEAR.search(above):
        return None
    y = int(years.pop())
    ends = set()
    for m in _YEAR_ENDED.finditer(text):
        if int(m.group("y")) == y:
            ends.add((_MONTHS.index(m.group("mon").lower()) + 1, int(m.group("d"))))
    if len(ends) != 1:
        return None
    (mon, day), = ends
    try:
        end = date(y, mon, day)
    except ValueError:
        return None
    if kind is None:
        kinds = {
            i.balance for r in table.rows
            if (i := concept_for(r.label, "")) is not None and i.concept != "SKIP"
        }
        if len(kinds) != 1:
            return None
        kind = "balance" if kinds == {"instant"} else "income"
    if kind == "balance":
        return [Period(end, end, 0)]
    return [Period(period_start(end, 12), end, 12)]


def _first_of_next(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1)


_OF_YEAR = re.compile(r"(?i)\b(?:beginning|start|end|ending)\s+of\s+(?:the\s+)?(?:fiscal\s+)?year\b")


def _year_roll_periods(entries, dates: list[Period], text: str) -> list[Period] | None:
    """Years ending on the header's dates, for a cash-flow statement headed by dates
    alone whose own lines say so: cash at the "Beginning of Year" and "End of
    Year", with beginning + the change in cash = end in every column, and every
    date the last day of the month the release's fiscal year ends in (a
    year-to-date statement may call its opening cash "beginning of year")."""
    from pipelines.financial.periods import fiscal_calendar

    fye = fiscal_calendar(text).end_month
    if any(d.end.month != fye or d.end + timedelta(days=1) != _first_of_next(d.end.year, fye) for d in dates):
        return None
    lines = [e for t, e in entries if t == "r" and not e.unlabeled and len(e.figures) == len(dates)]
    rolls: dict[str, list[_Line]] = {}
    for ln in lines:
        info = concept_for(ln.label, "cash_flow")
        if info is None:
            continue
        if info.balance in _ROLL and _OF_YEAR.search(ln.label):
            rolls.setdefault(info.balance, []).append(ln)
        elif info.concept in _CASH_CHANGE:
            rolls.setdefault("change", []).append(ln)
    if any(len(rolls.get(k, ())) != 1 for k in ("opening", "closing", "change")):
        return None
    (o,), (c,), (ch,) = rolls["opening"], rolls["closing"], rolls["change"]
    frac = max(f.frac_digits for ln in (o, c, ch) for f in ln.figures)
    for j in range(len(dates)):
        if not _rolls_forward(o.figures[j].value, ch.figures[j].value, c.figures[j].value, frac):
            return None
    return [Period(period_start(d.end, 12), d.end, 12) for d in dates]


def _borrowed_periods(entries, dates: list[Period], kind: str, scale, results: dict) -> list[Period] | None:
    """Durations of a statement whose header prints only its dates ("For the Period
    Ended September 30, 2024 2023"), taken from a statement of the same release.

    The first net income line of the table must equal, in every column, the net
    income that an earlier table of the release reported for one period ending on
    that column's date, and for exactly one: the cash-flow statement of a third
    quarter release starts from the nine months' net loss, not the quarter's.
    """
    mult = scale[0] if scale else 1
    for tag, e in entries:
        if tag != "r" or e.unlabeled or len(e.figures) != len(dates):
            continue
        info = concept_for(e.label, kind)
        if info is None or info.concept != "NetIncomeLoss":
            continue
        values = apply_sign(info, e.label, [f.value for f in e.figures])
        if values is None:
            return None
        out = []
        for d, v in zip(dates, values):
            found = results.get((d.end, round(v * mult, 6) if v is not None else None), set())
            if len(found) != 1:
                return None
            out.append(Period(*next(iter(found))))
        return out
    return None


# A label that goes on after these is one label ("Stock, Equity, Retained Earnings").
# After a colon the line goes on too: ``split_heading_prefix`` did not take
# "Interest expense:" for a heading.
_JOINED_ON = re.compile(r"(?:[,;:&/+-]|\b(?:and|or|of|to|for|in|from|less|net)\b)\s*\Z", re.I)


def _known_suffix(label: str, ctx: str) -> tuple[ConceptInfo, str] | None:
    """A known label at the end of a glued label ("Assets Cash and cash equivalents")."""
    for m in _LABEL_START.finditer(label):
        sub = label[m.start():].strip()
        if _JOINED_ON.search(label, 0, m.start()):
            continue  # "Total Stock, Equity, Retained Earnings": one label, not a heading and a line
        if sub and sub[0].isupper():
            info = concept_for(sub, ctx)
            if info is not None and info.concept != "SKIP":
                return info, sub
    return None


# "Common stock, $0.001 par value; 40,000,000 shares authorized ...": the line
# names itself and its details, whatever row came before it on a glued line.
_SHARE_CAPITAL = re.compile(
    r"(?:Common|Ordinary|Preferred|Preference)\s+(?:[Ss]tock|[Ss]hares?)\b.{0,40}?\b(?:par value|authorized)", re.I
)


def _line_concept(
    st: _Setup, label: str, ctx: str, expense_block: bool, row: Row | None = None, figures: list[Figure] | None = None,
    component: bool = False,
) -> ConceptInfo | None:
    info = concept_for(label, ctx)
    if info is not None and info.unit_kind == "per_share" and _CENTS.search(label):
        return None  # "Earnings per share (HK cents)": not in the table's currency
    if info is not None and info.concept == "SKIP":
        if not component:
            return None  # a line the CSV says not to read (and not to derive)
        # "Other income" in a block that a "Total ..." line closes is one of its
        # parts, not the whole result: a company line, named from its label.
        info = None
    if info is not None and info.balance in _ROLL:
        # cash at the start / end of a column: only beside the column's period
        return info if st.periods[0].months > 0 and st.ctx_kind == "cash_flow" else None
    if info is not None and info.balance != ("instant" if st.periods[0].months == 0 else "duration"):
        # "Net income" among a bank's balance-sheet lines is not an instant;
        # a balance line in a statement of periods is not a period amount.
        return None
    if info is not None and st.ctx_kind == "cash_flow" and info.order < 400 and info.concept != "NetIncomeLoss":
        # "Income tax benefit" among the add-backs is an adjustment, not the
        # period's tax line: only cash-flow concepts are read from this table.
        info = None
    if info is not None:
        return info
    # Cash-flow lines other than the known ones carry presentation signs
    # (changes in working capital, add-backs) that a derived name would
    # misstate: left out. So are lines that name their own unit or a ratio.
    if not st.allow_derived or st.ctx_kind == "cash_flow" or _OWN_UNIT.search(label):
        return None
    if row is not None and row.fragment and not _SHARE_CAPITAL.match(label) or not label.lstrip("( ")[:1].isupper():
        # Rows of a table flattened onto one line may carry words of the row
        # before them: only known labels are read there.
        return None
    cents = [f for f in figures or [] if not f.is_dash and f.value is not None]
    if st.mult < 1_000_000 and cents and all(f.frac_digits == 2 and abs(f.value) < 100 for f in cents):
        return None  # cents: a per-share line whose heading was not recognized
    info = derived_concept(label, ctx)
    if info is not None and expense_block and info.sign == "as_printed":
        # A company line among expenses printed as deductions is one too.
        info = dataclasses.replace(info, sign="expense")
    return info


_CENTS = re.compile(r"(?i)\bcents?\b|\bpence\b|\bsen\b|\bfen\b|\bkopecks?\b|\bpaise\b")
_PER_SHARE_HEAD = re.compile(r"(?i)\bper (?:common |ordinary )?share\b")
_EPS_WORDS = re.compile(r"(?i)\b(?:basic and diluted|basic & diluted|basic|diluted)\b")
_EPS_MODE = re.compile(r"(?i)^(basic and diluted|basic & diluted|basic|diluted)\b[\s:,-]+(\S.*)$")
# "Loss Per Share - basic and diluted Loss from continuing operations": a per-share
# heading glued to the first line under it.
_EPS_HEAD = re.compile(
    r"^(?P<h>(?i:(?:net\s+)?(?:\(?loss\)?|\(?income\)?|earnings)(?:\s*\(?(?:loss|income)\)?)?\s+per\s+"
    r"(?:common\s+|ordinary\s+)?share\b[\s:,-]*(?:basic and diluted|basic & diluted|basic|diluted)?))"
    r"[\s:,-]+(?P<rest>[A-Z(].*)$"
)
_BASIC_END = re.compile(r"(?i)\bbasic\W*$")


def _pair_heading(label: str, prev: str) -> str | None:
    """A bare "Diluted" line right under "<what is measured>: Basic" (a heading too long
    to print apart, "Net earnings per ordinary share attributable to Acme: Basic")
    measures the same thing: the line above is its heading."""
    if label.strip(" :").lower() == "diluted" and _BASIC_END.search(prev) and prev.strip(" :").lower() != "basic":
        return prev
    return None


def _table_facts(
    doc: CleanDocument, table: Table, table_no: int, results: dict | None = None
) -> list[FinancialFact]:
    table = _drop_non_gaap(table, doc.text)
    st = _setup(table, doc.text, results) if table is not None else None
    if st is None:
        return []
    blocks = _blocks(st.entries)
    expense_blocks = _expense_blocks(st.entries, blocks, st.ctx_kind)
    # Balance-sheet data only (statement-of-operations "data" tables print their
    # lines in full); the title nearest the table decides ("SELECTED FINANCIAL
    # INFORMATION" may head full statements).
    summary = _is_key_figures(table, doc.text) or (
        st.periods[0].months == 0 and bool(table.titles) and bool(_SUMMARY.search(table.titles[-1]))
    )
    facts: list[FinancialFact] = []
    derived: list[tuple[list[FinancialFact], str | None]] = []  # company lines and their heading
    # blocks that a labeled "Total ..." line closes: their lines are its parts
    closed = {
        b for (tag, e), (_, b) in zip(st.entries, blocks) if tag == "r" and not e.unlabeled and _is_total(e)
    }
    block: list[_Line] = []  # figure lines of the current block, for unlabeled totals
    block_of_block = -1
    row_no = 0
    rolls: list = []  # cash change, opening and closing lines, for _cash_roll
    cf_lines: list[_CfLine | None] = []  # every figure line, for _cash_sections (None: unplaced)
    prev_label = ""
    eps_heading, eps_mode = None, ""  # the per-share heading and its Basic / Diluted prefix
    equity_income = _equity_income_lines(st)
    bridges = _bridging_lines(st)
    for (tag, e), (heading, block_no) in zip(st.entries, blocks):
        if block_no != block_of_block:
            block, block_of_block = [], block_no
        if tag == "h":
            continue
        if tag == "x":
            # A figure row that yields nothing still takes its row number, so
            # that a total below it is not read as the sum of the rows above
            # the gap.
            row_no += 1
            cf_lines.append(None)
            continue
        line: _Line = e  # type: ignore[assignment]
        label = line.label
        if line.unlabeled:
            # An unlabeled run is emitted only when it is the sum of the lines above it.
            if not heading or not _sums_to(line.figures, block):
                row_no += 1
                continue
            label = "Total " + heading.rstrip(":").strip().lower()
        else:
            block.append(line)
        ctx = _context(st.ctx_kind, _pair_heading(label, prev_label) or heading)
        prev_label = label
        eps_rest = None
        if heading and _PER_SHARE_HEAD.search(heading) and not line.unlabeled:
            # "Net (loss) income per share:" / "Basic Continuing operations" /
            # "Discontinued operations": the Basic / Diluted prefix holds for the lines below
            if heading != eps_heading:
                eps_heading, eps_mode = heading, ""
            m = _EPS_MODE.match(label)
            if m:
                eps_mode = m.group(1).lower()
                if concept_for(label, ctx) is None:
                    eps_rest = m.group(2)
            if eps_mode:
                ctx = _context(st.ctx_kind, f"{_EPS_WORDS.sub(' ', heading)} {eps_mode}")
        if line.row.glued and not line.unlabeled and eps_rest is None and concept_for(label, ctx) is None:
            # "Assets Cash and cash equivalents": a heading glued to a known label.
            found = _known_suffix(label, ctx)
            if found is not None:
                label = found[1]
                at = doc.text.find(label, line.row.start, line.row.end)
                if at > line.row.start:
                    # the evidence starts at the known label, not at the words before it
                    line = dataclasses.replace(line, row=dataclasses.replace(line.row, start=at, label_start=at))
        info = _line_concept(
            st, eps_rest or label, ctx, block_no in expense_blocks, line.row, line.figures,
            component=block_no in closed and not _is_total(line) or id(line) in bridges,
        )
        if info is None and id(line) in equity_income:
            info = EQUITY_INCOME
        values = apply_sign(info, label, [f.value for f in line.figures]) if info is not None else None
        cf = _CfLine(row_no, heading, line, label, info, values is not None)
        cf_lines.append(cf)
        if values is not None and (info.balance in _ROLL or info.concept in _CASH_CHANGE):
            rolls.append((info, line, label, values, row_no))
            if info.balance in _ROLL:
                row_no += 1
                continue
        if values is not None:
            got = list(_facts_of_line(doc, st, info, line, label, values, table_no, None if summary else row_no))
            facts.extend(got)
            cf.emitted = bool(got)
            if not info.known and got:
                derived.append((got, heading))
        row_no += 1
    if rolls:
        facts.extend(_cash_roll(doc, st, rolls, table_no, summary))
    if st.ctx_kind == "cash_flow" and st.periods[0].months > 0 and not summary:
        facts.extend(_cash_sections(doc, st, cf_lines, table_no))
    if st.mult > 1:
        _check_share_scale(facts, st.mult)
    if len(derived) > 1:
        _qualify_repeated(derived)
        facts = _drop_zero_repeats(facts, derived)
    return _drop_contradicted(_attribute_to_parent(_check_other_nonoperating(_check_tax_sign(facts))))


# Results a statement prints with the lines that make them: lhs = sum(coef * term).
_IDENTITIES = (("GrossProfit", (("Revenues", 1), ("CostOfRevenue", -1))),)


def _drop_contradicted(facts: list[FinancialFact]) -> list[FinancialFact]:
    """Leave out a result and its lines where the statement's own figures contradict
    each other beyond rounding (revenue less cost of goods is not the gross profit
    printed): one of them is misprinted, and which one cannot be told."""
    by_key = {(f.concept, f.period_end, f.months): f for f in facts}
    drop: set[int] = set()
    for lhs, terms in _IDENTITIES:
        for (concept, end, months), total in by_key.items():
            if concept != lhs:
                continue
            parts = [(by_key.get((t, end, months)), c) for t, c in terms]
            if any(p is None for p, _ in parts):
                continue
            group = [total, *(p for p, _ in parts)]
            tol = sum(0.5 * 10.0 ** -(f.decimals if f.decimals is not None else 0) for f in group) + 1e-9
            if abs(total.value - sum(c * p.value for p, c in parts)) > tol:
                drop.update(id(f) for f in group)
    return [f for f in facts if id(f) not in drop] if drop else facts


def _bridging_lines(st: _Setup) -> set[int]:
    """ids of lines that take the line above to the line below in every column
    ("Net Operating Income" + "Other Income" = "Net Income"): parts of that step."""
    rows = [e for t, e in st.entries if t == "r" and not e.unlabeled]
    n = len(st.periods)
    out: set[int] = set()
    for above, line, below in zip(rows, rows[1:], rows[2:]):
        if any(len(r.figures) != n for r in (above, line, below)):
            continue
        parts = [(a.value, b.value, c.value) for a, b, c in zip(above.figures, line.figures, below.figures)]
        if all(None not in p and p[1] != 0 and abs(p[0] + p[1] - p[2]) <= 1.0 + 1e-9 for p in parts):
            out.add(id(line))
    return out


# The year's net income still shown apart inside equity (small banks' balance sheets
# close it into retained earnings at year end): an instant, the equity it adds.
EQUITY_INCOME = ConceptInfo("NetIncomeLossInEquity", "money", "as_printed", "instant", 0)
_EQUITY_TOTAL = re.compile(r"(?i)\b(?:equity|capital|net worth)\b")


def _equity_income_lines(st: _Setup) -> set[int]:
    """ids of a balance sheet's "Net income" lines that are parts of its equity: the
    line above plus the net income equal, in every column, the total equity line
    right below it ("Total Stock, Equity, Retained Earnings" + "Net Income" =
    "TOTAL EQUITY/CAPITAL")."""
    if st.periods[0].months != 0:
        return set()
    rows = [e for t, e in st.entries if t == "r" and not e.unlabeled]
    n = len(st.periods)
    out: set[int] = set()
    for above, line, total in zip(rows, rows[1:], rows[2:]):
        info = concept_for(line.label, "balance")
        if info is None or info.concept != "NetIncomeLoss":
            continue
        if not _is_total(total) or not _EQUITY_TOTAL.search(total.label) or re.search(r"(?i)liabilit", total.label):
            continue
        if any(len(r.figures) != n for r in (above, line, total)):
            continue
        parts = [(a.value, b.value, t.value) for a, b, t in zip(above.figures, line.figures, total.figures)]
        if all(None not in p and abs(p[0] + p[1] - p[2]) <= 1.0 + 1e-9 for p in parts):
            out.add(id(line))
    return out


# (whole result, share of non-controlling interests, what the whole result is called
# where the statement shows both)
_PARENT_SPLITS = (
    ("NetIncomeLoss", "NetIncomeLossAttributableToNoncontrollingInterest", "ProfitLoss"),
    ("ComprehensiveIncomeNetOfTax", "ComprehensiveIncomeNetOfTaxAttributableToNoncontrollingInterest",
     "ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest"),
)
_NCI_ALSO = {"ComprehensiveIncomeNetOfTax": "NetIncomeLossAttributableToNoncontrollingInterest"}
_ATTRIBUTABLE = re.compile(r"(?i)\battributable to\b")


def _attribute_to_parent(facts: list[FinancialFact]) -> list[FinancialFact]:
    """Net income (or comprehensive income) of the whole group, the non-controlling
    interests' share and the part attributable to the company, in one column.
    Beside a share, the unqualified line is the group's result even where the
    company's part is not printed.

    The line "attributable to <the company>" is ``NetIncomeLoss``; the unqualified
    line above it is the group's ``ProfitLoss`` where group - share = company holds
    for the share as printed or negated ("Less: ... non-controlling interest 70,400"
    and "(70,400)" both mean 70,400 of income went to them). A share whose sign no
    such identity decides is left out, as are both results then (``_dedupe``).
    Comprehensive income is split the same way; its share may be printed under the
    net income label.
    """
    drop: set[int] = set()
    for whole_c, share_c, group_c in _PARENT_SPLITS:
        cols: dict[tuple, list[FinancialFact]] = {}
        for f in facts:
            if f.concept in (whole_c, share_c) or f.concept == _NCI_ALSO.get(whole_c):
                cols.setdefault((f.period_end, f.months), []).append(f)
        for col in cols.values():
            plain = [f for f in col if f.concept == whole_c and not _ATTRIBUTABLE.search(f.label)]
            parent = [f for f in col if f.concept == whole_c and _ATTRIBUTABLE.search(f.label)]
            shares = [f for f in col if f.concept != whole_c]
            own = [f for f in shares if f.concept == share_c]
            decided = False
            if len({f.value for f in plain}) == 1 and len({f.value for f in parent}) == 1 and shares:
                g, p = plain[0].value, parent[0].value
                tol = 1.5 * 10.0 ** -min(plain[0].decimals, parent[0].decimals, 0)
                for sign in (1, -1):
                    if len({f.value for f in shares}) == 1 and abs(g - sign * shares[0].value - p) <= tol:
                        for f in plain:
                            f.concept = group_c
                        for f in own:
                            f.value = sign * f.value + 0.0
                        decided = True
                        break
            if not decided:
                drop.update(id(f) for f in own)
                if own and plain and not parent:
                    # beside a non-controlling share, the unqualified result is the group's
                    for f in plain:
                        f.concept = group_c
    return [f for f in facts if id(f) not in drop] if drop else facts


_ROLL = ("opening", "closing")


@dataclass
class _CfLine:
    """A figure line of a table as read, for the cash-flow section checks."""

    row_no: int
    heading: str | None
    line: _Line
    label: str
    info: ConceptInfo | None
    emitted: bool  # yielded facts already

    def printed(self, j: int) -> float:
        return self.line.figures[j].value or 0.0

    @property
    def is_total(self) -> bool:
        return _is_total(self.line)


# Lines after the cash at the end of the period that are amounts of the period.
_SUPPLEMENTAL = re.compile(r"(?i)supplement|non-?cash|cash paid|paid during|cash received")
# Cash at a date (a reconciliation of cash, cash equivalents and restricted cash
# printed under the supplemental heading): instants, not amounts of the period.
_CASH_POSITION = re.compile(
    r"(?i)\b(?:beginning|end|start|ending)\s+of\b|\bbalance\b|^\s*(?:total\s+)?cash\b(?!\s+paid)|restricted cash"
)


def _foots(parts: list[_CfLine], total: _CfLine, j: int, frac: int) -> bool:
    """The printed figures of ``parts`` in column j add up to the printed total."""
    s = sum(p.printed(j) for p in parts)
    # every printed figure stands for ± half its last digit
    return abs(s - total.printed(j)) <= 0.5 * 10.0 ** -frac * (len(parts) + 1) + 1e-9


def _cash_sections(doc, st: _Setup, cf_lines: list[_CfLine | None], table_no: int) -> list[FinancialFact]:
    """Every line of a cash-flow section whose lines add up to its subtotal.

    A section runs from the previous "Net cash ... activities" line (or the top of
    the table) to its own. In a column where the figures printed in the section
    (add-backs, changes in working capital, investing and financing lines) add up
    to the printed subtotal, each of them is placed with certainty and is read as
    printed: its effect on cash, named after its label and section
    (``cash_flow_concept``). "Total ..." lines inside a section are read where they
    are the sum of the lines right above them; the lines between the last
    subtotal and the change in cash ("Effect of exchange rate changes") where the
    subtotals and they add up to that change; supplemental lines (cash paid for
    interest, non-cash activities) in a column that some section verified.
    Elsewhere only the known lines are read (``_line_concept``).
    """
    n = len(st.periods)
    frac = max((f.frac_digits for c in cf_lines if c is not None for f in c.line.figures), default=0)
    out: list[FinancialFact] = []
    emit: dict[int, tuple[_CfLine, ConceptInfo, list]] = {}
    verified = [False] * n
    subtotals: list[_CfLine] = []
    section: list[_CfLine | None] = []
    after_change = False
    tail: list[_CfLine | None] = []  # lines after the last subtotal, before the change in cash

    def want(c: _CfLine, info: ConceptInfo | None, j: int) -> None:
        if c.emitted or info is None:
            return
        slot = emit.setdefault(id(c), (c, info, [None] * n))
        slot[2][j] = c.printed(j)

    for c in cf_lines:
        if c is not None and c.info is not None and c.info.concept in _CASH_CHANGE:
            if subtotals and None not in tail and len(c.line.figures) == n:
                extra = [t for t in tail if t is not None]
                for j in range(n):
                    if _foots(subtotals + extra, c, j, frac):
                        for t in (*subtotals, *extra):
                            want(t, _cash_info(t, "Other"), j)
            after_change, tail = True, []
            continue
        if after_change:
            if c is not None and _is_supplemental(c):
                for j in range(n):
                    if verified[j] and len(c.line.figures) == n:
                        want(c, _cash_info(c, "Supplemental"), j)
            continue
        section_name = CASH_SECTIONS.get(c.info.concept) if c is not None and c.info is not None else None
        if section_name is None:
            section.append(c)
            tail.append(c)
            continue
        subtotals.append(c)
        tail = []
        parts, lines = section, [p for p in section if p is None or not p.is_total]
        section = []
        if not lines or None in lines or len(c.line.figures) != n or any(len(p.line.figures) != n for p in lines):
            continue
        foots = [_foots(lines, c, j, frac) for j in range(n)]  # type: ignore[arg-type]
        if not all(foots):
            foots = [a or b for a, b in zip(foots, _foots_with_subtotals(lines, c, n, frac))]  # type: ignore[arg-type]
        # a column of dashes proves nothing by itself, only beside one that adds up
        proven = any(
            f and (c.printed(j) or any(p.printed(j) for p in lines))  # type: ignore[union-attr]
            for j, f in enumerate(foots)
        )
        for j in range(n):
            if not (foots[j] and proven):
                continue
            verified[j] = True
            want(c, c.info, j)
            for i, p in enumerate(parts):
                info = _cash_info(p, section_name)
                if p.is_total:
                    if p.line.unlabeled or not _total_of_run(parts[:i], p, j, frac):
                        continue
                want(p, info, j)
    for c, info, vals in emit.values():
        out.extend(_facts_of_line(doc, st, info, c.line, c.label, vals, table_no, c.row_no))
    return out


_LESS = re.compile(r"(?i)^\s*less\b")


def _foots_with_subtotals(lines: list[_CfLine], total: _CfLine, n: int, frac: int) -> list[bool]:
    """Columns where the section adds up once its running subtotals are set aside.

    "Net loss", "Less: Income from discontinued operations", "(Loss) from
    continuing operations", ..., "Net cash used in operating activities -
    continuing operations", "... - discontinued operations", "Net cash used in
    operating activities": a line equal, in every column, to the sum of two or
    more lines above it (since the previous such line) is their subtotal; a
    "Less:" line printed positive is subtracted.
    """
    run = [0.0] * n
    count = 0
    unit = 0.5 * 10.0 ** -frac
    for p in lines:
        vals = [p.printed(j) for j in range(n)]
        if count >= 2 and any(vals) and all(abs(v - r) <= unit * (count + 1) + 1e-9 for v, r in zip(vals, run)):
            count = 1  # the subtotal stands for the lines above it
            continue
        sign = -1.0 if _LESS.match(p.line.row.label) else 1.0  # the printed label: "Less:" may be split off
        if sign < 0 and any(v < 0 for v in vals):
            return [False] * n  # "Less: ... (7,603)": which way it goes is not clear
        run = [r + sign * v for r, v in zip(run, vals)]
        count += 1
    return [abs(r - total.printed(j)) <= unit * (len(lines) + 1) + 1e-9 for j, r in enumerate(run)]


def _cash_info(c: _CfLine, section: str) -> ConceptInfo | None:
    """A line's known concept, else its name in its section."""
    if c.info is not None and c.info.known:
        return c.info
    label = c.label
    if _LESS.match(c.line.row.label) and not _LESS.match(label):
        label = "Less " + label  # printed as a positive amount that is deducted: the name says so
    return cash_flow_concept(label, section, c.heading)


def _is_supplemental(c: _CfLine) -> bool:
    return bool(c.heading and _SUPPLEMENTAL.search(c.heading)) and not _CASH_POSITION.search(c.label)


def _total_of_run(above: list[_CfLine], total: _CfLine, j: int, frac: int) -> bool:
    """A "Total ..." line equals the sum of a run of two or more lines right above it."""
    run: list[_CfLine] = []
    for p in reversed(above):
        if p.is_total:
            return False
        run.append(p)
        if len(run) >= 2 and _foots(run, total, j, frac):
            return True
    return False
_CASH_CHANGE = frozenset({
    "CashAndCashEquivalentsPeriodIncreaseDecrease",
    "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect",
})


def _rolls_forward(opening: float | None, change: float | None, closing: float | None, frac: int) -> bool:
    if opening is None or change is None or closing is None:
        return False
    # printed figures are rounded: one unit of the last printed digit of slack
    return abs(opening + change - closing) <= 10.0 ** -frac + 1e-9


def _cash_roll(doc, st: _Setup, rolls, table_no: int, summary: bool) -> list[FinancialFact]:
    """Cash at the start and at the end of each column of a cash-flow statement.

    Each is an instant: the day before the column's period starts, and its last
    day. Read only when the table prints exactly one opening and one closing
    line and, in a column, opening + the period's change (a "Net increase
    (decrease) in cash" line of the table) = closing: the check that places
    the figures in their columns (scrambled exports print them out of order).
    """
    opening = [r for r in rolls if r[0].balance == "opening"]
    closing = [r for r in rolls if r[0].balance == "closing"]
    changes = [r for r in rolls if r[0].balance not in _ROLL]
    if len(opening) != 1 or len(closing) != 1 or not changes or opening[0][0].concept != closing[0][0].concept:
        return []
    n = len(st.periods)
    (o_info, o_line, o_label, o_vals, o_row), (c_info, c_line, c_label, c_vals, c_row) = opening[0], closing[0]
    if len(o_vals) != n or len(c_vals) != n:
        return []
    frac = max(f.frac_digits for r in (*opening, *closing, *changes) for f in r[1].figures)
    ok = [
        any(len(ch[3]) == n and _rolls_forward(o_vals[j], ch[3][j], c_vals[j], frac) for ch in changes)
        for j in range(n)
    ]
    out: list[FinancialFact] = []
    for info, line, label, vals, row_no, at in (
        (o_info, o_line, o_label, o_vals, o_row, lambda p: p.start - timedelta(days=1)),
        (c_info, c_line, c_label, c_vals, c_row, lambda p: p.end),
    ):
        instants = [Period(at(p), at(p), 0) for p in st.periods]
        kept = [v if good else None for v, good in zip(vals, ok)]
        out.extend(_facts_of_line(
            doc, dataclasses.replace(st, periods=instants), info, line, label, kept, table_no,
            None if summary else row_no,
        ))
    return out


_NONCURRENT_HEAD = re.compile(r"(?i)non-?\s?current|long-term|long term")
_CURRENT_HEAD = re.compile(r"(?i)\bcurrent\b")


def _qualify_repeated(derived: list[tuple[list[FinancialFact], str | None]]) -> None:
    """A company line printed under "Current liabilities:" and again under
    "Non-current liabilities:" ("Operating lease liability") is two lines: the
    heading's "Current" / "Noncurrent" goes into their names. Lines the headings
    do not tell apart keep their name (and ``_dedupe`` leaves them out)."""
    by: dict[str, list[tuple[list[FinancialFact], str | None]]] = {}
    for got, heading in derived:
        by.setdefault(got[0].concept, []).append((got, heading))
    for concept, lines in by.items():
        if len(lines) < 2:
            continue
        quals = []
        for _, heading in lines:
            h = heading or ""
            quals.append("Noncurrent" if _NONCURRENT_HEAD.search(h) else "Current" if _CURRENT_HEAD.search(h) else "")
        if "" in quals or len(set(quals)) != len(quals):
            continue
        for (got, _), q in zip(lines, quals):
            for f in got:
                f.concept = concept + q


def _drop_zero_repeats(facts, derived) -> list[FinancialFact]:
    """Company lines of one name, one printing a figure and the others dashes in a
    column ("Preferred stock: ... 0 shares issued  -" above "Preferred stock: ...
    1,607,886 shares issued  1,607,886"): the figure is the line's value there."""
    cols: dict[tuple, list[FinancialFact]] = {}
    for got, _ in derived:
        for f in got:
            cols.setdefault((f.concept, f.period_end, f.months), []).append(f)
    drop: set[int] = set()
    for group in cols.values():
        nonzero = {f.value for f in group if f.value != 0}
        if len(group) > 1 and len(nonzero) == 1 and len(nonzero) < len({f.value for f in group}):
            drop.update(id(f) for f in group if f.value == 0)
    return [f for f in facts if id(f) not in drop] if drop else facts


_TAX_BOTH = re.compile(r"(?i)benefit|\(\s*(?:expense|provision)|(?:expense|provision)\s*\)")


def _check_tax_sign(facts: list[FinancialFact]) -> list[FinancialFact]:
    """Decide the sign of an income-tax line printed in parentheses under a label
    that names only the expense ("Income tax expense (15)").

    That is either an expense printed as a deduction (XBRL +15) or a benefit.
    When the table has the pre-tax result and the net result of the column,
    pre-tax - net gives the answer; otherwise the figure is left out. A figure
    printed positive under such a label is an expense unless pre-tax - net of
    its column is exactly its negative (a benefit in a statement that prints
    deductions in parentheses: "Income taxes 95,896" between a pre-tax loss of
    300,803 and a net loss of 204,907).
    """
    pre = {(f.period_end, f.months): f.value for f in facts if f.concept == "IncomeLossBeforeIncomeTaxes"}
    net = {(f.period_end, f.months): f.value for f in facts if f.concept == "NetIncomeLoss"}
    out = []
    for f in facts:
        if f.concept == "IncomeTaxExpenseBenefit" and f.value and f.value < 0 and not _TAX_BOTH.search(f.label):
            key = (f.period_end, f.months)
            if key in pre and key in net:
                implied = pre[key] - net[key]
                tol = 1.5 * 10 ** (-f.decimals) if f.decimals < 0 else 0.02
                if abs(-f.value - implied) <= tol:
                    f.value = -f.value
                    out.append(f)
                elif abs(f.value - implied) <= tol:
                    out.append(f)
                continue
            continue
        if f.concept == "IncomeTaxExpenseBenefit" and f.value and f.value > 0 and not _TAX_BOTH.search(f.label):
            # "Income taxes 95,896" in a statement that prints its deductions in
            # parentheses: a benefit when pre-tax - net says so (and not otherwise).
            key = (f.period_end, f.months)
            if key in pre and key in net:
                implied = pre[key] - net[key]
                tol = 1.5 * 10 ** (-f.decimals) if f.decimals < 0 else 0.02
                if abs(-f.value - implied) <= tol < abs(f.value - implied):
                    f.value = -f.value
        out.append(f)
    return out


_INTEREST = {"InvestmentIncomeInterest": 1, "InterestExpense": -1}


def _check_other_nonoperating(facts: list[FinancialFact]) -> list[FinancialFact]:
    """"Other income (expense), net" printed next to interest lines is one part of the
    non-operating result, not all of it.

    A line that the CSV reads as ``NonoperatingIncomeExpense`` without saying
    "total" is the whole non-operating result when operating result + it =
    pre-tax result (or net result with no tax line). When the column has an
    interest line and the operating result + interest + it adds up instead, it
    is ``OtherNonoperatingIncomeExpense``; with an interest line and nothing to
    check against it is also taken as the other part; a line that fits
    neither reading is left out.
    """
    by: dict[tuple, dict[str, float]] = {}
    for f in facts:
        by.setdefault((f.period_end, f.months), {})[f.concept] = f.value
    out = []
    for f in facts:
        if f.concept != "NonoperatingIncomeExpense" or f.label.lower().startswith("total"):
            out.append(f)
            continue
        col = by[(f.period_end, f.months)]
        interest = [sign * col[c] for c, sign in _INTEREST.items() if c in col]
        op = col.get("OperatingIncomeLoss")
        res = col.get("IncomeLossBeforeIncomeTaxes")
        if res is None and "IncomeTaxExpenseBenefit" not in col:
            res = col.get("NetIncomeLoss")
        tol = 1.5 * 10 ** (-f.decimals) if f.decimals < 0 else 0.02
        if op is not None and res is not None:
            if abs(op + f.value - res) <= tol:
                out.append(f)
            elif interest and abs(op + sum(interest) + f.value - res) <= tol:
                f.concept = "OtherNonoperatingIncomeExpense"
                out.append(f)
            continue
        if interest:
            f.concept = "OtherNonoperatingIncomeExpense"
        out.append(f)
    return out


def _check_share_scale(facts: list[FinancialFact], mult: int) -> None:
    """Re-decide the scale of share counts from net income / EPS when the table has both.

    "(in thousands, except per share amounts)" may or may not cover share
    counts; net loss / EPS gives the share count to within rounding, so the
    reading (scaled or as printed) closest to it wins. Without both figures the
    header-and-magnitude rule of ``_scaled`` stands.
    """
    net = {(f.period_end, f.months): f.value for f in facts if f.concept == "NetIncomeLoss"}
    eps: dict[tuple, float] = {}
    for f in facts:
        if f.unit.endswith("/share") and f.value:
            eps.setdefault((f.period_end, f.months), f.value)
    for f in facts:
        if f.unit != "shares":
            continue
        key = (f.period_end, f.months)
        if not net.get(key) or key not in eps or not f.value:
            continue
        implied = abs(net[key] / eps[key])
        printed = f.value / mult if f.decimals < 0 else f.value
        scaled = printed * mult
        if abs(math.log(scaled / implied)) < abs(math.log(printed / implied)):
            f.value, f.decimals = scaled, -round(math.log10(mult))
        else:
            f.value, f.decimals = printed, 0


# "Research and development(1)", "Total revenue *": footnote marks after a label.
_TRAILING_FOOTNOTE = re.compile(r"(?:\s*(?:\(\d{1,2}\)|\([a-z]\)|\*+|[\u2020\u2021\u00b9\u00b2\u00b3]))+\s*$")


def _facts_of_line(doc, st: _Setup, info: ConceptInfo, line: _Line, label: str, values, table_no, row_no):
    row_frac = max(f.frac_digits for f in line.figures)
    clean_label = _TRAILING_FOOTNOTE.sub("", re.sub(r"[$:]", "", label)).strip().strip(",")
    row = line.row
    for fig, val, period in zip(line.figures, values, st.periods):
        if val is None or (fig.scale != 1 and info.unit_kind != "money"):
            continue  # "0.47 million" per share, "61.2 million" shares: not read
        if st.currency is None and info.unit_kind != "shares":
            continue
        signed = dataclasses.replace(fig, value=val)
        value, decimals = _scaled(info, signed, st.mult, st.shares_exempt, row_frac)
        start, end = _evidence_span(doc.text, row, fig)
        yield FinancialFact(
            concept=info.concept,
            label=clean_label,
            value=round(float(value), 6) + 0.0,  # + 0.0: never -0.0
            unit=_unit(info.unit_kind, st.currency),
            decimals=decimals,
            period_start=period.start,
            period_end=period.end,
            months=period.months,
            fiscal_label=None,
            source="table",
            evidence=doc.text[start:end],
            char_start=start,
            char_end=end,
            section_no=doc.section_no_at(row.start),
            table_no=table_no,
            row_no=row_no,
        )


def _unit(kind: str, currency: str | None) -> str:
    if kind == "shares" or currency in (None, "USD"):
        return UNITS[kind]
    return currency if kind == "money" else f"{currency}/share"


def _evidence_span(text: str, row: Row, fig: Figure) -> tuple[int, int]:
    """The row, or less of it where its figure is glued to another one.

    In "Total net revenues 3,8703,254" the row's text does not show "3,870" or
    "3,254" as a figure of its own: the evidence of the first ends right after
    it ("Total net revenues 3,870"), that of the second is the figure alone.
    """
    if not row.start <= fig.start < fig.end <= row.end:
        return row.start, row.end
    # the figure's digits ("(649)" is glued by its digits, not its parentheses), or
    # its dash ("payable- 5,711,807": a zero glued to the word before it)
    core = _DIGITS.search(text, fig.start, fig.end) if not fig.is_dash else _DASHES.search(text, fig.start, fig.end)
    if core is None:
        return row.start, row.end
    a, b = core.span()
    before = text[a - 1] if a > row.start else " "
    after = text[b : b + 2]
    glued_after = (
        after[:1].isdigit() or (after[:1] in ".," and after[1:2].isdigit()) or fig.is_dash and after[:1].isalnum()
    )
    glued_before = before in _FIG_CHARS or fig.is_dash and (before.isalnum() or before == "_")
    if not glued_before and not glued_after:
        return row.start, row.end
    return (a if glued_before else row.start), b


_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_DASHES = re.compile(r"[-\u2012\u2013\u2014\u2015\u2212]+")

_FIG_CHARS = frozenset("0123456789.,")


def _dedupe(facts: list[FinancialFact]) -> list[FinancialFact]:
    """One value per concept and period inside a table.

    Two lines of one table mapping to the same concept ("Other income" and
    "Total other income" in a bank's statement) with different values cannot
    both be that concept: the "Total" line is kept when there is exactly one,
    otherwise the concept is left out for that period. Equal duplicates keep
    the first line.
    """
    groups: dict[tuple, list[FinancialFact]] = {}
    for f in facts:
        groups.setdefault((f.concept, f.period_end, f.months), []).append(f)
    drop: set[int] = set()
    for group in groups.values():
        if len(group) == 1:
            continue
        if len({f.value for f in group}) == 1:
            drop.update(id(f) for f in group[1:])
            continue
        totals = [f for f in group if f.label.lower().startswith("total")]
        keep = totals[0] if len({f.value for f in totals}) == 1 else None
        drop.update(id(f) for f in group if f is not keep)
    return [f for f in facts if id(f) not in drop]


def extract_table_facts(doc: CleanDocument) -> list[FinancialFact]:
    """Every figure of every financial statement table in ``doc`` (see module doc)."""
    text = doc.text
    if not _may_have_table(text):
        return []
    facts: list[FinancialFact] = []
    table_no = 0
    # (period end, net income) -> periods, ("year_end", year) -> (month, day): what
    # the release's statements report, for statements whose headers print dates alone
    results: dict[tuple, set] = {}
    unread = []
    for table in tables(text):
        got = _dedupe(_table_facts(doc, table, table_no, results))
        if got:
            facts.extend(got)
            table_no += 1
            _remember(got, results, text)
        else:
            unread.append(table)
    if unread and any(k[0] in ("year_end", "equity_income") for k in results):
        # a statement printed before the one whose figures date it ("Dec. 31, 2024"
        # above the income statement, "End of Year" in the cash-flow statement below)
        for table in unread:
            got = _dedupe(_table_facts(doc, table, table_no, results))
            if got:
                facts.extend(got)
                table_no += 1
                _remember(got, results, text)
    if facts:
        _set_fiscal_labels(text, facts)
    return facts


def _remember(got: list[FinancialFact], results: dict, text: str = "") -> None:
    for f in got:
        if f.concept == "NetIncomeLoss" and f.months:
            results.setdefault((f.period_end, f.value), set()).add((f.period_start, f.period_end, f.months))
        if f.concept == EQUITY_INCOME.concept and f.period_end:
            ytd = _year_to_date(f.period_end, text)
            if ytd is not None:
                # the income statement whose net income this is covers the year to date
                results.setdefault((f.period_end, f.value), set()).add(ytd)
                results.setdefault(("equity_income", f.period_end), set()).add(f.value)
        if f.months == 12 and f.period_end:
            results.setdefault(("year_end", f.period_end.year), set()).add((f.period_end.month, f.period_end.day))


def _year_to_date(end: date, text: str) -> tuple[date, date, int] | None:
    """(start, end, months) from the start of the fiscal year to ``end``, a month's
    last day; None when the release leaves its fiscal year in doubt."""
    from pipelines.financial.periods import fiscal_calendar

    cal = fiscal_calendar(text)
    if cal.ambiguous or end + timedelta(days=1) != _first_of_next(end.year, end.month):
        return None
    start = cal.fy_start(cal.fy_of(end))
    return start, end, (end.year - start.year) * 12 + end.month - start.month + 1


def _set_fiscal_labels(text: str, facts: list[FinancialFact]) -> None:
    """``{q}QFY{yyyy}`` for a quarter, ``{m}MFY{yyyy}`` for the first 6 or 9 months of
    a fiscal year, ``FY{yyyy}`` for a full year, None for instants and other spans.

    The fiscal year is the one the release states ("fiscal year ending June 30":
    the three months to December 31, 2010 are 2QFY2011), else the calendar year
    (``periods.fiscal_calendar``, shared with the narrative facts).
    """
    from pipelines.financial.periods import fiscal_calendar

    cal = fiscal_calendar(text)
    for f in facts:
        if f.months and f.period_start and f.period_end:
            f.fiscal_label = cal.label(f.period_start, f.period_end, f.months)
