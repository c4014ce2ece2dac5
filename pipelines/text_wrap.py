"""Re-join hard-wrapped prose (PDF/OCR text) into one line per paragraph.

A wrapped document is recognised by its shape, not its source: many prose
lines of about the same width that continue on the next line. In such a
document a line is joined to the one before when the layout broke it:

* the line before is "full" (near the wrap width, or the next line's first
  word would not have fitted on it) and stops mid-sentence: whatever comes
  next is the rest of the sentence, be it a lone figure ("2012."), a dash
  clause ("- all unchanged"), a date ("Aug." then "15.") or a line that
  looks like a number row ("9-11 months.3,4");
* the line before is full and ends a sentence, and the line is prose but not
  a heading or a list item (a sentence may end at the margin);
* the line before stops mid-sentence and the line plainly goes on with it
  (lower case, closing punctuation), however short the line before.

Headings, list items after a sentence end or a colon, table rows (tabs),
number rows laid out with spaces and the lone number cells of a flattened
table (which follow short label lines) stay on their own lines.
"""

from __future__ import annotations

import itertools
import re

NUMERIC_CELL = re.compile(r"^[$€£(]*\s*[-+]?(?:\d[\d,.]*|-)\s*%?\)?$")
# A line ending in a figure, with about as many figures as words, is a table
# row laid out with spaces (pypdf output) rather than a sentence.
NUMBER = re.compile(r"\(?\$?\s?\d[\d,.]*\)?%?")
ENDS_IN_NUMBER = re.compile(r"[\d)%]$")
# A row ends in two cells: figures ("$ 153,805 $137,208", "(0.21) (0.23)") or
# dashes for empty cells; prose ending "... at 12:32" or "... $106-110" does not.
_CELL = r"(?:[$€£]\s?)?\(?[$€£]?\d[\d,.]*\)?%?|-"
TWO_CELLS_AT_END = re.compile(rf"(?:^|\s)(?:{_CELL})\s+(?:{_CELL})$")
LIST_START = re.compile(r"^(?:- |\d{1,2}[.)] |\([a-z0-9]\) )")
ENUMERATOR = re.compile(r"(\(?)([1-8a-h]|i{1,3})([.)]) ")
NEXT_MARK = {**{str(n): str(n + 1) for n in range(1, 9)}, **dict(zip("abcdefgh", "bcdefghi")),
             "i": "ii", "ii": "iii", "iii": "iv"}
ENUMERATION_LOOKAHEAD = 4  # lines searched for the next mark
WORD = re.compile(r"[A-Za-z]{2,}")
# A line stopping mid-sentence: a word, a figure, a comma, or a word broken
# after its hyphen.
ENDS_MID_SENTENCE = re.compile(r"(?:[a-z0-9,;]|[A-Za-z]-)$")
DASH_THEN_LOWER = re.compile(r"- [a-z]")
# A line ending a sentence is no heading, quoted or not.
ENDS_QUOTED_SENTENCE = re.compile(r"[.!?,;:][\"')\]]+$")
# "a PDUFA date of Aug.\n15.", "Patent No.\n7": the period of an abbreviation
# that a number follows does not end the sentence.
ABBREVIATION_BEFORE_NUMBER = re.compile(
    r"(?<![A-Za-z])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|Nos|approx|vs|pp?|Vol|Fig)\.$"
)
NUMBER_START = frozenset("0123456789+$(")
# How a line that plainly goes on with the previous one starts.
CONTINUATION_START = re.compile(r"[a-z,;)%\]]")

SENTENCE_END = re.compile(r"[.!?][\"')]?$")
HEADING_END = re.compile(r"(?:[^.,;:]|\b(?:Inc|Corp|Ltd|Co|LLC|plc|AG|S\.A|N\.V)\.)$")
HEADING_MAX_WORDS = 10

MIN_LINES = 6
MAX_WRAP_WIDTH = 160
MIN_WRAP_WIDTH = 40
FULL_LINE = 0.7  # fraction of the wrap width at which a line counts as "full"
# A shorter line was broken too when the next line's first word (a URL, an
# e-mail address) would have taken it past the wrap width: as a fraction of
# the "full" length, 1/FULL_LINE is exactly the width; a little less allows
# for proportional fonts.
NEXT_WORD_FIT = 1.3
# A line far longer than the wrap width was not wrapped: it is a whole
# paragraph (a document can hold both), so its end is a real line end.
OVERFULL = 1.5


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
        and line.count(")") <= line.count("(")  # "Mobile Phones Only)" closes a parenthesis
        and line.count(" ") < HEADING_MAX_WORDS
        and bool(HEADING_END.search(line))
        and not ENDS_QUOTED_SENTENCE.search(line)
    )


