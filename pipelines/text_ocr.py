"""General repairs for OCR slips in scanned releases.

Each rule is about a *kind* of slip, not a particular string:

* exchange names with one character misread (``Nasdag``, ``NASDAG``, ``0TCQB``),
  generated from the canonical names and a table of look-alike characters;
* a capitalised name with one letter inserted, dropped or changed
  (``ImnmunoGen``) when the same document spells it correctly at least three
  times as often;
* roman numerals after "Phase" read as brackets, ``l``, ``1`` or ``|``
  (``Phase [l`` is Phase III: a bracket is a serifed pair of strokes);
* footnote marks glued after a sentence end (``carcinomas.!``);
* ``WWW.`` for ``www.``.
"""

from __future__ import annotations

import re
from collections import Counter

EXCHANGE_NAMES = ("Nasdaq", "NASDAQ", "NYSE", "OTCQB", "OTCQX", "TSXV", "Euronext", "AMEX")
LOOK_ALIKES = {
    "q": "g9", "Q": "GO0", "a": "o", "o": "0a", "O": "0Q", "S": "5", "s": "5",
    "E": "F", "B": "8", "X": "K", "V": "Y", "I": "l1", "d": "cl",
}


def _exchange_misreadings() -> dict[str, str]:
    variants: dict[str, str] = {}
    for name in EXCHANGE_NAMES:
        for i, ch in enumerate(name):
            for wrong in LOOK_ALIKES.get(ch, ""):
                variants.setdefault(name[:i] + wrong + name[i + 1:], name)
    for name in EXCHANGE_NAMES:
        variants.pop(name, None)
    return variants


EXCHANGE_FIXES = _exchange_misreadings()
EXCHANGE_SLIP = re.compile("(?:" + "|".join(map(re.escape, sorted(EXCHANGE_FIXES, key=len, reverse=True))) + r")(?![A-Za-z0-9])")
# "(Nasdag: IMGN)": the listing is where a misread exchange does harm, and a
# literal "(" keeps this check cheap enough to run on every document.
LISTING_EXCHANGE = re.compile(r"\(([A-Za-z0-9]{4,8})(?=\s*:)")

PHASE_NUMERAL = re.compile(r"Phase(?<![A-Za-z]Phase)(\s+)([\[\]lI1|]*[\[\]l|][\[\]lI1|]*)(?=[\s.,;:)]|$)")
STROKES = {"[": "II", "]": "II", "l": "I", "1": "I", "|": "I", "I": "I"}
ROMAN = frozenset({"I", "II", "III"})

FOOTNOTE_MARK = re.compile(r"\.(?<=[a-z)]\.)[!?]+(?=\s|$)")
# Literal gates: a compiled literal scans faster than "in" here (measured).
DOT_BANG = re.compile(r"\.!")
DOT_QUESTION = re.compile(r"\.\?")
SHOUTED_WWW = re.compile(r"WWW\.(?<![\w.]WWW\.)(?=[a-z0-9])")

NAME_TOKEN = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[A-Za-z]{5,}(?![A-Za-z])")
MIN_FREQUENT = 3
FREQUENCY_RATIO = 3


def fix_ocr_slips(text: str, suspect_ocr: bool = False) -> str:
    """Repair OCR slips. The whole-text vocabulary rules (exchange names
    anywhere, name slips) run only on text that shows OCR signs: it was hard
    wrapped, or one of the cheap always-on rules fired."""
    fixed = text
    if "(" in fixed and LISTING_EXCHANGE.search(fixed):
        fixed = LISTING_EXCHANGE.sub(_listing_exchange, fixed)
    if PHASE_NUMERAL.search(fixed):
        fixed = PHASE_NUMERAL.sub(_phase_numeral, fixed)
    if ("!" in fixed and DOT_BANG.search(fixed)) or ("?" in fixed and DOT_QUESTION.search(fixed)):
        fixed = FOOTNOTE_MARK.sub(".", fixed)
    if SHOUTED_WWW.search(fixed):
        fixed = SHOUTED_WWW.sub("www.", fixed)
    if suspect_ocr or fixed != text:
        fixed = EXCHANGE_SLIP.sub(_exchange, fixed)
        fixed = _fix_name_slips(fixed)
    return fixed


def _listing_exchange(m: re.Match) -> str:
    name = EXCHANGE_FIXES.get(m.group(1))
    return "(" + name if name else m.group(0)


def _exchange(m: re.Match) -> str:
    start = m.start()
    if start and m.string[start - 1].isalnum():
        return m.group(0)
    return EXCHANGE_FIXES[m.group(0)]


def _phase_numeral(m: re.Match) -> str:
    if "|" in m.group(2) and _in_pipe_row(m):
        return m.group(0)  # "| Phase | Partner |": a cell border, not an OCR'd numeral
    numeral = "".join(STROKES[c] for c in m.group(2))
    if numeral not in ROMAN:
        return m.group(0)
    return "Phase " + numeral


def _in_pipe_row(m: re.Match) -> bool:
    text = m.string
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    line = text[start:end if end >= 0 else len(text)]
    return line.count("|") - m.group(2).count("|") >= 2


def _fix_name_slips(text: str) -> str:
    counts = Counter(NAME_TOKEN.findall(text))
    frequent = {t: n for t, n in counts.items() if n >= MIN_FREQUENT}
    if not frequent:
        return text
    by_edit = _one_edit_index(frequent)
    fixes = {}
    for token, n in counts.items():
        if token in frequent and n >= MIN_FREQUENT * 2:
            continue
        target = _nearest_frequent(token, by_edit, frequent, n)
        if target:
            fixes[token] = target
    if not fixes:
        return text
    slip = re.compile(r"\b(?:" + "|".join(map(re.escape, fixes)) + r")\b")
    return slip.sub(lambda m: fixes[m.group(0)], text)


def _one_edit_index(frequent: dict[str, int]) -> dict[str, list[str]]:
    """Map each frequent token, and each of its one-letter deletions keyed by
    position, to the token: a lookup then finds insertions, deletions and
    substitutions in one pass."""
    index: dict[str, list[str]] = {}
    for token in frequent:
        index.setdefault(token, []).append(token)
        for i in range(len(token)):
            index.setdefault(f"{i}:{token[:i]}{token[i + 1:]}", []).append(token)
            index.setdefault(token[:i] + token[i + 1:], []).append(token)
    return index


def _nearest_frequent(token: str, index: dict[str, list[str]], frequent: dict[str, int], n: int) -> str | None:
    candidates: list[str] = []
    # token is a frequent word with one letter dropped
    candidates += [t for t in index.get(token, []) if t != token]
    for i in range(len(token)):
        shorter = token[:i] + token[i + 1:]
        candidates += [t for t in index.get(shorter, []) if t == shorter]  # one letter inserted
        candidates += [t for t in index.get(f"{i}:{shorter}", []) if t != token]  # one letter changed
    for target in sorted(set(candidates), key=lambda t: (-frequent[t], t)):
        if frequent[target] >= FREQUENCY_RATIO * n and _same_frame(token, target):
            return target
    return None


def _same_frame(token: str, target: str) -> bool:
    # The slip must sit inside the word: same first two and last letters, so
    # plurals, "Trials"/"Trial" or a different word ("Chase"/"Phase") never match.
    return token[:2] == target[:2] and token[-1] == target[-1]
