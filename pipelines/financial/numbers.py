"""Figures as printed in statement tables: ``$ (1,234.5)``, ``-`` for zero, ``(19``.

A table cell may hold several figures when a PDF merged columns or rows
(``$ 2,005 866``), so the unit of work is a *cell*: ``cell_numbers`` returns
every figure in it, with its offsets inside the cell so evidence can point at
it. A cell holding anything that is not a figure (words, dates, percentages)
returns ``None``: the caller must then treat the row as not numeric rather than
guess which part is the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One printed figure. The parentheses are matched separately (not as a pair)
# because PDF extraction loses one of them often enough: ``$(0.23`` and
# ``(19`` are negatives whose closing parenthesis went missing.
_NUM = re.compile(
    r"""
    (?P<open>\(\s*)?            # opening parenthesis, maybe before the $
    (?:\$\s*)?
    (?P<open2>\(\s*)?           # ... or after it: $(1,234)
    (?P<minus>[-\u2212]\s?)?    # a minus sign glued to the digits
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
    (?P<close>\s*\))?
    (?P<pct>\s*%)?
    """,
    re.VERBOSE,
)
# A dash (any kind) standing alone, possibly after a $, means zero.
_DASH = re.compile(r"(?:\$\s*)?[-\u2012\u2013\u2014\u2015\u2212]{1,2}(?=\s|$)")
# Placeholders that occupy a column but carry no value.
_NA = re.compile(r"(?i)(?:n/?a|nm|n\.m\.|\*+)(?=\s|$)")
# Noise that may sit between figures in a cell: a lone $, a stray ) on its own,
# non-breaking spaces, footnote-less decoration.
_NOISE = re.compile(r"[\s\u00a0$)]+")


@dataclass(frozen=True)
class Figure:
    """One printed figure: its value as printed (sign from parentheses/minus)."""

    value: float | None  # None for an n/a placeholder
    frac_digits: int  # digits after the decimal point as printed
    negative: bool
    is_dash: bool  # printed as a dash (zero)
    start: int  # offsets inside the parsed string
    end: int
    text: str
    scale: int = 1  # a scale word printed in the cell ("$ 412.3 million"): 1_000_000


_SCALE_WORD = re.compile(r"(?i)[ \u00a0]*\b(million|billion|thousand)s?\b")
_DIGIT = re.compile(r"\d")
_WORD_MULT = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def scaled_cell(cell: str, offset: int = 0) -> list[Figure] | None:
    """A cell that prints its own scale word: ``$ 412.3 million``, ``($1.2 billion)``.

    One figure (not a dash) and one scale word after it, else None. The figure
    keeps its printed value; ``scale`` holds the word's multiplier and the
    figure's span covers the word.
    """
    m = _SCALE_WORD.search(cell)
    if m is None or _SCALE_WORD.search(cell, m.end()):
        return None
    figs = cell_numbers(cell[: m.start()] + " " * (m.end() - m.start()) + cell[m.end() :], offset)
    if not figs or len(figs) != 1 or figs[0].is_dash or figs[0].value is None or _DIGIT.search(cell, m.end()):
        return None
    f = figs[0]
    return [Figure(f.value, f.frac_digits, f.negative, False, f.start, max(f.end, offset + m.end()),
                   cell[f.start - offset : max(f.end, offset + m.end()) - offset], _WORD_MULT[m.group(1).lower()])]


def _to_figure(m: re.Match[str], offset: int = 0) -> Figure | None:
    if m.group("pct"):
        return None  # percentages are not statement figures
    raw = m.group("num")
    frac = len(raw.split(".", 1)[1]) if "." in raw else 0
    value = float(raw.replace(",", ""))
    negative = bool(m.group("open") or m.group("open2") or m.group("close") or m.group("minus"))
    if negative and value:
        value = -value
    return Figure(value, frac, negative and value != 0, False, m.start() + offset, m.end() + offset, m.group(0))


def parse_number(text: str) -> float | None:
    """The value of one printed figure (``'$ (1,234)'`` -> -1234.0), else None.

    A dash alone is zero. Anything else in the string (words, %, two figures)
    gives None.
    """
    figs = cell_numbers(text)
    if not figs or len(figs) != 1:
        return None
    return figs[0].value


def cell_numbers(cell: str, offset: int = 0) -> list[Figure] | None:
    """Every figure of a cell in order; [] for an empty cell; None if not numeric.

    ``offset`` is added to the returned positions (the cell's place in the line).
    """
    out: list[Figure] = []
    pos = 0
    n = len(cell)
    while pos < n:
        m = _NOISE.match(cell, pos)
        if m:
            pos = m.end()
            if pos >= n:
                break
        m = _NUM.match(cell, pos)
        if m and m.end() > pos:
            # A figure must end at a boundary: "12abc" or "2010-11" is not one.
            end = m.end()
            if end < n and not (cell[end].isspace() or cell[end] in "$)\u00a0"):
                return None
            fig = _to_figure(m, offset)
            if fig is None:
                return None
            out.append(fig)
            pos = end
            continue
        m = _DASH.match(cell, pos)
        if m:
            out.append(Figure(0.0, 0, False, True, m.start() + offset, m.end() + offset, m.group(0)))
            pos = m.end()
            continue
        m = _NA.match(cell, pos)
        if m:
            out.append(Figure(None, 0, False, False, m.start() + offset, m.end() + offset, m.group(0)))
            pos = m.end()
            continue
        return None
    return out


_YEAR = re.compile(r"(?:19[89]\d|20[0-4]\d)")


def is_year_token(text: str) -> bool:
    """A bare four-digit year as printed in a column header (no comma, no $)."""
    t = text.strip()
    return len(t) == 4 and bool(_YEAR.fullmatch(t))
