"""Issuer names and stock listings as releases write them."""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.text_dates import DATELINE
from pipelines.text_keywords import EXCHANGE_ALIASES

_EXCHANGE_ALT = "|".join(
    re.escape(a).replace(r"\ ", r"\s+") for a in sorted(EXCHANGE_ALIASES, key=len, reverse=True)
)
# "(Nasdaq: IMGN)", "(NYSE American: XYZ)", "(TSXV: UCU)", "(Nasdaq: LEXX, LEXXW)".
# Any "(Name: TICKER" is a candidate and the name is looked up afterwards: a
# plain pattern scans far faster than an alternation of every exchange.
TICKER = r"([A-Z][A-Z0-9]{0,6}(?:[.-][A-Z0-9]{1,3})?)(?![A-Za-z0-9])"
LISTING_CANDIDATE = re.compile(rf"\(\s*([A-Za-z][A-Za-z -]{{0,30}}?)\s*:\s*{TICKER}")
# The same without the parenthesis, as in a headline "Clene NASDAQ: CLNN":
# found from the colon (a literal keeps the scan fast), then the exchange name
# is checked just before it.
TICKER_AFTER_COLON = re.compile(rf":\s*{TICKER}")
EXCHANGE_BEFORE_COLON = re.compile(rf"(?<![\w])((?i:{_EXCHANGE_ALT}))\s*$")
BARE_LISTING_CHARS = 2000

# A comma inside a name only introduces its legal form ("Acme, Inc.").
_SUFFIX = r"(?:Inc|Corp|Corporation|Ltd|Limited|LLC|L\.L\.C|plc|PLC|AG|SA|S\.A|N\.V|NV|GmbH|SE|ASA|AB|A/S|Co|LP|L\.P)\.?"
_NAME_WORD = r"(?:[A-Z0-9][\w&'.+®™-]*+|&)"
# The name right before a listing, optionally followed by one parenthetical
# of defined terms ("Acme, Inc. ("Acme" or the "Company") (Nasdaq: ACME)").
NAME_BEFORE_LISTING = re.compile(
    rf"([A-Z][\w&'.+®™-]*+(?:\s{_NAME_WORD}|,\s{_SUFFIX}){{0,7}})\s*,?\s*(?:\([^()\n]*\"[^()\n]*\)\s*)?$"
)
CORPORATE_NAME = re.compile(rf"([A-Z][\w&'.+-]*+(?:\s(?:[A-Z][\w&'.+-]*+|&)){{0,5}},?\s{_SUFFIX})(?=[\s,;:)]|$)")
POSSESSIVE = re.compile(r"'s$")
NOT_NAME_START = frozenset({
    "The", "Today", "Shares", "As", "In", "On", "Meanwhile", "Additionally", "Both", "And", "Also", "Recently",
    "Earlier", "Yesterday", "This", "Company", "Leading", "Investors", "About", "Contact", "Source", "With",
})


@lru_cache(maxsize=4)  # sections and docmeta both ask, for the same text
def first_listing(text: str) -> "Listing | None":
    """The first stock listing; the issuer's comes first in a release. The
    body's is preferred: a headline's title case hides where the name starts."""
    body_start = text.find("\n") + 1 if "\n" in text else 0
    m = _parenthesised_listing(text, body_start, len(text)) or _parenthesised_listing(text, 0, body_start)
    if m:
        return m
    for colon in TICKER_AFTER_COLON.finditer(text, 0, BARE_LISTING_CHARS):
        before = text[max(0, colon.start() - 30):colon.start()]
        exchange = EXCHANGE_BEFORE_COLON.search(before)
        if exchange:
            return Listing(exchange.group(1), colon.group(1), colon.start() - len(before) + exchange.start())
    return None


def _parenthesised_listing(text: str, start: int, end: int) -> "Listing | None":
    for m in LISTING_CANDIDATE.finditer(text, start, end):
        name = " ".join(m.group(1).lower().split())
        if name in EXCHANGE_ALIASES:
            return Listing(m.group(1), m.group(2), m.start())
    return None


class Listing:
    """A listing: ``group(1)`` the exchange as written, ``group(2)`` the ticker,
    ``start()`` where the listing begins."""

    def __init__(self, exchange: str, ticker: str, start: int) -> None:
        self._groups = (None, exchange, ticker)
        self._start = start

    def group(self, n: int) -> str:
        return self._groups[n]

    def start(self) -> int:
        return self._start


@lru_cache(maxsize=4)  # sections and docmeta both ask, for the same listing
def name_before(text: str, pos: int) -> str | None:
    """The company name written just before ``pos`` on the same line (after
    any dateline), without sentence openers such as "The" or "Today"."""
    line_start = text.rfind("\n", 0, pos) + 1
    dateline = DATELINE.match(text, line_start, pos)
    if dateline:
        line_start = dateline.end()
    window = text[max(line_start, pos - 160):pos]
    m = NAME_BEFORE_LISTING.search(window)
    if not m:
        return None
    words = m.group(1).split()
    while words and (words[0] in NOT_NAME_START or not words[0][0].isupper()):
        words.pop(0)
    name = POSSESSIVE.sub("", " ".join(words).rstrip(",")).replace("®", "").replace("™", "")
    return name or None
