"""Pipeline tables: a release printing its pipeline as rows of cells.

A table counts only when its header row names a drug column (Program, Candidate,
Product, Asset, Compound) and a phase or indication column; financial tables never
have such a header. Rows are markdown pipe rows ("| X | Psoriasis | Phase 2 |") or
TAB-separated lines with as many cells as the header; a row of another width ends
the table. One cell per line is not read: without separators the columns cannot be
told apart with confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipelines.drugs import phases

_ROLES = (
    ("drug", re.compile(r"(?:lead |product |drug |clinical )?(?:programs?|candidates?|product candidates?|products?|assets?|compounds?|drug candidates?|drugs?|molecules?)", re.I)),
    ("indication", re.compile(r"(?:target |lead |primary )?(?:indications?|diseases?|disease areas?)", re.I)),
    ("phase", re.compile(r"(?:development |clinical |current )?(?:phase|stage|status)", re.I)),
    ("partner", re.compile(r"(?:partners?|collaborators?|partnerships?)", re.I)),
)
_SEPARATOR = re.compile(r"[\s|:+=-]*")
# a phase cell that is a plan, not the current stage ("Phase 2 (planned)", "Phase 3 start 2026")
_PLANNED = re.compile(r"\b(?:plan\w*|expect\w*|anticipat\w*|start\w*|initiat\w*|upcoming|next|expected|20\d\d|H[12]|Q[1-4])\b", re.I)
_STAGE_CELL = (
    ("Preclinical", re.compile(r"pre-?clinical|IND[- ]enabling", re.I)),
    ("Filed", re.compile(r"(?:NDA|BLA|MAA)\s+(?:filed|submitted|under review)|filed|under review", re.I)),
    ("Approved", re.compile(r"approved|marketed|commercial(?:ly available)?|launched", re.I)),
)
_NO_PARTNER = re.compile(r"(?:n/?a|none|tbd|-|–|—|wholly[- ]owned|internal|proprietary|own|worldwide|global|all rights|unpartnered)\.?", re.I)
_ORG_CELL = re.compile(r"[A-Z][\w&.,'’ -]{1,58}")

Cell = tuple[int, int, str]


def _cells(text: str, a: int, b: int) -> list[Cell] | None:
    """The cells of the line text[a:b] with their offsets, or None if it is no table row."""
    line = text[a:b]
    if line.count("|") >= 2:
        sep = "|"
        lo = a + line.index("|") + 1 if line.lstrip().startswith("|") else a
        hi = a + line.rindex("|") if line.rstrip().endswith("|") else b
    elif "\t" in line:
        sep, lo, hi = "\t", a, b
    else:
        return None
    out: list[Cell] = []
    pos = lo
    for part in text[lo:hi].split(sep):
        s = pos + len(part) - len(part.lstrip())
        e = pos + len(part.rstrip())
        out.append((s, max(s, e), part.strip()))
        pos += len(part) + 1
    return out if len(out) >= 2 else None


def _header(cells: list[Cell]) -> dict[str, int] | None:
    roles: dict[str, int] = {}
    for i, (_s, _e, c) in enumerate(cells):
        for role, rx in _ROLES:
            if rx.fullmatch(c):
                if role in roles:
                    return None
                roles[role] = i
                break
    if "drug" not in roles or not ("phase" in roles or "indication" in roles):
        return None
    return roles


def _lines(text: str) -> Iterator[tuple[int, int]]:
    a = 0
    n = len(text)
    while a < n:
        b = text.find("\n", a)
        b = n if b < 0 else b
        yield a, b
        a = b + 1


def rows(text: str) -> Iterator[tuple[int, int, dict[str, Cell]]]:
    """(row start, row end, role -> cell) for each row of each pipeline table."""
    if "|" not in text and "\t" not in text:
        return
    roles: dict[str, int] | None = None
    width = 0
    for a, b in _lines(text):
        line = text[a:b]
        if roles is not None:
            if not line.strip() or _SEPARATOR.fullmatch(line):
                continue  # markdown rule rows; blank lines the cleaner puts between pipe rows
            cells = _cells(text, a, b)
            if cells is not None and len(cells) == width:
                yield a, b, {r: cells[i] for r, i in roles.items()}
                continue
            roles = None
        if "|" in line or "\t" in line:
            cells = _cells(text, a, b)
            if cells is not None and len(cells) >= 2:
                roles = _header(cells)
                width = len(cells)


def phase_of(cell: str) -> str | None:
    """The current stage a phase cell prints, normalized; None for plans and blanks."""
    if not cell or _PLANNED.search(cell):
        return None
    m = phases.PHASE_RE.search(cell)
    if m is not None:
        return phases.normalize(m)
    for value, rx in _STAGE_CELL:
        if rx.search(cell):
            return value
    return None


def partner_of(cell: str) -> str | None:
    """An organisation's name printed in a partner cell."""
    if not cell or _NO_PARTNER.fullmatch(cell) or not _ORG_CELL.fullmatch(cell):
        return None
    return cell.rstrip(".,")
