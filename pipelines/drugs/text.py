"""Paragraphs and sentences with exact offsets into the cleaned text.

Offsets index ``doc.text`` so evidence is always ``text[start:end]``. Single
newlines inside a long line run are treated as spaces (hard-wrapped OCR
releases such as seed 004), while blank lines, bullets and short heading lines
start a new paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_BULLET = re.compile(r"[ \t]*(?:[-•*▪·●]|\d{1,2}[.)])\s")
_TERMINAL = re.compile(r"[.!?:;,]\W*$")
# A period after one of these words does not end a sentence.
_ABBREV = frozenset(
    "inc corp ltd co mass dr mr ms mrs no nos vs e.g i.e u.s u.k st jr sr al approx fig "
    "ph.d m.d b.v n.v s.a a.g plc llc dept est etc ave calif jan feb mar apr jun jul aug sep sept oct nov dec"
    .split()
)
_SENT_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“'(\[]?[A-Z0-9•])|\s•\s")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def paragraphs(text: str) -> list[Span]:
    """Blocks of text separated by blank lines, bullets or heading-like short lines."""
    out: list[Span] = []
    pos = 0
    n = len(text)
    start = None
    prev_line = ""
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        line = text[pos:nl]
        stripped = line.strip()
        if not stripped:
            if start is not None:
                out.append(Span(start, _rstrip_end(text, start, pos)))
                start = None
        else:
            lead = len(line) - len(line.lstrip())
            breaks = start is not None and (
                _BULLET.match(line) is not None
                or (len(prev_line.strip()) < 70 and not _TERMINAL.search(prev_line.strip())
                    and stripped[:1].isupper())
                or (len(prev_line.strip()) < 70 and prev_line.rstrip().endswith((".", ":")))
            )
            if breaks:
                out.append(Span(start, _rstrip_end(text, start, pos)))
                start = None
            if start is None:
                start = pos + lead
            prev_line = line
        pos = nl + 1
    if start is not None:
        out.append(Span(start, _rstrip_end(text, start, n)))
    return out


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def sentences(text: str, para: Span) -> list[Span]:
    """Sentences of one paragraph; abbreviations such as 'Inc.' or 'U.S.' do not split."""
    out: list[Span] = []
    s = para.start
    seg = text[para.start:para.end]
    for m in _SENT_END.finditer(seg):
        cut = para.start + m.end()
        if m.group().strip() == "•":
            cut = para.start + m.start()
        else:
            word = re.search(r"([\w.]+)[.!?]*[\"”’')\]]*$", text[s:cut])
            if word and word.group(1).lower().rstrip(".") in _ABBREV:
                continue
            if word and re.fullmatch(r"[A-Z]", word.group(1).rstrip(".")):
                continue  # initials ("James O. Smith")
        _add(text, out, s, cut)
        s = cut
    _add(text, out, s, para.end)
    return out


def _add(text: str, out: list[Span], s: int, e: int) -> None:
    while s < e and (text[s].isspace() or text[s] in "-•*▪·●"):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e - s > 1:
        out.append(Span(s, e))


def anchored_finditer(rx: re.Pattern[str], text: str, anchors: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """The matches of ``rx.finditer(text)``, for a pattern whose every match starts with one of the
    literals ``anchors`` (so no match is empty).

    Why: a pattern opening with a look-behind or a long alternation is tried by ``re`` at every
    position of the release; ``str.find`` locates the few places where a match can start far
    faster, and ``rx.match`` there gives what the scan would (it tries positions in order and
    resumes after each match, as this does).
    """
    starts: set[int] = set()
    for a in anchors:
        i = text.find(a)
        while i >= 0:
            starts.add(i)
            i = text.find(a, i + 1)
    end = 0
    for i in sorted(starts):
        if i < end:
            continue
        m = rx.match(text, i)
        if m is not None:
            end = m.end()
            yield m


def literal_prefixes(words: tuple[str, ...]) -> tuple[str, ...]:
    """The ``words`` that do not start with another of them: enough anchors for an
    alternation of them ("drug" finds "drug candidate" too)."""
    return tuple(w for w in words if not any(v != w and w.startswith(v) for v in words))
