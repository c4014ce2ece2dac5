"""Column periods and scale from a table's title and header text.

A header is read as a stream of events in print order: durations ("Three
Months Ended", "Year Ended"), month-days ("December 31,") and years. Every year
is a column. A duration or month-day applies to the years in one of two
layouts, which is all statement headers do:

* grouped: each duration is printed before its own years
  (``Three Months Ended December 31, 2010 2009 Six Months Ended ... 2010 2009``)
  -> a year takes the latest duration printed before it;
* spanning: all durations are printed first, on a header row of their own
  (``Three Months Ended | Year Ended`` then ``2025 2024 2025 2024``)
  -> the years are shared out evenly, in order.

Anything that does not fit (years not divisible among the durations, a
duration column with no month-day) gives no periods: the table is skipped
rather than guessed.

Quarter and fiscal-year columns ("Q3 2025 | Q3 2024", "3Q25", "FY 2024") are
read when they are the only columns of the header (``quarter_columns``), as
fiscal periods of a year ending in ``fye_month``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9

_DURATION = re.compile(
    r"(?i)\b(?P<n>three|six|nine|twelve|3|6|9|12)[- ]months?(?: periods?)?\s*(?:ended|ending)"
    r"|\b(?P<q>quarters?)\s*(?:ended|ending)"
    r"|\b(?P<y>(?:fiscal )?years?)\s*(?:ended|ending)"
)
_MONTHDAY = re.compile(
    r"(?i)(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*(?P<day>\d{1,2})(?!\d)"
)
# Day-first dates of non-US filers: "31-Dec-24", "31 December 2024", "30 Sept. 2025".
# A two-digit year is read only with the dash form, where it cannot be a day.
_DAY_FIRST = re.compile(
    r"(?i)(?<![\w/.-])(?P<day>\d{1,2})(?:-(?P<mon2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-(?P<yy>\d\d)(?![\w-])"
    r"|\s(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s(?=(?:19|20)\d\d(?!\d)))"
)
# Years, also glued together as PDF/markdown flattening prints them
# ("2025202420252024").
_YEARS = re.compile(r"(?<!\d)((?:19[89]\d|20[0-4]\d)+)(?!\d)")

_WORD_N = {"three": 3, "six": 6, "nine": 9, "twelve": 12}

# Currencies a table prints its money in, by ISO code.
_CUR_CODES = "EUR|GBP|CHF|CNY|RMB|JPY|CAD|AUD|HKD|SEK|DKK|NOK|USD|NZD|SGD|INR|KRW|ILS|BRL"
_CUR_SIGN = r"€|£|¥|EUR|GBP|CHF|RMB|CNY|JPY|CAD|AUD|HKD|SEK|DKK|NOK|USD|HK\$|C\$|A\$|US\$|NZ\$|S\$"

_SCALE = re.compile(
    r"(?i)(?:\bin\s+|\$\s*in\s+|amounts\s+in\s+|dollars\s+in\s+|expressed\s+in\s+)"
    r"(?:u\.?s\.?\s+dollars?\s+|(?-i:" + _CUR_SIGN + r"|\$)\s*)?(?P<w>thousand|million|billion)s?\b(?!-)"
    r"|\((?:in\s+)?\$?\s*(?P<k>000)'?s?\)|\$\s*'?000(?:'?s|(?![\d,.]))"
    # "in EUR 1,000", "(in 1,000 EUR)"
    r"|(?-i:" + _CUR_SIGN + r")\s*(?P<k3>1[,.]000)(?![\d,.])|(?<![\d,.])(?P<k4>1[,.]000)\s*(?-i:" + _CUR_SIGN + r")"
    # "(EUR thousand)", "€ thousands", "£'000", "RMB'000", "(€000)"
    r"|(?<![\w$])(?-i:" + _CUR_SIGN + r")\s*(?:(?P<w2>thousand|million|billion)s?\b|'?(?P<k2>000)(?!\d))"
)
# Short forms of European and Asian releases: "EUR m", "€m", "SEK mn", "US$bn",
# "(EUR k)", "$m", "MEUR", "TEUR", "kSEK".
_SCALE_SHORT = re.compile(
    r"(?<![\w$])(?:(?:" + _CUR_SIGN + r"|\$)\s?(?P<u>m|mn|mln|mio|bn|k)"
    r"|(?P<pre>[MTmk])(?:EUR|SEK|USD|CHF|NOK|DKK|GBP|\u20ac))(?![\w$])"
)
_SHORT_MULT = {"m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "mio": 1_000_000, "bn": 1_000_000_000, "k": 1_000,
               "M": 1_000_000, "T": 1_000}  # prefixes: "MEUR" / "mEUR" million, "TEUR" / "kEUR" thousand
_SHARES_EXEMPT = re.compile(r"(?i)except\s+(?:for\s+)?(?:the\s+)?(?:number\s+of\s+)?shares?(?:\s+data)?(?:\s+and|,)")


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    months: int  # 0 for an instant


def find_scale(text: str) -> tuple[int, bool] | None:
    """(multiplier, share counts exempt) from "(in thousands, except ...)", else None."""
    if not ("000" in text or "housand" in text or "illion" in text or "HOUSAND" in text or "ILLION" in text):
        return _short_scale(text)  # cheap test first: most headings name no scale
    m = _SCALE.search(text)
    if not m:
        return _short_scale(text)
    word = (m.group("w") or m.group("w2") or "thousand").lower().rstrip("s") + "s"
    mult = {"thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}[word]
    return mult, bool(_SHARES_EXEMPT.search(text))


def _short_scale(text: str) -> tuple[int, bool] | None:
    m = _SCALE_SHORT.search(text)
    if not m:
        return None
    unit = m.group("u")
    pre = m.group("pre")
    mult = _SHORT_MULT[unit.lower() if unit else {"m": "M", "k": "T"}.get(pre, pre)]
    return mult, bool(_SHARES_EXEMPT.search(text))


# A currency named in a table's title, header or cells. "$" alone names none: it is
# the dollar of whatever currency the header names ("in thousands of Canadian
# dollars ... $ 1,234").
_CUR_NAMES = (
    r"euros?|pounds?\s+sterling|sterling|swiss\s+francs?|renminbi|yuan|japanese\s+yen|yen"
    r"|(?:canadian|australian|hong\s+kong|new\s+zealand|singapore|u\.\s?s\.|us)\s+dollars?"
    r"|swedish\s+kron(?:a|or)|danish\s+kron(?:e|er)|norwegian\s+kron(?:e|er)"
)
# A name or code counts only where it names the table's money ("in thousands of
# euros", "(EUR)", "EUR thousand", "in EUR"): a bank called Sterling or a "CAD"
# programme is not a currency.
_CURRENCY = re.compile(
    r"(?i:(?:\bof|\bin|\()\s+(?P<name>" + _CUR_NAMES + r")\b|\((?P<pname>" + _CUR_NAMES + r")\))"
    r"|(?P<sign>€|£|¥|(?<![A-Za-z])(?:HK|C|A|US|NZ|S)\$)"
    r"|(?:\b(?i:in|of)\s+|\()(?P<code>" + _CUR_CODES + r")\b"
    r"|\b(?P<code2>" + _CUR_CODES + r")\s*(?:'?000(?!\d)|(?i:thousands?|millions?|billions?)\b|\)|(?=\s?\(?\d))"
    r"|\b(?P<code3>RMB)\b"
    r"|\b(?P<code4>" + _CUR_CODES + r")\s?(?:m|mn|mln|mio|bn|k)\b"
    # "in million EUR", "in thousand euros"
    r"|(?i:thousands?|millions?|billions?)\s+(?:of\s+)?(?:(?P<code6>" + _CUR_CODES + r")\b|(?i:(?P<name2>" + _CUR_NAMES + r"))\b)"
    r"|(?<![A-Za-z])[MTmk](?P<code5>EUR|SEK|USD|CHF|NOK|DKK|GBP)\b"
)
_CUR_OF = {
    "€": "EUR", "£": "GBP", "¥": "JPY", "HK$": "HKD", "C$": "CAD", "A$": "AUD", "US$": "USD",
    "NZ$": "NZD", "S$": "SGD", "RMB": "CNY", "euro": "EUR", "euros": "EUR", "sterling": "GBP",
    "pound sterling": "GBP", "pounds sterling": "GBP", "swiss franc": "CHF", "swiss francs": "CHF",
    "renminbi": "CNY", "yuan": "CNY", "yen": "JPY", "japanese yen": "JPY",
    "swedish krona": "SEK", "swedish kronor": "SEK", "danish krone": "DKK", "danish kroner": "DKK",
    "norwegian krone": "NOK", "norwegian kroner": "NOK",
}
_DOLLARS_OF = {"canadian": "CAD", "australian": "AUD", "hong kong": "HKD", "new zealand": "NZD",
               "singapore": "SGD", "u.s.": "USD", "u. s.": "USD", "us": "USD"}
_MAY_NAME_CURRENCY = re.compile(r"[€£¥]|[A-Z]{3}|[A-Z]\$|(?i:euro|sterling|franc|renminbi|yuan|yen|dollar|kron)")


def currencies(text: str) -> set[str]:
    """ISO codes of the currencies ``text`` names ("in thousands of euros" -> {"EUR"})."""
    if not _MAY_NAME_CURRENCY.search(text):
        return set()
    out = set()
    for m in _CURRENCY.finditer(text):
        code = m.group("code") or m.group("code2") or m.group("code3") or m.group("code4") or m.group("code5") or m.group("code6")
        if code:
            out.add(_CUR_OF.get(code, code))
            continue
        word = " ".join((m.group("name") or m.group("pname") or m.group("name2") or m.group("sign")).lower().split())
        if word.endswith(("dollar", "dollars")):
            out.add(_DOLLARS_OF[word.rsplit(" ", 1)[0]])
        else:
            out.add(_CUR_OF.get(word) or _CUR_OF[word.upper()])
    return out


# Quarter and fiscal-year column headers: "Q3 2025", "3Q25", "Q4 '24", "FY 2024", "Fiscal 2024".
_QUARTER_COL = re.compile(
    r"(?i)(?<![\w])(?:Q(?P<q1>[1-4])|(?P<q2>[1-4])Q)\s?(?:FY\s?)?'?(?P<y>(?:19|20)\d\d|\d\d)(?![\w])"
    r"|(?<![\w])(?:FY|fiscal(?:\s+year)?)\s?'?(?P<fy>(?:19|20)\d\d)(?![\w])"
    # first 6 / 9 months and halves of a fiscal year: "9M 2025", "9M25", "H1 2025", "1H25"
    r"|(?<![\w$])(?:(?P<m>[69])M|H(?P<h1>[12])|(?P<h2>[12])H)\s?(?:FY\s?)?'?(?P<my>(?:19|20)\d\d|\d\d)(?![\w])"
)


def _may_name_duration(text: str) -> bool:
    return "nded" in text or "nding" in text or "NDED" in text or "NDING" in text


def has_period_words(text: str) -> bool:
    # cheap substring tests before each regex: "ended"/"ending" for a duration,
    # "19"/"20" for a year
    if _may_name_duration(text) and _DURATION.search(text):
        return True
    if ("20" in text or "19" in text) and _MONTHDAY.search(text) and _YEARS.search(text):
        return True
    if _may_be_day_first(text) and _DAY_FIRST.search(text):
        return True
    if ("ull" in text or "ULL" in text or "inancial" in text or "iscal" in text) and _full_years(text):
        return True  # "Full year 2025"
    # cheap substring tests first: most lines name no quarter or fiscal year
    return _may_name_columns(text) and bool(_QUARTER_COL.search(text))


def _may_be_day_first(text: str) -> bool:
    """Cheap test first: a day-first date has a digit before a space or a dash."""
    return "-" in text or " " in text


def _may_name_columns(text: str) -> bool:
    """Cheap substring tests first: most lines name no quarter, half or fiscal year."""
    return (
        "Q" in text or "FY" in text or "iscal" in text or "9M" in text or "6M" in text
        or "H1" in text or "H2" in text or "1H" in text or "2H" in text
    )


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_SCALE_ZEROS = re.compile(r"(?:['\u2019]|(?<=\$))000(?:'?s)?(?!\d)|\(\s*\$?\s*000'?s?\s*\)")


def quarter_columns(text: str, fye_month: int = 12) -> list[Period] | None:
    """Columns headed "Q3 2025 | Q3 2024" or "FY 2024 | FY 2023", else None.

    Quarters are fiscal quarters of a year ending in ``fye_month`` (December
    unless the release states otherwise); FY2011 is the year that ends in 2011.
    Used only when every year of the header is such a column (no month-day
    headers, no bare years left over).
    """
    cols = list(_QUARTER_COL.finditer(text))
    if not cols:
        return None
    rest = _QUARTER_COL.sub(" ", text)
    if "000" in rest:
        rest = _SCALE_ZEROS.sub(" ", rest)  # "HK$'000 1H 2025 1H 2024": the scale, not a column
    if re.search(r"\d", rest) or _MONTHDAY.search(text) or _DURATION.search(text):
        return None  # another kind of column ("9M25", "Six Months Ended") is printed too
    out = []
    for m in cols:
        if m.group("my"):
            y = m.group("my")
            fy = int(y) if len(y) == 4 else 2000 + int(y)
            half = m.group("h1") or m.group("h2")
            months = 6 if half else int(m.group("m"))
            month = fye_month - 12 + (12 if half == "2" else months)
            year = fy
            while month <= 0:
                month += 12
                year -= 1
            end = _month_end(year, month)
            out.append(Period(period_start(end, months), end, months))
            continue
        if m.group("fy"):
            fy = int(m.group("fy"))
            end = _month_end(fy, fye_month)
            out.append(Period(period_start(end, 12), end, 12))
            continue
        q = int(m.group("q1") or m.group("q2"))
        y = m.group("y")
        fy = int(y) if len(y) == 4 else 2000 + int(y)
        month = fye_month - 3 * (4 - q)
        year = fy
        while month <= 0:
            month += 12
            year -= 1
        end = _month_end(year, month)
        out.append(Period(period_start(end, 3), end, 3))
    return out


# "Full year 2025 2024 Change", "Financial year | 2025 | 2024": the header says the
# columns are whole fiscal years; a year alone does not.
_FULL_YEAR = re.compile(r"(?i)\b(?:full[- ]year|fiscal[- ]year|financial[- ]year)s?\b")
_FULL_YEAR_REST = re.compile(r"(?i)^(?:\s|full[- ]years?|fiscal[- ]years?|financial[- ]years?|change|%|\+/-|yoy|y/y|variance|\|)*$")


_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)")


def _full_years(text: str) -> list[int] | None:
    """The years of a header that prints only them, full-year words and change columns."""
    if len(text) > 120 or not _FULL_YEAR.search(text):
        return None
    years = [int(y) for y in _YEAR.findall(text)]
    if not years or len(set(years)) != len(years) or not _FULL_YEAR_REST.match(_YEAR.sub(" ", text)):
        return None
    return years


def full_year_columns(text: str, fye_month: int = 12) -> list[Period] | None:
    """Columns of whole fiscal years named by the header, else None. Only the header's
    years and the words that name the columns full years (or change columns) may be printed."""
    years = _full_years(text)
    if not years:
        return None
    out = []
    for fy in years:
        end = _month_end(fy, fye_month)
        out.append(Period(period_start(end, 12), end, 12))
    return out


def has_duration(text: str) -> bool:
    """"Three Months Ended", "Year Ended", "Quarter Ended" or a quarter / fiscal-year column."""
    return (_may_name_duration(text) and bool(_DURATION.search(text))) or (
        _may_name_columns(text) and bool(_QUARTER_COL.search(text))
    )


def has_year(text: str) -> bool:
    return bool(_YEARS.search(text))


def strip_years(text: str) -> str:
    return _YEARS.sub(" ", text)


def has_month_day(text: str) -> bool:
    return bool(_MONTHDAY.search(text)) or bool(_DAY_FIRST.search(text))


def _events(text: str) -> list[tuple[int, str, object]]:
    ev: list[tuple[int, str, object]] = []
    for m in _DURATION.finditer(text):
        if m.group("n"):
            n = m.group("n").lower()
            months = _WORD_N.get(n) or int(n)
        elif m.group("q"):
            months = 3
        else:
            months = 12
        ev.append((m.start(), "dur", months))
    for m in _MONTHDAY.finditer(text):
        ev.append((m.start(), "md", (_MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("day")))))
    for m in _DAY_FIRST.finditer(text):
        mon = (m.group("mon") or m.group("mon2")).lower()
        ev.append((m.start(), "md", (_MONTHS[mon], int(m.group("day")))))
        if m.group("yy"):
            ev.append((m.start("yy"), "year", 2000 + int(m.group("yy"))))
    for m in _YEARS.finditer(text):
        run = m.group(1)
        for i in range(0, len(run), 4):
            ev.append((m.start() + i, "year", int(run[i : i + 4])))
    ev.sort(key=lambda e: e[0])
    return ev


def _assign(events: list[tuple[int, str, object]], kind: str, years: list[int]) -> list[object] | None:
    """The value of ``kind`` for each year column (see module doc), None if unclear."""
    pos_years = [p for p, k, _ in events if k == "year"]
    items = [(p, v) for p, k, v in events if k == kind]
    if not items:
        return [None] * len(years)
    if len(items) > 1 and all(p < pos_years[0] for p, _ in items):
        if len(years) % len(items):
            return None
        per = len(years) // len(items)
        return [items[i // per][1] for i in range(len(years))]
    out = []
    for py in pos_years:
        before = [v for p, v in items if p < py]
        out.append(before[-1] if before else items[0][1])
    return out


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def period_start(end: date, months: int) -> date:
    """First day of a period of ``months`` ending on ``end`` (end of month aware)."""
    if months == 0:
        return end
    last = calendar.monthrange(end.year, end.month)[1]
    y, m = end.year, end.month - months
    while m <= 0:
        m += 12
        y -= 1
    if end.day == last:
        # Dec 31 -> Oct 1 for a quarter: the day after the previous month end.
        return date(y, m, calendar.monthrange(y, m)[1]) + timedelta(days=1)
    d = min(end.day, calendar.monthrange(y, m)[1])
    return date(y, m, d) + timedelta(days=1)


def parse_periods(text: str, instant: bool, fye_month: int = 12) -> list[Period] | None:
    """The column periods of a header, or None when they cannot be read with confidence.

    ``instant``: the table is a balance sheet (every column is a date).
    """
    if not instant:
        q = quarter_columns(text, fye_month) or full_year_columns(text, fye_month)
        if q is not None:
            return q
    events = _events(text)
    years = [v for _, k, v in events if k == "year"]
    if not years:
        return None
    mds = _assign(events, "md", years)
    durs = _assign(events, "dur", years)
    if mds is None or durs is None:
        return None
    out = []
    for y, md, dur in zip(years, mds, durs):
        if md is None:
            return None
        end = _valid_date(y, md[0], md[1])  # type: ignore[index]
        if end is None:
            return None
        months = 0 if instant else dur
        if months is None:
            return None
        out.append(Period(period_start(end, months), end, months))  # type: ignore[arg-type]
    return out
