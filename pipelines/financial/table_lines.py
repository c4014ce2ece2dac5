"""Cleaned text -> a stream of table items (rows, headings, headers, titles).

Three shapes of table reach us and all become the same ``Row``:

* tab-separated rows (PDF/HTML ingest): one line, cells split on TAB;
* plain aligned rows (text-mode PDFs): a label then a run of figures, cells
  split on two or more spaces;
* flattened markdown (the archive's style): a label line followed by one line
  per figure; ``$`` or ``)`` alone on a line and blank lines are decoration;
* markdown pipe tables (``| label | $ 1,234 | (56) |``), also with several
  rows joined on one line by the cleaner;
* whole tables flattened onto one line by a newswire export, rows glued to
  each other ("10,912Royalty", "(12)Total", "revenues$ 3,849"): the line is cut
  into "label figures" segments; titles and period headers inside it become
  title/header items. A row whose label may hold words of its neighbour (it
  follows a run of another length, or holds glued figures) is marked
  ``fragment``: only a known label is read from it. Figures glued to figures
  without a space are split only where their thousands groups allow one
  reading ("3,8703,254" -> 3,870 | 3,254); "1,234567" or "295212" is not split
  and that row is left out. A dash glued to the word or figure before it
  ("related party- 501,591", "430- 543") is a zero of its own; "$$ 12,912"
  is a cell whose figure is missing, then 12,912. A capitals heading glued to
  the first label ("LIABILITIESDeposits") is a heading.
* a key-figures table printed inside a paragraph, cells and rows joined by
  single spaces ("Performance Highlights RMB Million 1H 2026 1H 2025 Change
  Operating revenue 48,693 49,601 -1.8% EBITDA ..."): read only after a
  header that names a scale and two or more quarter / half / nine-month /
  fiscal-year columns, row by row (label, one figure per column, one token per
  change column) until a token does not fit (``inline_summary``).

Wire decoration is dropped: dotted leaders ("Research and development .....
$ 12,345"), underline rules ("--------  ========"), a "%" or "(" printed in a
cell of its own (the figure before a "%" cell is a percentage; "(" | "12,345"
| ")" is negative), indent cells before a label. A statement title printed as
the first row of an HTML table is a title, a footnote below a table ("(1)
Includes ...") is prose.

A label printed on two lines ("Net loss per share, basic and" / "diluted ...")
is joined when the second line starts in lower case or the first ends with a
connector ("and", "of", ","), or when the second is a parenthetical with
figures ("Treasury stock, at cost" / "(December 2024: 59,796 shares)"); such a
parenthetical inside a glued row's label stays in the label.

Reference marks after figures are not figures: superscripts, daggers and "*"
glued to a figure are blanked, "(1)" / "(a)" glued to the end of a cell is
dropped from it (in a glued one-line row, where "(1)" may be a figure of the
next column, ``tables`` drops it only when the column count says so).

Offsets are absolute offsets in the cleaned text, so every fact's evidence is
a slice of it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from pipelines.financial.numbers import Figure, cell_numbers, is_year_token, scaled_cell
from pipelines.financial.table_periods import find_scale, has_month_day, has_period_words

_TITLE = re.compile(
    r"(?i)balance sheets?|statements? of (?:consolidated |condensed |comprehensive )*"
    r"(?:operations|income|loss|(?:comprehensive )?(?:loss|income)|earnings|cash flows?|financial (?:condition|position))"
    r"|cash flows? statements?|income statements?|selected (?:consolidated )?financial (?:data|information)"
    r"|financial highlights|statements? of financial (?:condition|position)"
)
_KIND = (
    ("cash_flow", re.compile(r"(?i)cash flows?")),
    ("balance", re.compile(r"(?i)balance sheets?|financial (?:condition|position)")),
    ("income", re.compile(r"(?i)operations|income|loss|earnings")),
)
_DECOR = re.compile(r"^[\s\u00a0$)(]*$")
# Underline rules of text-mode statements ("-----------  ===========").
_RULE_LINE = re.compile(r"^[\s\u00a0]*(?:[-=_]{3,}[\s\u00a0]*)+$")
# A "%" printed in a cell of its own, after the figure ("12" | "%", "(15" | ")%").
_OPEN_CELL = re.compile(r"^[\s\u00a0]*\$?[\s\u00a0]*\($")
_PCT_SIGN_CELL = re.compile(r"^\s*\)?\s*%\s*$")
# A footnote below a table ("(1) Includes stock-based compensation of ..."): prose.
_FOOTNOTE_LINE = re.compile(r"^(?:\(\d{1,2}\)|\(?[a-z]\)|\*+|\u2020|\u2021)\s*[A-Z][a-z]+\s+\S")
# Dotted leaders between a label and its figures ("Research and development ...... $ 12,345").
_LEADER = re.compile(r"\.{2,}")
_PCT_CELL = re.compile(r"^\s*\(?-?[\d.,]+\)?\s*%\s*$|^\s*(?:n/?m|nm)\s*$", re.I)
_GAP = re.compile(r"\s{2,}|\t")
_TOKEN = re.compile(r"\S+")
_HEADING_PREFIX = re.compile(r"^\s*(?P<h>[A-Z][A-Za-z ,&'()/-]{1,60}?):(?:\s+|(?=[A-Z]))(?P<rest>\S.*)$")
_LETTER = re.compile(r"[A-Za-z]")
# Three figures in a row somewhere in a long line: it may be a flattened table.
_NO_DIGITS = str.maketrans("", "", "0123456789")


def _figure_dense(line: str) -> bool:
    """At least 8 digits making up an eighth of the line (C-level count): a line of
    figures that does not end with one, not prose with a date in it."""
    digits = len(line) - len(line.translate(_NO_DIGITS))
    return digits >= 8 and digits * 8 >= len(line)


_LEAD_YEARS = re.compile(r"\s*(?:(?:19[89]\d|20[0-4]\d)\s+)+(?=[A-Za-z(])")
_FIG_RUN2 = re.compile(r"\d\)? \$? ?\(?-?\d")

_FIG_START = frozenset("$(-.0123456789\u2012\u2013\u2014\u2015\u2212")
_FIG_END = frozenset(")-0123456789\u2012\u2013\u2014\u2015\u2212")

MAX_HEADING = 160  # a text line longer than this is prose: it ends a table ...
MAX_LABEL = 300  # ... unless figure lines follow it: then it is a long row label


@dataclass
class Row:
    label: str
    label_start: int
    cells: list[list[Figure]]  # figures grouped by printed cell, absolute offsets
    start: int  # evidence span in the cleaned text
    end: int
    flat: bool = False  # flattened markdown: one figure per line
    fragment: bool = False  # label may hold words of another row: known concepts only
    glued: bool = False  # one of several rows flattened onto one line

    @property
    def figures(self) -> list[Figure]:
        return [f for c in self.cells for f in c]


@dataclass
class Item:
    kind: str  # row | heading | header | title | prose
    text: str = ""
    row: Row | None = None
    start: int = 0
    summary: bool = False  # the header of a key-figures table printed inside a paragraph


@dataclass
class Table:
    titles: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)  # rows and headings in print order
    scale: tuple[int, bool] | None = None
    notes: tuple[str, ...] = ()  # title, header and heading lines above it: may name its currency
    summary: bool = False  # key figures printed inside a paragraph (``inline_summary``)

    @property
    def rows(self) -> list[Row]:
        return [i.row for i in self.items if i.row is not None]

    def kind(self) -> str | None:
        for t in self.titles:
            for name, rx in _KIND:
                if rx.search(t):
                    return name
        return None


# Footnote marks glued to a figure ("1,234\u00b9", "5,000*", "(812)\u2020"): never part of
# it. Blanked (offsets unchanged) before the line is read.
_MARK_CHARS = frozenset("*\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079\u2020\u2021")
_GLUED_MARK = re.compile(
    r"(?:(?<=[\d)])\*{1,3}|(?<=[\w)])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u2020\u2021]+)(?=[\s$)|]|$)"
)
# "1,234(1)", "12.5(a)": a reference mark glued to the end of a figure's cell; a
# figure of its own would be printed apart (another cell, another line).
_GLUED_PAREN_MARK = re.compile(r"(?<=[\d)])\((?:\d{1,2}|[a-z])\)(?=\s*$)")


def _unmark(line: str) -> str:
    if "€" in line or "£" in line or "¥" in line or "$" in line and _may_prefix(line) or _may_code(line):
        line = _CUR_BEFORE_FIGURE.sub(_as_dollar, line)
    if _MARK_CHARS.isdisjoint(line):
        return line
    return _GLUED_MARK.sub(_blank, line)


# A currency printed before a figure ("€ 12,345", "HK$1,234", "EUR (0.05)") is read
# like "$": the table's currency comes from ``table_periods.currencies``. A scale
# ("€'000") is left for ``find_scale``.
_CUR_BEFORE_FIGURE = re.compile(
    r"(?:[€£¥]|(?<![A-Za-z])(?:HK|C|A|US|NZ|S)\$|\b(?:EUR|GBP|CHF|RMB)\b)(?=\s?\(?\d)(?!\s?'?000(?![\d,.]))"
)


def _may_prefix(line: str) -> bool:
    return "K$" in line or "C$" in line or "A$" in line or "S$" in line or "Z$" in line


def _may_code(line: str) -> bool:
    return "EUR" in line or "GBP" in line or "CHF" in line or "RMB" in line


def _as_dollar(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start() - 1) + "$"


def _cell_figures(cell: str, pos: int = 0) -> list[Figure] | None:
    """``cell_numbers`` of a cell, else of the cell without a reference mark glued
    to its end ("1,234(1)")."""
    figs = cell_numbers(cell, pos)
    if figs is None and cell.endswith(")"):
        m = _GLUED_PAREN_MARK.search(cell)
        if m:
            figs = cell_numbers(cell[: m.start()] + " " * (m.end() - m.start()) + cell[m.end():], pos)
    return figs


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _strip_span(line: str, start: int) -> tuple[int, int]:
    lead = len(line) - len(line.lstrip())
    return start + lead, start + len(line.rstrip())


def _is_year_only(figs: list[Figure]) -> bool:
    return bool(figs) and all(is_year_token(f.text) for f in figs)


def _tab_item(line: str, start: int) -> Item:
    cells = line.split("\t")
    if not cells[0].strip():
        # "\tResearch and development\t$\t31,275": an indent cell before the label.
        first = next((i for i, c in enumerate(cells) if c.strip()), 0)
        if first and cell_numbers(cells[first]) is None and not _PCT_CELL.match(cells[first]):
            lead = sum(len(c) + 1 for c in cells[:first])
            cells = [line[:lead] + cells[first], *cells[first + 1 :]]
    label = cells[0]
    pos = start + len(label) + 1
    groups: list[list[Figure]] = []
    numeric = True
    last_fig_cell = -2  # index of the last cell that held figures
    negate_next = False  # "(" printed in a cell of its own before the figure
    for ci, cell in enumerate(cells[1:]):
        if negate_next is False and cell and cell[-1] == "(" and _OPEN_CELL.match(cell):
            negate_next = True
            pos += len(cell) + 1
            continue
        if _PCT_CELL.match(cell):  # a "% change" column is not a statement figure
            pos += len(cell) + 1
            continue
        if _PCT_SIGN_CELL.match(cell):
            # "12" | "%": the percent sign printed in a cell of its own makes the
            # figure before it a percentage, not a statement figure.
            if groups and last_fig_cell == ci - 1:
                groups.pop()
            pos += len(cell) + 1
            continue
        figs = _cell_figures(cell, pos)
        if figs is None and "illion" in cell:
            figs = scaled_cell(cell, pos)  # "$ 412.3 million" in a list of selected figures
        if figs is None:
            numeric = False
            break
        if figs and negate_next:
            f0 = figs[0]
            if f0.value and not f0.negative:
                figs = [dataclasses.replace(f0, value=-f0.value, negative=True), *figs[1:]]
            negate_next = False
        if figs:
            groups.append(figs)
            last_fig_cell = ci
        pos += len(cell) + 1
    text = " ".join(c.strip() for c in cells if c.strip())
    if not numeric:
        periodish = has_period_words(text) or has_month_day(text) or bool(_YEARS_HEAD.match(text))
        return Item("header" if periodish else "heading", text, start=start)
    figs = [f for g in groups for f in g]
    if not figs or all(f.is_dash for f in figs) and label.strip().endswith(":"):
        t = label.strip()
        if not figs and t and not t.endswith(":") and len(t) <= MAX_HEADING and _TITLE.search(t):
            # "Condensed Consolidated Balance Sheet Data" printed as the first row of the table
            return Item("title", t, start=start + len(label) - len(label.lstrip()))
        if not figs and len(t) <= 60 and (has_period_words(t) or (len(t) <= 40 and has_month_day(t))):
            # "As of December 31, 2024" / "Year Ended December 31," alone on a header row
            return Item("header", t, start=start + len(label) - len(label.lstrip()))
        return Item("heading", t, start=start)
    if _is_year_only(figs):
        return Item("header", text, start=start)
    s, e = _strip_span(line, start)
    lead = len(label) - len(label.lstrip())
    return Item("row", row=Row(label.strip(), start + lead, groups, s, e), start=start)


_MONTH_TOKEN = re.compile(r"(?i)^(?:\d{1,2},?|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)$")


class _Tok:
    """A token of a line: text and offsets inside the line (re.Match-like)."""

    __slots__ = ("_s", "_e", "_t")

    def __init__(self, s: int, e: int, t: str) -> None:
        self._s, self._e, self._t = s, e, t

    def group(self, _i: int = 0) -> str:
        return self._t

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e


# Where a flattened export glued two tokens together: "10,912Royalty",
# "(12)Total", "2023Net", "assets2,666,627", "revenues$", "317(649)6(1,593)".
_GLUE = re.compile(
    r"(?<=[\d)])(?=[A-Z])"
    r"|(?<=^-)(?=[A-Z$])"
    r"|(?<=[a-z])(?=\$)|(?<=[A-Z]{3})(?=\$)"
    r"|(?<=[a-z])(?=\(?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?(?:[\s$(]|-[A-Z]|\Z))"
    r"|(?<=[A-Z]{3})(?=\d{1,3}(?:,\d{3})+(?:[\s$(]|\Z))"
    r"|(?<=[a-z])(?=\d{1,3}(?:,\d{3})*,\d{4,6}(?:,\d{3,6})*,\d{3}(?:[\s$(A-Z]|\Z))"
    r"|(?<=\))(?=[\d($])"
    r"|(?<=\d)(?=\$)"
    r"|(?<=\d)(?=\()"
    r"|(?<=[a-z])(?=\(\d{1,3}(?:,\d{3})+(?:\.\d+)?\)\d)"
    r"|(?<=[a-z\d)]-)(?=\(\d)"
    r"|(?<=\d,\d{3}-)(?=[A-Z][a-z])|(?<=\d,\d{3})(?=-[A-Z][a-z])"
)
# Also "GMGI$566,014" and "GMGI121,279,092" (an acronym, not a currency prefix
# such as "HK$"), "-$" (a dash cell, then the next cell's "$"),
# "assets(79,915)171,358" (a parenthesized figure glued to both sides),
# "operations-(20,712)" (a dash cell glued to the label and to the next figure:
# a dash never opens a parenthesized figure) and "7,721-Tax" (a dash cell between
# a figure and the next label; a figure with a separator, unlike "31-Dec-24").
# Figures glued to each other without a space ("3,8703,254", "46,541,10344,460,091")
# are split only where the thousands groups allow one reading: every figure has a
# separator and a group of 4-6 digits is the 3 closing one figure and the 1-3
# opening the next. Anything else ("1,234567", "295212") is left alone and its row
# is skipped.
_GLUED_RUN = re.compile(r"\d{1,3}(?:,\d{3,6})+")
# A dash glued to the word or figure before it ("related party- 501,591",
# "430- 543"): a zero in its own cell when a figure or a dash follows.
_TRAILING_DASH = re.compile(r"[a-z\d)]-")


# "losses-168,750" or "party -501,591" right after the label, in a table that
# prints its negatives in parentheses: the dash is a nil cell glued to the next
# cell, not a minus sign.
_PAREN_FIGURE = re.compile(r"\(\d{1,3}(?:,\d{3})+\)")
_NIL_DASH = re.compile(r"(?<=[a-z])-(?=\d{1,3}(?:,\d{3})+(?!\d))")


def _split_run(t: str) -> list[int] | None:
    """Offsets where a glued run of figures splits, or None when it is not one."""
    if not _GLUED_RUN.fullmatch(t):
        return None
    groups = t.split(",")
    if len(groups[-1]) != 3 or all(len(g) == 3 for g in groups[1:]):
        return None
    cuts = []
    pos = len(groups[0])
    for g in groups[1:-1]:
        pos += 1  # the comma
        if len(g) > 3:
            cuts.append(pos + 3)
        pos += len(g)
    return cuts


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def _tokens(line: str) -> list[_Tok]:
    """Whitespace tokens, further split where a flattened export glued them."""
    out: list[_Tok] = []
    if ".." in line:
        # Dotted leaders are decoration ("Research and development ...... $ 12,345",
        # "administrative......9,812"): blanked out, offsets unchanged.
        line = _LEADER.sub(_blank, line)
    nil_dash = "-" in line and _PAREN_FIGURE.search(line) is not None
    for m in _TOKEN.finditer(line):
        t = m.group(0)
        base = m.start()
        if len(t) < 2 or t.isalpha():
            out.append(_Tok(base, m.end(), t))
            continue
        cuts = [c.start() for c in _GLUE.finditer(t) if 0 < c.start() < len(t)]
        if nil_dash:
            cuts = sorted({*cuts, *(x for d in _NIL_DASH.finditer(t) for x in (d.start(), d.end()))})
            if t[0] == "-" and out and out[-1].group(0)[-1:].isalpha() and _NIL_DASH.match(f"a{t}", 1):
                cuts.insert(0, 1)  # "party -501,591": the label's row opens with a nil cell
        bounds = [0, *cuts, len(t)]
        for a, b in zip(bounds, bounds[1:]):
            run = _split_run(t[a:b]) if b - a > 8 else None
            if run:
                for x, y in zip([a, *(a + c for c in run)], [*(a + c for c in run), b]):
                    out.append(_Tok(base + x, base + y, t[x:y]))
                continue
            out.append(_Tok(base + a, base + b, t[a:b]))
    if "-" in line:
        out = _split_trailing_dashes(out)
    return out


def _split_trailing_dashes(toks: list[_Tok]) -> list[_Tok]:
    """"party-" / "430-" followed by a figure or a dash: the dash is a cell of its own."""
    out: list[_Tok] = []  # built right to left: "liability- 430- 543" splits "430-" first
    for tk in reversed(toks):
        t = tk.group(0)
        if len(t) > 1 and t[-1] == "-" and _TRAILING_DASH.match(t, len(t) - 2) and out:
            nxt = out[-1].group(0)
            figs = cell_numbers(nxt) if nxt[0] in _FIG_START else None
            if figs and not is_year_token(nxt):
                e = tk.end()
                out.append(_Tok(e - 1, e, "-"))
                out.append(_Tok(tk.start(), e - 1, t[:-1]))
                continue
        out.append(tk)
    out.reverse()
    return out


def _token_figures(toks: list, i: int, start: int) -> list[Figure] | None:
    """The figures of token i, [] for a lone $ or parenthesis, None for a word."""
    t = toks[i].group(0)
    if t in ("$", ")", "("):
        return []
    if t == "$$" and i + 1 < len(toks) and cell_numbers(toks[i + 1].group(0)):
        # "liabilities $$ 12,912,300": the first "$" is a cell whose figure is missing
        s = start + toks[i].start()
        return [Figure(None, 0, False, False, s, s + 1, "$")]
    if i and t[-1] == "%" and _PCT_CELL.match(t) and cell_numbers(toks[i - 1].group(0)):
        return []  # a "% change" column after the figures: not a figure
    figs = cell_numbers(t, start + toks[i].start())
    if not figs:
        return None
    if len(figs) == 1 and figs[0].is_dash:
        # "share - diluted": a dash between words is punctuation, not a zero;
        # next to a figure ("(15) - (15) -") it is a zero.
        nxt = toks[i + 1].group(0) if i + 1 < len(toks) else None
        prev = toks[i - 1].group(0) if i else None
        prev_fig = prev is not None and (prev == "$" or prev != "(" and bool(cell_numbers(prev)))
        if nxt is not None and not prev_fig and not cell_numbers(nxt) and nxt not in ("$", ")"):
            return None
    if is_year_token(t) and i and _MONTH_TOKEN.match(toks[i - 1].group(0)):
        return None  # "December 31, 2024" inside a label
    return figs


def _segments(line: str, start: int):
    """The line as "label figures..." segments: (toks, segs, tail) or None.

    ``segs`` are (label start, label end, run) with run a list of (token
    index, figures); ``tail`` is the (start, end) of words after the last run.
    """
    toks = _tokens(line)
    segs: list[tuple[int, int, list[tuple[int, list[Figure]]]]] = []
    label_start: int | None = None
    label_end = 0
    run: list[tuple[int, list[Figure]]] = []
    for i, m in enumerate(toks):
        figs = _token_figures(toks, i, start)
        if figs is not None and label_start is not None and not run:
            if _in_open_detail(line, label_start, label_end, toks, i):
                figs = None  # "Treasury stock, at cost (December 2024 - 59,796 shares)": the label's details
        if figs is None:  # a word
            if run:
                segs.append((label_start, label_end, run))  # type: ignore[arg-type]
                run, label_start = [], None
            if label_start is None:
                label_start = m.start()
            label_end = m.end()
        else:
            if label_start is None:
                return None  # figures before any label
            run.append((i, figs))
    if run:
        segs.append((label_start, label_end, run))  # type: ignore[arg-type]
        tail = None
    else:
        tail = (label_start, label_end) if label_start is not None else None
    if not segs:
        return None
    return toks, segs, tail


_DETAIL_CLOSE = re.compile(r"[A-Za-z]\)[,;:]?$")


def _in_open_detail(line: str, ls: int, le: int, toks, i: int) -> bool:
    """Token i sits inside a parenthesis the label opened with words ("(December")
    and that a word closes within a few tokens ("shares)")."""
    label = line[ls:le]
    if label.count("(") <= label.count(")"):
        return False
    opened = label.rfind("(")
    if not label[opened + 1 : opened + 2].isalpha():
        return False
    for tk in toks[i : i + 6]:
        t = tk.group(0)
        if _DETAIL_CLOSE.search(t):
            return True
        if ")" in t:
            return False
    return False


def _groups(line: str, toks, r) -> list[list[Figure]]:
    """Figures of a run grouped by printed cell (runs of 2+ spaces), else one per token."""
    figs = [f for _, fs in r for f in fs]
    run_text = line[toks[r[0][0]].start() : toks[r[-1][0]].end()]
    if not _GAP.search(run_text):
        return [[f] for f in figs]
    groups: list[list[Figure]] = []
    cur_cell: list[Figure] = []
    prev_end = None
    for ti, fs in r:
        if prev_end is not None and _GAP.match(line, prev_end) and cur_cell:
            groups.append(cur_cell)
            cur_cell = []
        cur_cell.extend(fs)
        prev_end = toks[ti].end()
    if cur_cell:
        groups.append(cur_cell)
    return groups


def _rows_and_tail(line: str, start: int, toks, segs, tail, counts) -> list[Item] | None:
    """Whole rows of equal length then the first line of the next label
    ("Total equity 195,000 239,000 Total liabilities and stockholders'"), else None."""
    if tail is None or len(set(counts)) != 1 or counts[0] < 2:
        return None
    text = line[tail[0] : tail[1]]
    if len(text) > 120 or not text[:1].isupper() or text.endswith("."):
        return None
    out = []
    for ls, le, r in segs:
        label = line[ls:le]
        figs = [f for _, fs in r for f in fs]
        if not _LETTER.search(label) or len(label) > 120 or label.endswith((".", ",")) or _is_year_only(figs):
            return None
        end = start + toks[r[-1][0]].end()
        out.append(Item("row", row=Row(label, start + ls, _groups(line, toks, r), start + ls, end), start=start + ls))
    out.append(Item("heading", text, start=start + tail[0]))
    return out


def _aligned_items(line: str, start: int) -> list[Item] | None:
    """One or more "label figures..." rows printed on one line, else None.

    Text-mode PDFs print a row as a label and a run of figures; after
    whitespace normalization or line joining several rows may share a line.
    Every segment must be a label with letters followed by a run of figures,
    and the line must end with figures. Lines that do not fit may be whole
    tables flattened onto one line (``_glued_items``).
    """
    parsed = _segments(line, start)
    if parsed is None:
        return None
    toks, segs, tail = parsed
    counts = [sum(len(f) for _, f in r) for _, _, r in segs]
    if tail is not None or (len(segs) > 1 and (min(counts) < 2 or len(set(counts)) > 1)):
        return _glued_items(line, start, toks, segs, tail, counts)
    out = []
    for ls, le, r in segs:
        label = line[ls:le]
        if not _LETTER.search(label) or len(label) > 120 or label.endswith((".", ",")):
            return _glued_items(line, start, toks, segs, tail, counts)
        if len(segs) > 1 and (_GLUED_JUNK.search(label) or _INNER_CAP.search(_LABEL_DETAIL.split(label, 1)[0])):
            return _glued_items(line, start, toks, segs, tail, counts)
        first_tok = toks[r[0][0]]
        gap_before = line[le:first_tok.start()]
        figs = [f for _, fs in r for f in fs]
        if len(segs) == 1 and len(figs) == 1 and "  " not in gap_before:
            return None  # "label 12" with one space: prose-like, not a table row
        if _is_year_only(figs):
            if len(segs) == 1:
                return [Item("header", line.strip(), start=start)]
            return None
        end = start + toks[r[-1][0]].end()
        row = Row(label, start + ls, _groups(line, toks, r), start + ls, end)
        if len(segs) > 1:
            _mark_glued(row)
        out.append(Item("row", row=row, start=start + ls))
    return out


# The last date or year of a text: a title/header printed before a row label
# on the same line ends there ("BALANCE SHEETS September 30, 2025 December 31,
# 2024 Cash and cash equivalents").
_LAST_DATE = re.compile(
    r"(?:19[89]\d|20[0-4]\d|(?<=\d-[A-Za-z]{3}-)\d\d(?!\d))(?:\s*\((?:unaudited|audited)\))?"
    r"(?!.*(?:19[89]\d|20[0-4]\d|\d-[A-Za-z]{3}-\d\d))",
    re.I | re.S,
)
_UNAUDITED = re.compile(r"^(?:\s*\((?:unaudited|audited|in thousands|in millions)\)\s*)+", re.I)
_CAPS_PREFIX = re.compile(r"^(?P<h>(?:[A-Z][A-Z'&/,-]+\s+)+)(?=[A-Z][a-z])")
# A capitals heading glued to the label after it: "LIABILITIESDeposits",
# "SHAREHOLDER CAPITAL/EQUITYTotal Stock".
_CAPS_GLUED = re.compile(r"^(?P<h>(?:[A-Z][A-Z'&/,-]+\s+)*[A-Z][A-Z'&/,-]+[A-Z])(?=[A-Z][a-z]{2})")
_MIN_GLUED_ROWS = 2
# A capitals heading of a block that is no statement section ("FINANCIAL RATIOS",
# "SELECTED STATISTICS").
_RATIO_SECTION = re.compile(r"\bRATIOS?\b|\bSTATISTICS\b")
# "Liabilities and stockholders' equity Accounts payable": a heading glued to a label.
# A connector before a capital is title case ("Provision for Loan Loss"), not a seam.
_INNER_CAP = re.compile(r"\b(?!(?:and|or|of|for|to|in|on|the|from|at|by|with|an?)\b)[a-z][a-z']* +[A-Z][a-z]")
# A figure that could not be read ("4,8773,522", "295212") inside a label.
_LABEL_DETAIL = re.compile(r",\s|[;($]")
# Figures glued to words or to each other ("net1,097,7411,192,044", "authorized- -Preferred",
# "252208906873") anywhere in a label: the row boundaries around it are unknown.
# A hyphen inside a word ("Non-Interest") is no seam.
_GLUED_JUNK = re.compile(r"[A-Za-z]\d{1,3},\d{3}|\d,\d{4}|\d{7,}|[a-z]-(?:\s|$)|(?<![A-Za-z])-[A-Z]|[A-Z]{3}[a-z]")
_NUMBERISH = re.compile(r"\d[\d,.()]{3,}")


def _header_kind(text: str) -> str | None:
    if _TITLE.search(text):
        return "title"
    if has_period_words(text):
        return "header"
    return None


def _mark_glued(row: Row, fragment: bool = False) -> None:
    """A row that shared its line with other rows: flag a label that may hold
    words or figures of its neighbours (``fragment``: known concepts only)."""
    label = row.label
    head = _LABEL_DETAIL.split(re.split(r":\s*", label)[-1], 1)[0]
    row.fragment = (
        fragment
        or not label.lstrip("( ")[:1].isupper()
        or bool(_INNER_CAP.search(head))
        or bool(_NUMBERISH.search(head))
        or bool(_GLUED_JUNK.search(label))
    )
    row.glued = True


def _merge_label_figures(line: str, segs, counts):
    """Put figures printed inside a label back into it: "Common stock, $.001 par value;
    40,000,000 shares authorized ... 11 10" is one row, not a row of one figure
    followed by a row labeled "shares authorized ...". A run shorter than the
    usual row, followed by a label in lower case, is part of that label."""
    full = [c for (_, _, r), c in zip(segs, counts) if c >= 2]
    if not full:
        return segs, counts
    modal = max(set(full), key=full.count)
    out, out_counts = [], []
    i = 0
    while i < len(segs):
        ls, le, r = segs[i]
        c = counts[i]
        j = i
        while (
            c < modal
            and j + 1 < len(segs)
            and (line[segs[j + 1][0] : segs[j + 1][0] + 1].islower() or line[: segs[j][1]].rstrip()[-1:] in ";,")
        ):
            j += 1
            c = counts[j]
        if j > i:
            out.append((ls, segs[j][1], segs[j][2]))
        else:
            out.append((ls, le, r))
        out_counts.append(counts[j])
        i = j + 1
    return out, out_counts


_SHARE_DETAIL = re.compile(r"(?i)\bpar value\b|\bshares?\b.*\b(?:authorized|issued|outstanding)\b")


def _one_row_with_label_figures(line: str, start: int, toks, segs, tail, counts) -> list[Item] | None:
    """One aligned row whose label prints figures: "Common stock, $0.001 par value;
    100,000,000 shares authorized; 25,000,000 issued      25      24". The share
    counts stay in the label; the amounts are the run after the column gap."""
    if tail is not None or len(segs) < 2:
        return None
    msegs, _ = _merge_label_figures(line, segs, counts)
    if len(msegs) != 1:
        return None
    ls, le, r = msegs[0]
    label = line[ls:le]
    if not _SHARE_DETAIL.search(label):
        return None  # figures inside a label are share counts and par values only
    figs = [f for _, fs in r for f in fs]
    if _is_year_only(figs):
        return None
    end = start + toks[r[-1][0]].end()
    return [Item("row", row=Row(label, start + ls, _groups(line, toks, r), start + ls, end), start=start + ls)]


def _glued_items(line: str, start: int, toks, segs, tail, counts) -> list[Item] | None:
    """A table (or several) flattened onto one line by the export.

    Accepted only when at least two segments hold two or more figures that are
    not years: prose never prints runs of figures like that. Titles and
    period headers inside the line become title/header items; a row's label
    is what follows the previous run (or the header). A row whose label
    follows a run of another length may carry a piece of the row before it:
    it is marked ``fragment`` and only maps to a known concept.
    """
    full = 0
    for _, _, r in segs:
        figs = [f for _, fs in r for f in fs]
        if len(figs) >= 2 and not _is_year_only(figs) and sum(not f.is_dash for f in figs) >= 1:
            full += 1
    if full < _MIN_GLUED_ROWS:
        one = _one_row_with_label_figures(line, start, toks, segs, tail, counts)
        return one if one is not None else _rows_and_tail(line, start, toks, segs, tail, counts)
    segs, counts = _merge_label_figures(line, segs, counts)
    out: list[Item] = []
    prev_count: int | None = None
    for (ls, le, r), count in zip(segs, counts):
        figs = [f for _, fs in r for f in fs]
        run_end = toks[r[-1][0]].end()
        if _is_year_only(figs):
            t = _TITLE.search(line, ls, run_end)
            if t:
                ls = t.start()  # "Bank Financial Summary For Quarter Ending ... BALANCE SHEET ..."
            text = line[ls:run_end]
            kind = _header_kind(text)
            if kind:
                out.append(Item(kind, " ".join(text.split()), start=start + ls))
            prev_count = None
            continue
        fragment = prev_count is not None and prev_count != count
        label = line[ls:le]
        m = _LAST_DATE.search(label)
        if m and _header_kind(label[: m.end()]) and not _SHARE_DETAIL.search(label, 0, m.end()):
            t = _TITLE.search(label, 0, m.start())
            head = label[t.start() if t else 0 : m.end()]
            at = start + ls + (t.start() if t else 0)
            out.append(Item(_header_kind(head) or "header", " ".join(head.split()), start=at))
            rest = label[m.end():]
            ls = ls + m.end() + (len(rest) - len(rest.lstrip()))
            fragment = False
        elif _header_kind(label):
            # A title without dates before the label: "STATEMENTS OF CASH FLOWS (in thousands) Net loss".
            fragment = True
        label = line[ls:le]
        u = _UNAUDITED.match(label)
        if u:
            ls += u.end()
            label = line[ls:le]
        c = _CAPS_PREFIX.match(label) or _CAPS_GLUED.match(label)
        if c and len(c.group("h").split()) <= 6:
            if _RATIO_SECTION.search(c.group("h")):
                # "NET INCOME 3,093 2,873 FINANCIAL RATIOS Return on ...": a block of
                # ratios and per-share data after the statement is not one of its
                # sections; as a title it ends the statement (its columns are unread)
                out.append(Item("title", c.group("h").strip(), start=start + ls))
            elif c.re is _CAPS_GLUED:
                out.append(Item("heading", c.group("h").strip(), start=start + ls))
            ls += c.end()
            label = line[ls:le]
        prev_count = count
        if not _LETTER.search(label) or count == 0:
            continue
        end = start + run_end
        row = Row(label, start + ls, [[f] for f in figs], start + ls, end)
        _mark_glued(row, fragment)
        out.append(Item("row", row=row, start=start + ls))
    if tail is not None:
        text = line[tail[0] : tail[1]]
        kind = _header_kind(text) or ("prose" if len(text) > MAX_LABEL else "heading")
        out.append(Item(kind, " ".join(text.split()), start=start + tail[0]))
    return out


_PIPE_RULE = re.compile(r"^\s*:?-{2,}:?\s*$")


def _pipe_items(line: str, start: int) -> list[Item]:
    """A markdown pipe table line: ``| label | $ 1,234 | (56) |``, possibly several rows
    joined on one line by the cleaner. A text cell starts a row, figure cells fill it,
    empty cells and ``---`` rules are decoration; period cells form a header."""
    out: list[Item] = []
    header: list[str] = []
    header_start = 0
    label: str | None = None
    label_start = 0
    groups: list[list[Figure]] = []
    end = 0

    def close() -> None:
        nonlocal label, groups
        if label is not None:
            if groups:
                out.append(Item("row", row=Row(label, label_start, groups, label_start, end), start=label_start))
            else:
                out.append(_text_item(label, label_start) if len(label) <= MAX_HEADING else Item("prose", label, start=label_start))
        label, groups = None, []

    def flush_header() -> None:
        nonlocal header
        if header:
            out.append(Item("header", " ".join(header), start=header_start))
            header = []

    pos = 0
    for cell in line.split("|"):
        cstart = pos
        pos += len(cell) + 1
        text = cell.strip()
        if not text or _PIPE_RULE.match(text) or _PCT_CELL.match(text):
            continue
        at = start + cstart + cell.index(text[0])
        figs = _cell_figures(cell, start + cstart)
        if figs and _is_year_only(figs) and not groups:
            close()
            if not header:
                header_start = at
            header.append(text)
            continue
        if figs:
            if label is None:
                label, label_start = "", at
            groups.append(figs)
            end = at + len(text)
            continue
        close()
        if has_period_words(text) or (len(text) <= 40 and has_month_day(text)):
            if not header:
                header_start = at
            header.append(text)
            continue
        flush_header()
        label, label_start = text, at
    close()
    flush_header()
    return out


# "2025 2024 Change % Change", "2024 2023 (unaudited)": a year header with change columns.
_YEARS_HEAD = re.compile(
    r"(?i)^(?:(?:19[89]\d|20[0-4]\d)[\s,/|]*)+"
    r"(?:\$\s*change|%\s*change|change\s*%?|\$|%|variance|increase\s*/?\s*\(?decrease\)?|\(?unaudited\)?|\s)*$"
)


def _text_item(stripped: str, start: int) -> Item:
    if len(stripped) > MAX_HEADING or (len(stripped) > 40 and _FOOTNOTE_LINE.match(stripped)):
        return Item("prose", stripped, start=start)
    if _YEARS_HEAD.match(stripped):
        return Item("header", stripped, start=start)
    if _TITLE.search(stripped):
        return Item("title", stripped, start=start)
    if has_period_words(stripped) or (len(stripped) <= 40 and has_month_day(stripped)):
        return Item("header", stripped, start=start)
    return Item("heading", stripped, start=start)


def items(text: str) -> list[Item]:
    """Every line of ``text`` as an item; flattened rows are assembled here."""
    out: list[Item] = []
    pending: Item | None = None  # a short text line that may be a flattened label
    flat: Row | None = None  # the flattened row being filled

    def close_flat() -> None:
        nonlocal flat
        if flat is not None:
            out.append(Item("row", row=flat, start=flat.start))
            flat = None

    in_tab_table = False  # header or figure rows of a TAB table came before, no blank line since
    for start, line in _lines(text):
        line = _unmark(line)
        stripped = line.strip().strip("\u00a0").strip()
        if not stripped:
            in_tab_table = False
            continue
        if _DECOR.match(line) or (stripped[0] in "-=_" and _RULE_LINE.match(line)):
            continue
        if stripped[0] == "|" and stripped.count("|") >= 3:
            close_flat()
            if pending is not None:
                out.append(pending)
                pending = None
            out.extend(_pipe_items(line, start))
            continue
        if "\t" in line:
            close_flat()
            if pending is not None:
                out.append(pending)
                pending = None
            item = _tab_item(line, start)
            if item.kind == "title" and in_tab_table:
                # a statement name inside a table ("Balance Sheet Data" between the
                # sections of a selected-data table) is a sub-heading, not a new table
                item.kind = "heading"
            out.append(item)
            in_tab_table = in_tab_table or item.kind in ("row", "header")
            continue
        figs = _cell_figures(stripped) if stripped[0] in _FIG_START else None
        if figs:
            lead = line.index(stripped[0])
            figs = _cell_figures(stripped, start + lead) or []
            if _is_year_only(figs):
                close_flat()
                if pending is not None:
                    out.append(pending)
                    pending = None
                out.append(Item("header", stripped, start=start))
                continue
            s, e = _strip_span(line, start)
            if flat is None:
                if pending is not None and (
                    pending.kind in ("heading", "header") or (pending.kind == "prose" and len(pending.text) <= MAX_LABEL)
                ):
                    label, lstart = pending.text, pending.start
                    pending = None
                else:
                    if pending is not None:
                        out.append(pending)
                        pending = None
                    label, lstart = "", s
                flat = Row(label, lstart, [], lstart if label else s, e, flat=True)
            flat.cells.append(figs)
            flat.end = e
            continue
        close_flat()
        inline = inline_summary(line, start) if len(stripped) > MAX_HEADING else None
        if inline:
            if pending is not None:
                out.append(pending)
                pending = None
            out.extend(inline)
            continue
        # A row ends with a figure; prose (ending in a word or ".") is not parsed.
        rows = (
            _aligned_items(line, start)
            if stripped[-1] in _FIG_END or (_figure_dense(stripped) and _FIG_RUN2.search(stripped))
            else None
        )
        lead = _LEAD_YEARS.match(line) if rows is None and len(line) > MAX_HEADING else None
        if lead:
            # "2026 2025 Revenue $ - $ - Operating expenses: ...": the year header
            # of a table flattened onto the line that follows its period header.
            rest = _aligned_items(line[lead.end() :], start + lead.end())
            if rest and sum(1 for r in rest if r.kind == "row") >= _MIN_GLUED_ROWS:
                rows = [Item("header", lead.group(0).strip(), start=start + lead.start()), *rest]
        if rows:
            tail = rows.pop() if rows[-1].kind in ("heading", "header") else None
            if (
                rows
                and rows[0].row is not None
                and pending is not None
                and pending.kind == "heading"
                and continues(pending.text, rows[0].row.label)
            ):
                # "Net loss per share, basic and" / "diluted  $ (0.42) ...": one label.
                row = rows[0].row
                row.label = pending.text + " " + row.label
                row.label_start = row.start = rows[0].start = pending.start
                pending = None
            if pending is not None:
                out.append(pending)
                pending = None
            out.extend(rows)
            pending = tail
            continue
        item_start = start + line.index(stripped[0])
        if (
            pending is not None
            and pending.kind == "heading"
            and continues(pending.text, stripped)
            and len(pending.text) + len(stripped) < MAX_HEADING
        ):
            # A label printed on two lines, its figures on the lines below.
            merged = text[pending.start : item_start + len(stripped)]
            pending = _text_item(" ".join(merged.split()), pending.start)
            if pending.kind == "title":
                out.append(pending)
                pending = None
            continue
        if pending is not None:
            out.append(pending)
            pending = None
        item = _text_item(stripped, item_start)
        if item.kind in ("heading", "header", "prose"):
            # May be the label of the figures on the next lines ("Accounts
            # receivable, net of allowances as of September 30, 2024").
            pending = item
        else:
            out.append(item)
    close_flat()
    if pending is not None:
        out.append(pending)
    return out


# A key-figures table that a newswire printed inside a paragraph, its cells and
# rows joined by single spaces: "Performance Highlights RMB Million 1H 2026
# 1H 2025 Change Operating revenue 48,693 49,601 -1.8% EBITDA 30,252 ...".
# Its header names the money's scale and two or more period columns
# (quarters, halves, nine months, fiscal years: never bare years, which do
# not say how long a column is), then optionally change columns. Each row is a
# label, one figure per period column and one token per change column; the
# first token that does not fit ends the table, and the rest of the
# paragraph is prose.
_INLINE_UNIT = (
    r"(?:\(?(?:in\s+)?(?:RMB|CNY|HK\$|HKD|EUR|\u20ac|US\$|USD|\u00a3|GBP|CHF|SEK|DKK|NOK|JPY|\u00a5|S\$|SGD|A\$|AUD"
    r"|C\$|CAD|NZ\$|NZD|INR)\s*(?:['\u2019]000|(?i:millions?|thousands?|billions?))\)?)"
)
_INLINE_PERIOD = r"(?:(?:Q[1-4]|[1-4]Q|H[12]|[12]H|[69]M|FY)\s?'?(?:(?:19|20)\d\d|\d\d)(?![\w]))"
_INLINE_CHANGE = (
    r"(?:%\s*)?(?i:change|chg\.?|yoy|y-o-y|y/y|growth|variance)(?:\s*\(?%\)?)?(?![\w])|\+/-\s*%?|%(?!\w)"
)
_INLINE_HEAD = re.compile(
    _INLINE_UNIT + r"\s+(?P<periods>" + _INLINE_PERIOD + r"(?:\s+" + _INLINE_PERIOD + r"){1,5})"
    r"(?P<change>(?:\s+(?:" + _INLINE_CHANGE + r")){0,2})(?=\s+[A-Z(])"
)
_INLINE_PERIOD_RX = re.compile(_INLINE_PERIOD)
_INLINE_CHANGE_RX = re.compile(_INLINE_CHANGE)
_CHANGE_CELL = re.compile(
    r"^[-+\u2212\u2013]?\(?\d[\d,]*(?:\.\d+)?\)?\s?%$|^(?i:n/?a|n\.?m\.?|-|\u2013|\u2014)$"
    r"|^[-+\u2212\u2013]?\(?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?$"
)
_INLINE_MAX_LABEL_WORDS = 12
_INLINE_MIN_ROWS = 2


# Where a header may start: a scale word right before a period column. Found by
# plain substring search first (most paragraphs name no scale), then matched there
# (the cleaner has straightened curly quotes: "HK\u2019000" is "HK'000").
_SCALE_KEYS = ("illion", "housand", "'000")
_AFTER_SCALE = re.compile(
    r"(?:illions?|ILLIONS?|housands?|HOUSANDS?|['\u2019]000)\)?\s+(?:Q[1-4]|[1-4]Q|H[12]|[12]H|[69]M|FY)\s?'?\d\d"
)


def has_inline_summary(text: str) -> bool:
    """True when ``text`` may hold a key-figures table inside a paragraph."""
    for key in _SCALE_KEYS:
        i = text.find(key)
        while i >= 0:
            if _AFTER_SCALE.match(text, i) and _INLINE_HEAD.search(text, max(0, i - 24), i + 200):
                return True
            i = text.find(key, i + 1)
    return False


def inline_summary(line: str, start: int) -> list[Item] | None:
    """A key-figures table inside a paragraph -> prose, heading, header and rows, else None."""
    if not has_inline_summary(line):
        return None
    for m in _INLINE_HEAD.finditer(line):
        n = len(_INLINE_PERIOD_RX.findall(m.group("periods")))
        k = len(_INLINE_CHANGE_RX.findall(m.group("change")))
        rows, end = _inline_rows(line, start, m.end(), n, k)
        if len(rows) < _INLINE_MIN_ROWS:
            continue
        out: list[Item] = []
        before = line[: m.start()].rstrip()
        cut = max(before.rfind(". "), before.rfind(": "))
        title = before[cut + 2 if cut >= 0 else 0 :].strip()
        if cut >= 0:
            out.append(Item("prose", before[: cut + 1].strip(), start=start))
        if title and len(title) <= 60 and not re.search(r"\d", title):
            out.append(Item("heading", title, start=start + line.index(title, cut + 1 if cut >= 0 else 0)))
        elif title:
            out.append(Item("prose", title, start=start))
        out.append(Item("header", " ".join(m.group(0).split()), start=start + m.start(), summary=True))
        out.extend(rows)
        rest = line[end:].strip()
        if rest:
            at = line.index(rest[0], end)
            # a second table further on in the paragraph ("Key operating data ...")
            out.extend(inline_summary(line[at:], start + at) or [Item("prose", rest, start=start + at)])
        return out
    return None


def _inline_rows(line: str, start: int, pos: int, n: int, k: int) -> tuple[list[Item], int]:
    """The rows from ``pos`` (label tokens, n figures, k change cells) until one does not
    fit, and the offset in ``line`` where the last one ends."""
    toks = [(t.start(), t.end(), t.group(0)) for t in _TOKEN.finditer(line, pos)]
    out: list[Item] = []
    consumed = pos
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and not _is_cell(toks[j][2]):
            j += 1
        label_toks = toks[i:j]
        if not label_toks or len(label_toks) > _INLINE_MAX_LABEL_WORDS or j + n + k > len(toks):
            break
        label = line[label_toks[0][0] : label_toks[-1][1]]
        if not (label[0].isupper() or label[0] == "(") or ". " in label or label.endswith((".", ",", ";")):
            break
        figs = [_inline_figure(t[2], start + t[0]) for t in toks[j : j + n]]
        if any(f is None for f in figs):
            break
        changes = toks[j + n : j + n + k]
        if any(not _CHANGE_CELL.match(t[2]) for t in changes):
            break
        after = j + n + k
        if after < len(toks) and _is_cell(toks[after][2]):
            break  # more figures than the header has columns
        s0 = start + label_toks[0][0]
        # Only a label known as a whole is read: a heading printed before it ("Key
        # operating data Number of sites") may share it, and so may a qualifier
        # ("Underlying Net Profit"), so a known line at its end is not looked for.
        row = Row(label, s0, [[f] for f in figs if f is not None], s0, start + toks[j + n - 1][1], fragment=True)
        out.append(Item("row", row=row, start=s0))
        consumed = toks[after - 1][1]
        i = after
    return out, consumed


def _is_cell(tok: str) -> bool:
    """A figure or a percentage token: where a label ends."""
    if not (tok[0] in _FIG_START or tok[0] in "+\u2212\u2013\u2014"):
        return False
    return bool(_CHANGE_CELL.match(tok)) or _inline_figure(tok) is not None


def _inline_figure(tok: str, at: int = 0) -> Figure | None:
    """The one figure of a token ("48,693", "(12)", "0.4284"), None for anything else."""
    if not tok[0] in _FIG_START or tok.endswith("%"):
        return None
    figs = cell_numbers(tok, at)
    return figs[0] if figs and len(figs) == 1 and (figs[0].value is not None or figs[0].is_dash) else None


_CONNECTOR_WORDS = frozenset({"and", "or", "of", "in", "to", "for", "from", "per"})


_FIGURE_IN = re.compile(r"\d,\d{3}|\(\d")
# A parenthetical printed on a line of its own, with figures in it: a label's details.
_PAREN_DETAIL = re.compile(r"\([A-Za-z][^()]*\d[^()]*\)")


def continues(prev: str, nxt: str) -> bool:
    """True when ``nxt`` is the second line of a label that starts on ``prev``.

    The first line does not end a heading (":") or a sentence, and the second
    starts in lower case or the first ends with a connector ("basic and"), or
    the second is a parenthetical with figures ("(December 2024: 59,796 shares)").
    """
    prev = prev.rstrip()
    nxt = nxt.lstrip()
    if not prev or not nxt or prev[-1] in ":.;" or len(prev) > MAX_HEADING:
        return False
    if _PAREN_DETAIL.fullmatch(nxt):
        # "Treasury stock, at cost" / "(December 2024: 59,796 shares)": the line's details
        return True
    if not (nxt[0].islower() or prev[-1] in ",-&" or prev.rsplit(None, 1)[-1].lower() in _CONNECTOR_WORDS):
        return False
    return not _FIGURE_IN.search(prev)


_HEADING_WORD_END = re.compile(r"(?i)(?:expenses|revenues?|sales|assets|liabilities|equity|deficit|\))\s*$")


def _is_known(label: str) -> bool:
    from pipelines.financial.concepts import is_known_label

    return is_known_label(label, skip=False)


# What follows "Common stock:" when the colon starts the line's details, not a line:
# "$0.001 par value; ...", "par value $0.001", "no par value", "50,000 shares authorized".
_DETAIL_REST = re.compile(r"(?i)^(?:[$(\d.]|(?:no )?par value\b|authorized\b|issued\b)")
# Where a label may start inside a heading glued to it ("Other Income (Expense) Interest expense").
_WORD_START = re.compile(r"(?<=[\s)])(?=[A-Z])")


def split_heading_prefix(label: str) -> tuple[str | None, str]:
    """``"Expenses: Research and development"`` -> ("Expenses", "Research and development").

    Not split: "Interest expense: Related party" (a known line and a qualifier),
    "Preferred stock: $0.001 par value; ..." (the line and its details). A heading
    glued to such a line is split off: "Other Income (Expense) Interest expense:
    Other" -> ("Other Income (Expense)", "Interest expense: Other").
    """
    m = _HEADING_PREFIX.match(label)
    if not m or len(m.group("h").split()) > 6:
        return None, label
    h, rest = m.group("h"), m.group("rest")
    if _DETAIL_REST.match(rest):
        return None, label
    if not _HEADING_WORD_END.search(h) and not _is_known(rest):
        if _is_known(h):
            # "Interest expense: Related party" is one label, not a heading and a line.
            return None, label
        for w in _WORD_START.finditer(h):
            if _is_known(h[w.start():]):
                return h[: w.start()].strip(), label[m.start("h") + w.start():].strip()
    return h.strip(), rest.strip()


def tables(text: str) -> list[Table]:
    """Group the items into tables: a title or a period header after rows starts a new one,
    prose ends one. The scale printed above a group of tables carries over to them."""
    out: list[Table] = []
    cur: Table | None = None
    scale: tuple[int, bool] | None = None
    notes: tuple[str, ...] = ()  # lines above, carried like the scale

    def close() -> None:
        nonlocal cur
        if cur is not None and cur.rows:
            out.append(cur)
        cur = None

    for it in items(text):
        if it.kind == "prose":
            close()
            scale, notes = None, ()
            continue
        if it.kind in ("title", "header", "heading"):
            sc = find_scale(it.text)
            if sc:
                scale = sc
                if cur is not None and not cur.rows:
                    cur.scale = sc
            if cur is None or not cur.rows:
                notes = (*notes[-3:], it.text)
                if cur is not None:
                    cur.notes = notes
        if it.kind == "title":
            if cur is None or cur.rows or cur.headers:
                close()
                cur = Table(scale=scale, notes=notes)
            cur.items.clear()  # text above a title is not part of the table
            cur.titles.append(it.text)
            continue
        if it.kind == "header" and cur is not None and cur.rows and _SHARE_DETAIL.search(it.text):
            # "Common stock, $0.001 par value; ... issued at September 30, 2025 and
            # December 31, 2024": the dates are in a balance-sheet line's details,
            # not a new table's columns.
            it = dataclasses.replace(it, kind="heading")
        if it.kind == "header":
            if cur is None or cur.rows:
                close()
                cur = Table(scale=scale, notes=notes)
            cur.items.clear()
            cur.headers.append(it.text)
            cur.summary = cur.summary or it.summary
            continue
        if cur is None:
            cur = Table(scale=scale, notes=notes)
        cur.items.append(it)
    close()
    return out

