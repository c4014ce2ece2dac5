"""Cleaned text -> a stream of table items (rows, headings, headers, titles).

Three shapes of table reach us and all become the same ``Row``:

* tab-separated rows (PDF/HTML ingest): one line, cells split on TAB;
* plain aligned rows (text-mode PDFs): a label then a run of figures, cells
  split on two or more spaces;
* flattened markdown (the archive's style): a label line followed by one line
  per figure; ``$`` or ``)`` alone on a line and blank lines are decoration.

Offsets are absolute offsets in the cleaned text, so every fact's evidence is
a slice of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.financial.numbers import Figure, cell_numbers, is_year_token
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
_PCT_CELL = re.compile(r"^\s*\(?-?[\d.,]+\)?\s*%\s*$|^\s*(?:n/?m|nm)\s*$", re.I)
_GAP = re.compile(r"\s{2,}|\t")
_TOKEN = re.compile(r"\S+")
_HEADING_PREFIX = re.compile(r"^\s*(?P<h>[A-Z][A-Za-z ,&'()/-]{1,60}?):\s+(?P<rest>\S.*)$")
_LETTER = re.compile(r"[A-Za-z]")

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

    @property
    def figures(self) -> list[Figure]:
        return [f for c in self.cells for f in c]


@dataclass
class Item:
    kind: str  # row | heading | header | title | prose
    text: str = ""
    row: Row | None = None
    start: int = 0


@dataclass
class Table:
    titles: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)  # rows and headings in print order
    scale: tuple[int, bool] | None = None

    @property
    def rows(self) -> list[Row]:
        return [i.row for i in self.items if i.row is not None]

    def kind(self) -> str | None:
        for t in self.titles:
            for name, rx in _KIND:
                if rx.search(t):
                    return name
        return None


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
    label = cells[0]
    pos = start + len(label) + 1
    groups: list[list[Figure]] = []
    numeric = True
    for cell in cells[1:]:
        if _PCT_CELL.match(cell):  # a "% change" column is not a statement figure
            pos += len(cell) + 1
            continue
        figs = cell_numbers(cell, pos)
        if figs is None:
            numeric = False
            break
        if figs:
            groups.append(figs)
        pos += len(cell) + 1
    text = " ".join(c.strip() for c in cells if c.strip())
    if not numeric:
        periodish = has_period_words(text) or has_month_day(text)
        return Item("header" if periodish else "heading", text, start=start)
    figs = [f for g in groups for f in g]
    if not figs or all(f.is_dash for f in figs) and label.strip().endswith(":"):
        return Item("heading", label.strip(), start=start)
    if _is_year_only(figs):
        return Item("header", text, start=start)
    s, e = _strip_span(line, start)
    lead = len(label) - len(label.lstrip())
    return Item("row", row=Row(label.strip(), start + lead, groups, s, e), start=start)


_MONTH_TOKEN = re.compile(r"(?i)^(?:\d{1,2},?|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)$")


def _token_figures(toks: list[re.Match[str]], i: int, start: int) -> list[Figure] | None:
    """The figures of token i, [] for a lone $ or parenthesis, None for a word."""
    t = toks[i].group(0)
    if t in ("$", ")", "("):
        return []
    figs = cell_numbers(t, start + toks[i].start())
    if not figs:
        return None
    if len(figs) == 1 and figs[0].is_dash:
        # "share - diluted": a dash between words is punctuation, not a zero.
        nxt = toks[i + 1].group(0) if i + 1 < len(toks) else None
        if nxt is not None and not cell_numbers(nxt) and nxt not in ("$", ")"):
            return None
    if is_year_token(t) and i and _MONTH_TOKEN.match(toks[i - 1].group(0)):
        return None  # "December 31, 2024" inside a label
    return figs


def _aligned_items(line: str, start: int) -> list[Item] | None:
    """One or more "label figures..." rows printed on one line, else None.

    Text-mode PDFs print a row as a label and a run of figures; after
    whitespace normalization or line joining several rows may share a line.
    Every segment must be a label with letters followed by a run of figures,
    and the line must end with figures.
    """
    toks = list(_TOKEN.finditer(line))
    segs: list[tuple[int, int, list[tuple[int, list[Figure]]]]] = []  # label start/end, run
    label_start: int | None = None
    label_end = 0
    run: list[tuple[int, list[Figure]]] = []
    for i, m in enumerate(toks):
        figs = _token_figures(toks, i, start)
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
    if not run:
        return None
    segs.append((label_start, label_end, run))  # type: ignore[arg-type]
    counts = [sum(len(f) for _, f in r) for _, _, r in segs]
    if any(c == 0 for c in counts):
        return None
    if len(segs) > 1 and (min(counts) < 2 or len(set(counts)) > 1):
        return None
    out = []
    for ls, le, r in segs:
        label = line[ls:le]
        if not _LETTER.search(label) or len(label) > 120 or label.endswith((".", ",")):
            return None
        first_tok = toks[r[0][0]]
        gap_before = line[le:first_tok.start()]
        run_text = line[first_tok.start() : toks[r[-1][0]].end()]
        figs = [f for _, fs in r for f in fs]
        if len(segs) == 1 and len(figs) == 1 and "  " not in gap_before:
            return None  # "label 12" with one space: prose-like, not a table row
        if _GAP.search(run_text):
            groups: list[list[Figure]] = []
            cur_cell: list[Figure] = []
            prev_end = None
            for ti, fs in r:
                tm = toks[ti]
                if prev_end is not None and _GAP.match(line, prev_end) and cur_cell:
                    groups.append(cur_cell)
                    cur_cell = []
                cur_cell.extend(fs)
                prev_end = tm.end()
            if cur_cell:
                groups.append(cur_cell)
        else:
            groups = [[f] for f in figs]
        if _is_year_only(figs):
            if len(segs) == 1:
                return [Item("header", line.strip(), start=start)]
            return None
        end = start + toks[r[-1][0]].end()
        out.append(Item("row", row=Row(label, start + ls, groups, start + ls, end), start=start + ls))
    return out


def _text_item(stripped: str, start: int) -> Item:
    if len(stripped) > MAX_HEADING:
        return Item("prose", stripped, start=start)
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

    for start, line in _lines(text):
        stripped = line.strip().strip("\u00a0").strip()
        if not stripped or _DECOR.match(line):
            continue
        if "\t" in line:
            close_flat()
            if pending is not None:
                out.append(pending)
                pending = None
            out.append(_tab_item(line, start))
            continue
        figs = cell_numbers(stripped) if stripped[0] in _FIG_START else None
        if figs:
            lead = line.index(stripped[0])
            figs = cell_numbers(stripped, start + lead) or []
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
        if pending is not None:
            out.append(pending)
            pending = None
        # A row ends with a figure; prose (ending in a word or ".") is not parsed.
        rows = _aligned_items(line, start) if stripped[-1] in _FIG_END else None
        if rows is not None:
            out.extend(rows)
            continue
        item = _text_item(stripped, start + line.index(stripped[0]))
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


def split_heading_prefix(label: str) -> tuple[str | None, str]:
    """``"Expenses: Research and development"`` -> ("Expenses", "Research and development")."""
    m = _HEADING_PREFIX.match(label)
    if not m or len(m.group("h").split()) > 6:
        return None, label
    return m.group("h").strip(), m.group("rest").strip()


def tables(text: str) -> list[Table]:
    """Group the items into tables: a title or a period header after rows starts a new one,
    prose ends one. The scale printed above a group of tables carries over to them."""
    out: list[Table] = []
    cur: Table | None = None
    scale: tuple[int, bool] | None = None

    def close() -> None:
        nonlocal cur
        if cur is not None and cur.rows:
            out.append(cur)
        cur = None

    for it in items(text):
        if it.kind == "prose":
            close()
            scale = None
            continue
        if it.kind in ("title", "header", "heading"):
            sc = find_scale(it.text)
            if sc:
                scale = sc
                if cur is not None and not cur.rows:
                    cur.scale = sc
        if it.kind == "title":
            if cur is None or cur.rows or cur.headers:
                close()
                cur = Table(scale=scale)
            cur.items.clear()  # text above a title is not part of the table
            cur.titles.append(it.text)
            continue
        if it.kind == "header":
            if cur is None or cur.rows:
                close()
                cur = Table(scale=scale)
            cur.items.clear()
            cur.headers.append(it.text)
            continue
        if cur is None:
            cur = Table(scale=scale)
        cur.items.append(it)
    close()
    return out