def _is_prose(line: str) -> bool:
    return bool(line) and "\t" not in line and not NUMERIC_CELL.match(line) and not _is_number_row(line)


def _is_number_row(line: str) -> bool:
    # Figures outnumber the words ("Total assets $ 153,805 $137,208"); prose
    # that wraps after "$2.0" has far more words than figures.
    if not ENDS_IN_NUMBER.search(line) or len(line) >= 120 or not TWO_CELLS_AT_END.search(line):
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
    longest = OVERFULL * width
    out: list[str] = []
    carry: str | None = None  # the paragraph being re-assembled
    last_piece = ""
    in_prose = False  # the carry is prose (a joined line is prose whatever it looks like)
    in_list = False  # the carry is a list item
    for i, line in enumerate(lines):
        if carry is not None and (
            _continues(last_piece, line, full, longest, in_prose, in_list)
            or (in_prose and full <= len(last_piece) <= longest and last_piece[-1] == ":"
                and _inline_enumeration(lines, i))
        ):
            carry = carry + _glue(last_piece, line) + line
            in_prose = True
        else:
            if carry is not None:
                out.append(carry)
            carry = line
            in_prose = _is_prose(line)
            in_list = bool(LIST_START.match(line))
        last_piece = line
    if carry is not None:
        out.append(carry)
    return out


def _inline_enumeration(lines: list[str], i: int) -> bool:
    """Whether the numbered item starting ``lines[i]`` ("(1) access to ...")
    is the first of an enumeration run on within the paragraph ("...; (2)
    article ..."), which a wrap happened to put at a line start, rather than
    the first item of a list."""
    m = ENUMERATOR.match(lines[i])
    if not m:
        return False
    open_, mark, close = m.groups()
    following = NEXT_MARK.get(mark)
    if following is None:
        return False
    needle = f" {open_}{following}{close} "
    text = " ".join(itertools.takewhile(bool, lines[i:i + ENUMERATION_LOOKAHEAD]))
    return needle in text


def _glue(previous: str, line: str) -> str:
    # "value-" + "inflection": a word broken after its own hyphen keeps the
    # hyphen and no space; a dash standing alone ("million -") keeps the space.
    if previous.endswith("-") and line[:1].isalnum():
        before = previous.rstrip("-")[-1:]
        if before.isalnum():
            return ""
    return " "


def _continues(previous: str, line: str, full: float, longest: float, in_prose: bool, in_list: bool) -> bool:
    """Whether ``line`` goes on with the paragraph whose last line is ``previous``.

    A line that reaches the wrap width, or would have with the next line's
    first word, was broken by the layout; if it also stops mid-sentence,
    whatever follows is the rest of that sentence, be it a lone figure
    ("2012."), a dash clause ("- all unchanged"), a date ("Aug." then "15. If")
    or a line that looks like a number row ("9-11 months.3,4"). Table rows
    (tabs) and the lone number cells of a flattened table, which follow short
    label lines, are never joined."""
    if not line or not previous or "\t" in line or "\t" in previous:
        return False
    word = line.find(" ")
    is_full = (
        len(previous) >= full or len(previous) + 1 + (word if word > 0 else len(line)) > NEXT_WORD_FIT * full
    ) and len(previous) <= longest
    if not in_prose:
        # A number row or a cell goes on only into plain lower-case prose
        # ("... 7 mg x 4\nweeks (Arm 2)").
        return is_full and line[0].islower()
    ends_block = (
        previous[-1] == ":" or SENTENCE_END.search(previous) is not None
    ) and not ABBREVIATION_BEFORE_NUMBER.search(previous)
    if LIST_START.match(line):
        # A real list item follows a sentence end, a colon or an item of the
        # same list; after a full line stopping mid-sentence it is the rest
        # of that sentence. Inside a list item only a dash then lower case
        # ("- all unchanged") goes on with the item: items start in capitals.
        return is_full and not ends_block and (not in_list or DASH_THEN_LOWER.match(line) is not None)
    if is_full and not ends_block:
        return True
    if not _is_prose(line):
        # After a colon the figures that follow belong to it ("Phone:\n250-765-6424");
        # a label with figures ("Total assets $ 153,805") is a table row.
        return is_full and previous[-1] == ":" and line[0] in NUMBER_START
    if is_full:
        # A sentence that ends exactly at the margin followed by a heading
        # ("About Acme, Inc.") is a paragraph end, not a wrap.
        return not (SENTENCE_END.search(previous) and _heading_like(line, full))
    # A short line ends its paragraph, unless it stops mid-sentence and the
    # next line plainly continues it (lower case, or closing punctuation).
    return (
        not ends_block
        and ENDS_MID_SENTENCE.search(previous) is not None
        and CONTINUATION_START.match(line) is not None
    )
