"""Money phrases in prose: find them, read their value and their printed precision.

A press release prints money in many shapes ("$14.2 million", "$(19,000)",
"$5,815,468", "$0.21 per basic and diluted share", "$60-64 million",
"between $178 million and $182 million", "€25 million", "US$3.5M"). This
module only *reads* those phrases; deciding what a figure means (concept,
period) is the job of ``narrative.py``.

``decimals`` follows XBRL: the power of ten of the last printed digit, negated.
"$14.2 million" is precise to 100,000 -> -5; "$45 million" -> -6; "$0.21" -> 2;
"$5,815,468" -> 0; "$(19,000)" -> -3 (whole trailing thousand groups count as
rounding, a lone trailing zero in "$5,810" does not).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# Currency markers, longest first so "US$" wins over "$". Each maps to the
# unit we report; only these are recognised, a bare number is never money.
_CURRENCY_UNITS = {
    "C$": "CAD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "CAD": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "AUD": "AUD",
    "US$": "USD",
    "USD$": "USD",
    "USD": "USD",
    "$": "USD",
    "HK$": "HKD",
    "HKD": "HKD",
    "NZ$": "NZD",
    "NZD": "NZD",
    "S$": "SGD",
    "SGD": "SGD",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "CHF": "CHF",
    "SEK": "SEK",
    "NOK": "NOK",
    "DKK": "DKK",
    "JPY": "JPY",
    "CNY": "CNY",
    "RMB": "CNY",
    "INR": "INR",
    "₹": "INR",
}
# "¥" is left out: it is the sign of both the yen and the yuan.
# A code before the number: "CHF 12.3 million", "SEK1.2 billion", "EUR 9.7 million".
_CODES = r"(?:USD|EUR|GBP|CHF|SEK|NOK|DKK|JPY|CNY|RMB|INR|CAD|AUD|HKD|NZD|SGD)"
# A bare "$" touching a letter is another dollar ("NT$", "R$", "MX$"): not a currency we can name.
_CUR = (r"(?:US\$|USD\s?\$|C\$|CA\$|CAD\$|A\$|AU\$|AUD\$|HK\$|NZ\$|(?<![A-Za-z])S\$|(?<![A-Za-z])\$|€|£|₹"
        r"|(?<![A-Za-z])" + _CODES + r"(?:\s|(?=\d)))")
# The start of an amount, for patterns that look ahead for one ("compared with EUR 9.7 million").
CURRENCY_START = r"(?:[$€£₹]|(?:US|C|CA|A|AU|HK|NZ|S)\$|" + _CODES + r"(?:\s|(?=\d)))"

_SCALES = {
    "thousand": 3, "k": 3,
    "million": 6, "mn": 6, "mm": 6, "m": 6, "mil": 6,
    "billion": 9, "bn": 9, "b": 9,
    "trillion": 12, "tn": 12,
}
# The scale word must end the token ("$5 billion", "$3.5M"), never eat the
# start of a following word ("$5 Mining").
_SCALE = r"(?:\s?(?P<{n}>(?i:thousand|million|billion|trillion)|mn|mm|MM|bn|tn|mil|[kKmMbB])(?![A-Za-z]))"
# "(?![,.]\d)": "$5,7 million" (a decimal comma) is not "$5".
_NUM = r"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![,.]\d)"

# One amount: optional sign, currency, number, optional scale. "$(19,000)"
# and "($19,000)" and "-$5.2 million" are negatives; the minus must touch the
# currency so a bullet dash ("- $5 million ...") is not read as a sign.
_AMOUNT = (
    r"(?:(?P<neg{i}>-)|(?P<op{i}>\())?(?P<cur{i}>" + _CUR + r")\s?(?P<par{i}>\()?\s?(?P<mn{i}>[-−](?=\d))?"
    r"(?P<num{i}>" + _NUM + r")(?P<cp{i}>\))?" + _SCALE.replace("{n}", "sc{i}") + r"?"
)

# A range: "$60-64 million", "$60 - $64 million", "$38 million to $42 million",
# "between $178 million and $182 million". The second half may omit the
# currency ("$0-4 million"); the scale of the second half applies to the first
# when the first has none.
# "$(4.9) million to $(4.4) million": a range of losses, each end in parentheses.
_RANGE_TAIL = (
    r"\s?(?:-|–|—|to|and)\s?(?P<cur2>" + _CUR + r")?\s?(?P<par2>\()?"
    r"(?P<num2>" + _NUM.format() + r")(?(par2)\))" + _SCALE.replace("{n}", "sc2") + r"?"
)

# "$1,000,000 AUD", "$5.9 million CAD": a trailing code overrides the "$".
_TRAILING_CODE = r"(?:\s(?P<code>AUD|CAD|USD|EUR|GBP|CHF|JPY|NZD|SGD|HKD)\b)?"

_PER_SHARE = (
    r"(?P<per>\s(?i:per|a)\s(?i:(?:basic|diluted|common|ordinary)(?:\s(?:and|&)\s(?:basic|diluted))?\s)?"
    r"(?i:share)\b(?i:,?\s(?:basic\sand\sdiluted|diluted|basic)\b)?"
    # "$0.15 basic and diluted net loss per share"
    r"|\s(?i:(?:basic\s(?:and|&)\s)?diluted\s|basic\s)?(?i:net\s)?(?i:loss|income|earnings)\s(?i:per)\s(?i:common\s)?(?i:share)\b)?"
)

_MONEY_RE = re.compile(
    r"(?P<between>\b(?i:between)\s)?" + _AMOUNT.format(i=1) + r"(?P<range>" + _RANGE_TAIL + r")?"
    + _TRAILING_CODE + _PER_SHARE
)
_SINGLE_RE = re.compile(_AMOUNT.format(i=1) + _TRAILING_CODE + _PER_SHARE)

def fast_start(rx: re.Pattern, first: str) -> re.Pattern:
    """``rx`` behind a lookahead on the characters its matches can start with.

    Python's engine tries a pattern at every position; the lookahead lets most
    positions fail at once. The matches are the same (``first`` must list every
    possible first character; case follows ``rx``'s flags).
    """
    return re.compile(r"(?=[" + first + r"])(?:" + rx.pattern + r")", rx.flags)


# Same matches, found faster: a match starts with "between", a sign, a parenthesis or a currency.
_MONEY_RE = fast_start(_MONEY_RE, r"bB\-(UCA$€E£GHNSDJRI₹")
# Speed: the currencies most releases use, with the few first characters they need; the full
# pattern runs only where a rarer marker is present (``_RARE_RE``).
_COMMON_CUR = r"(?:US\$|USD\s?\$|C\$|CA\$|CAD\$|A\$|AU\$|AUD\$|(?<![A-Za-z])\$|€|£|(?<![A-Za-z])(?:USD|EUR|GBP)(?:\s|(?=\d)))"
_COMMON_RE = fast_start(re.compile(
    r"(?P<between>\b(?i:between)\s)?" + _AMOUNT.format(i=1).replace(_CUR, _COMMON_CUR) + r"(?P<range>"
    + _RANGE_TAIL.replace(_CUR, _COMMON_CUR) + r")?" + _TRAILING_CODE + _PER_SHARE), r"bB\-(UCA$€E£G")
# A release in a rarer currency names it in its title or lead ("RMB 30,252 million", "HK$3.2 million",
# "CHF 1.95m"): plain substring tests on that head are cheap, on the full text they are not. Rarer
# still (S$, NZ$, INR, NOK, DKK, a code first printed further down) is read only beside a common marker.


def _rare_doc(text: str) -> bool:
    """Whether the release may print a rarer currency: one of them appears in its first lines."""
    last = _LAST_RARE
    if last[0] is not text:
        h = text[:_RARE_HEAD]
        # one expression, not a generator: this runs on every release
        found = "RMB" in h or "CHF" in h or "K$" in h or "CNY" in h or "SEK" in h or "JPY" in h or "₹" in h
        last = _remember_rare(text, found)
    return last[1]


def _remember_rare(text: str, flag: bool) -> tuple:
    global _LAST_RARE
    _LAST_RARE = (text, flag)
    return _LAST_RARE


_LAST_RARE: tuple = (None, False)

# Cheap test used to skip documents that cannot hold a money phrase at all.
_MONEY_MARKERS = ("$", "€", "£", "USD", "EUR", "GBP")  # spelled out again in ``has_money_hint``
# Rarer currency codes count as markers only in a release that prints one near its top ("RMB 30,252
# million" in the lead): scanning every release for a dozen codes costs more than all else here.
_RARE_HEAD = 600
_RARE_MARKER_RE = re.compile(r"(?=[₹CSNDJRIAH])(?:₹|(?<![A-Za-z])(?:CHF|SEK|NOK|DKK|JPY|CNY|RMB|INR|CAD|AUD|HKD|NZD|SGD)(?=\s?\d))")


def has_money_hint(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds any currency marker (plain substring scans: fast).

    The same release is asked about block after block and sentence after
    sentence: the markers of the last text asked about are kept (one pass
    per marker), and each question is a binary search.
    """
    end = len(text) if end is None else end
    last = _LAST_MARKERS
    if last[0] is not text:
        if start == 0 and end == len(text):
            # The first question about a text is usually the whole text: answer it without indexing.
            found = "$" in text or "€" in text or "£" in text or "USD" in text or "EUR" in text or "GBP" in text
            if not found and not _rare_head(text):
                _remember(text, [], [])
                return False
        last = _remember(text, *_marker_spans(text))
    starts, ends = last[1], last[2]
    i = bisect_left(starts, start)
    while i < len(starts) and starts[i] < end:
        if ends[i] <= end:
            return True
        i += 1
    return False


def _marker_spans(text: str) -> tuple[list[int], list[int]]:
    spans = []
    for mark in _MONEY_MARKERS:
        i = text.find(mark)
        while i >= 0:
            spans.append((i, i + len(mark)))
            i = text.find(mark, i + 1)
    if _rare_head(text):
        spans += [m.span() for m in _RARE_MARKER_RE.finditer(text)]
    spans.sort()
    return [a for a, _ in spans], [b for _, b in spans]


def _rare_head(text: str) -> bool:
    return _rare_doc(text) and _RARE_MARKER_RE.search(text, 0, _RARE_HEAD) is not None


def _remember(text: str, starts: list[int], ends: list[int]) -> tuple:
    global _LAST_MARKERS
    _LAST_MARKERS = (text, starts, ends)  # one assignment: a reader sees the old or the new triple
    return _LAST_MARKERS


_LAST_MARKERS: tuple = (None, [], [])


@dataclass(frozen=True)
class Money:
    """One money phrase as printed: a single amount or a low-high range."""

    start: int
    end: int
    text: str
    value: float  # for a range, the low end
    value_high: float | None  # None unless a range
    decimals: int
    unit: str  # 'USD', 'EUR', 'GBP', or '<cur>/share'
    per_share: bool
    share_basis: str | None  # 'basic and diluted', 'diluted', 'basic' or None
    negative: bool  # printed in parentheses or with a minus sign

    @property
    def is_range(self) -> bool:
        return self.value_high is not None


def _currency_unit(marker: str) -> str:
    return _CURRENCY_UNITS[marker.replace(" ", "").strip()] if marker else "USD"


def _scale_power(token: str | None) -> int:
    if not token:
        return 0
    low = token.lower()
    # A lone lowercase "b"/"k"/"m" is the same scale as its capital.
    return _SCALES.get(low, 0)


def _decimals(num: str, power: int) -> int:
    """XBRL decimals of a printed number at a given power-of-ten scale."""
    if "." in num:
        return len(num.split(".", 1)[1]) - power
    if power:
        return -power
    if "," in num:
        # Whole thousand groups of zeros are rounding: "19,000" -> -3.
        groups = num.split(",")[1:]
        zeros = 0
        for g in reversed(groups):
            if g == "000":
                zeros += 3
            else:
                break
        return -zeros
    return 0


def _to_float(num: str, power: int) -> float:
    # Round away binary noise so 14.2 million is exactly 14200000.0.
    value = float(num.replace(",", "")) * (10 ** power)
    return round(value, max(0, 6 - power))


def _share_basis(per: str | None) -> str | None:
    if not per:
        return None
    p = per.lower()
    if "basic" in p and "diluted" in p:
        return "basic and diluted"
    if "diluted" in p:
        return "diluted"
    if "basic" in p:
        return "basic"
    return ""


def _is_negative(m: re.Match) -> bool:
    if m.group("neg1") or m.group("par1") or m.group("mn1"):
        return True  # ("EUR -25.7 million": the minus after the currency, as European releases print it)
    # "($19,000)": an opening parenthesis counts only when it closes right after.
    return bool(m.group("op1") and m.group("cp1"))


def _valid_range(m: re.Match, p2: int) -> bool:
    joiner = m.group("range").strip()[:3].lower()
    # "$1.3 million and $1.0 million" are two amounts unless "between" leads.
    if joiner.startswith("and"):
        return bool(m.group("between"))
    # "$5 to 10" is not a range of money unless a currency or scale follows.
    if joiner.startswith("to"):
        return bool(m.group("cur2") or p2)
    return True


def _build(m: re.Match, with_range: bool) -> Money | None:
    num1 = m.group("num1")
    p1 = _scale_power(m.group("sc1"))
    high = None
    dec = None
    if with_range:
        num2 = m.group("num2")
        p2 = _scale_power(m.group("sc2"))
        if not _valid_range(m, p2):
            return None
        p1 = p1 or p2  # "$60-64 million": one scale covers both ends
        high = _to_float(num2, p2 or p1)
        dec = _decimals(num2, p2 or p1)
    value = _to_float(num1, p1)
    if with_range and m.group("par2"):
        if not _is_negative(m):
            return None  # "$5 to $(4) million": one end a loss, the other not said
        value, high = min(-value, -high), max(-value, -high)  # both ends losses, in either order
    if high is not None and high < value:
        return None  # "$2024-25" and the like: not a range of money
    d1 = _decimals(num1, p1)
    dec = d1 if dec is None else min(dec, d1)
    per = m.group("per")
    unit = (m.group("code") or _currency_unit(m.group("cur1"))) + ("/share" if per else "")
    neg = _is_negative(m)
    end = m.end()
    if m.group("op1") and not m.group("cp1") and m.string.startswith(")", end):
        # "($0.1 million)": the parenthesis closes after the scale word.
        neg, end = True, end + 1
    start = m.start("between") if with_range and m.group("between") else m.start("cur1")
    if m.group("neg1") or m.group("op1"):
        start = m.start()
    if with_range and m.group("par2"):
        neg = False  # the signs are already in ``value`` and ``high``
    return Money(
        start=start,
        end=end,
        text=m.string[start:end],
        value=-value if neg else value,
        value_high=high,
        decimals=dec,
        unit=unit,
        per_share=bool(per),
        share_basis=_share_basis(per),
        negative=neg or bool(with_range and m.group("par2")),
    )


def find_money(text: str, start: int = 0, end: int | None = None) -> list[Money]:
    """Every money phrase in ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    out: list[Money] = []
    pos = start
    seg = text[start:end]
    rare = ("RMB" in seg or "CHF" in seg or "K$" in seg or "S$" in seg or "Z$" in seg or "CNY" in seg or "SEK" in seg
            or "JPY" in seg or "INR" in seg or "₹" in seg or "NOK" in seg or "DKK" in seg or "CAD" in seg or "AUD" in seg
            or "HKD" in seg or "NZD" in seg or "SGD" in seg)
    rx = _MONEY_RE if rare else _COMMON_RE
    while True:
        m = rx.search(text, pos, end)
        if m is None:
            return out
        money = _build(m, with_range=True) if m.group("range") else _build(m, with_range=False)
        if money is None:
            # The range reading failed: take the first amount alone and let
            # the next search find the second ("$1.3 million and $1.0 million").
            s = _SINGLE_RE.match(text, m.start("neg1") if m.group("neg1") else m.start("op1") if m.group("op1") else m.start("cur1"), end)
            money = _build(s, with_range=False) if s else None
            pos = money.end if money else (s.end() if s else m.end())
        else:
            pos = money.end
        if money is not None:
            out.append(money)
