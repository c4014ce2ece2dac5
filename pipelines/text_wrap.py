"""Re-join hard-wrapped prose (PDF/OCR text) into one line per paragraph.

A wrapped document is recognised by its shape, not its source: many prose
lines of about the same width that continue on the next line. In such a
document a line that reaches (nearly) the wrap width was broken by the layout,
so it is joined to the next line; a short line ended its paragraph, a heading
or a list item. Table rows and lone number cells are never joined.
"""

from __future__ import annotations

import re

NUMERIC_CELL = re.compile(r"^[$€£(]*\s*[-+]?(?:\d[\d,.]*|-)\s*%?\)?$")
# A line ending in a figure, with about as many figures as words, is a table
# row laid out with spaces (pypdf output) rather than a sentence.
NUMBER = re.compile(r"\(?\$?\s?\d[\d,.]*\)?%?")
ENDS_IN_NUMBER = re.compile(r"[\d)%]$")
LIST_START = re.compile(r"^(?:- |\d{1,2}[.)] |\([a-z0-9]\) )")
WORD = re.compile(r"[A-Za-z]{2,}")
# "in early\n2012." or "between $2-3 million\n- all unchanged": a wrap that
# left a figure ending a sentence, or a dash clause, at the start of a line.
SENTENCE_TAIL_FIGURE = re.compile(r"^\(?[$€£]?\d[\d,.]*\)?[.,;:]$")
DASH_CLAUSE = re.compile(r"^- [a-z]")
ENDS_MID_SENTENCE = re.compile(r"[a-z0-9,;]$")
STARTS_LOWER = re.compile(r"^[a-z]")

SENTENCE_END = re.compile(r"[.!?][\"')]?$")
HEADING_END = re.compile(r"(?:[^.,;:]|\b(?:Inc|Corp|Ltd|Co|LLC|plc|AG|S\.A|N\.V)\.)$")
HEADING_MAX_WORDS = 10

MIN_LINES = 6
MAX_WRAP_WIDTH = 160
MIN_WRAP_WIDTH = 40
FULL_LINE = 0.7  # fraction of the wrap width at which a line counts as "full"


def join_wrapped_lines(text: str, single_newlines: int | None = None) -> tuple[str, bool]:
    """The text with wrapped prose joined, and whether it looked wrapped.
    ``single_newlines`` (newlines not part of a blank line) may be passed
    when the caller has counted them already."""
    # Cheap shape test first: markdown and HTML output have almost no single
    # newlines, so most documents return here without a per-line pass.
    if single_newlines is None:
        single_newlines = text.count("\n") - 2 * text.count("\n\n")
    if single_newlines < MIN_LINES:
        return text, False
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        return text, False
    return "\n".join(_joined(lines, width)), True


def _heading_like(line: str, full: float) -> bool:
    return (
        len(line) < full
        and line[:1].isupper()
        and line.count(" ") < HEADING_MAX_WORDS
        and bool(HEADING_END.search(line))
    )


def _is_prose(line: str) -> bool:
    return bool(line) and "\t" not in line and not NUMERIC_CELL.match(line) and not _is_number_row(line)


def _is_number_row(line: str) -> bool:
    # Figures outnumber the words ("Total assets $ 153,805 $137,208"); prose
    # that wraps after "$2.0" has far more words than figures.
    if not ENDS_IN_NUMBER.search(line) or len(line) >= 120:
        return False
    figures = len(NUMBER.findall(line))
    return figures >= 2 and len(WORD.findall(line)) <= figures + 3


def _wrap_width(lines: list[str]) -> int | None:
    """The wrap width if the text looks hard-wrapped, else None."""
    # Cheap bound first: in unwrapped text the long lines are whole paragraphs.
    rough = sorted(len(line) for line in lines if line)
    if len(rough) < MIN_LINES or rough[int(0.9 * (len(rough) - 1))] > 2 * MAX_WRAP_WIDTH:
        return None
    lengths = sorted(len(line) for line in lines if _is_prose(line))
    if len(lengths) < MIN_LINES:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    full = FULL_LINE * width
    continued = sum(
        1
        for line, following in zip(lines, lines[1:])
        if len(line) >= full and _is_prose(line) and _is_prose(following)
    )
    if continued >= 3 and continued >= 0.25 * len(lengths):
        return width
    return None


def _joined(lines: list[str], width: int) -> list[str]:
    full = FULL_LINE * width
    out: list[str] = []
    carry: str | None = None  # the paragraph being re-assembled
    last_piece = ""
    for line in lines:
        if carry is not None and _continues(last_piece, line, full):
            glue = "" if last_piece.endswith("-") and last_piece[-2:-1].isalpha() and line[:1].islower() else " "
            carry = carry + glue + line
        else:
            if carry is not None:
                out.append(carry)
            carry = line
        last_piece = line
    if carry is not None:
        out.append(carry)
    return out


def _continues(previous: str, line: str, full: float) -> bool:
    if not _is_prose(previous):
        return False
    if (
        len(previous) >= full
        and ENDS_MID_SENTENCE.search(previous)
        and (SENTENCE_TAIL_FIGURE.match(line) or DASH_CLAUSE.match(line))
    ):
        return True
    if not _is_prose(line) or LIST_START.match(line):
        return False
    # A sentence that ends exactly at the margin followed by a heading
    # ("About Acme, Inc.") is a paragraph end, not a wrap.
    if SENTENCE_END.search(previous) and _heading_like(line, full):
        return False
    if len(previous) >= full:
        return True
    return bool(ENDS_MID_SENTENCE.search(previous) and STARTS_LOWER.match(line))
