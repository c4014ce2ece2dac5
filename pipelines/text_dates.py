"""Dates as releases write them, and the dateline that carries the release date."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAY = r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+"
DATE_TEXT = (
    rf"(?:{WEEKDAY})?(?:"
    rf"(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH}),?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)"
    r")"
)
DATE = re.compile(DATE_TEXT)

# "CITY, State, Month DD, YYYY (WIRE) --", "CITY, ST - (Wire) - Month DD, YYYY -",
# "CITY, Mass.--(BUSINESS WIRE)--", "CITY, ST, Month DD, YYYY /Wire/ --".
# The wire is any short parenthesised or slash-delimited name without a colon
# (a colon would make it an exchange listing).
_PLACE_WORD = r"[A-Z][\w.'&-]*+"
_PLACE = rf"{_PLACE_WORD}(?:[ ](?:{_PLACE_WORD}|and|de|la|du)){{0,5}}(?:,\s*{_PLACE_WORD}(?:[ ][A-Za-z][\w.'&-]*+){{0,3}}){{0,3}}"
_WIRE = r"(?:\([^():\n]{2,40}\)|/[^/:\n]{2,40}/)"
_SEP = r"\s*(?:,|-{1,3}|/)?\s*"
# "Friday Mar 15, 2024 @ 9:00 AM Central", "June 28, 2024 10:45": a time of day after the date.
_ZONE = r"(?:[ ](?:Eastern|Central|Mountain|Pacific|[A-Z]{2,4})(?:[ ]Time)?)?"
TIME_OF_DAY = (
    rf"(?:\s*(?:@|at|,)?\s*(?:\d{{1,2}}:\d\d(?:\s*[AaPp]\.?[Mm]\.?)?|\d{{1,2}}\s*[AaPp]\.?[Mm]\.?){_ZONE})"
)
_DATELINE_HEAD = (
    rf"(?:{_PLACE}(?:{_SEP}(?:{_WIRE}|{DATE_TEXT.replace('?P<', '?P<dl_')})){{1,3}}"
    rf"|(?:{DATE_TEXT.replace('?P<', '?P<dt_')})(?:{_SEP}{_WIRE})?)"
    rf"{TIME_OF_DAY}?"
)
DATELINE = re.compile(_DATELINE_HEAD + r"\s*(?:-{1,3}|:|/)\s?")
# The dateline as a paragraph of its own, with no separator after it
# ("HUDSON, FL / PR Karma / June 28, 2024 10:45"); it must hold a date.
DATELINE_ALONE = re.compile(_DATELINE_HEAD + r"\s*")
# A labelled date line under the headline: "Release Date: August 25, 2025",
# "for immediate release - April 8, 2026". Not a bare "Date:", which heads
# a conference call's details as often as a release.
LABELLED_DATE = re.compile(
    r"(?i:(?:for\s+immediate\s+release|immediate\s+release|release\s+date|date\s+of\s+release|published(?:\s+on)?|for\s+release)"
    rf")\s*[:\-\u2013\u2014,]?\s*(?:{DATE_TEXT}){TIME_OF_DAY}?\s*"
)
TODAY_DATE = re.compile(rf"today(?<![A-Za-z]today),?\s+\(?(?:{DATE_TEXT})")


def date_from_match(m: re.Match) -> date | None:
    """The date in a match of DATE (or a pattern embedding it), if valid."""
    groups = {k[-2:]: v for k, v in m.groupdict().items() if v}
    for suffix in ("1", "2", "3"):
        y, mo, d = groups.get("y" + suffix), groups.get("m" + suffix), groups.get("d" + suffix)
        if y and mo and d:
            month = int(mo) if mo.isdigit() else MONTHS[mo[:3].lower()]
            try:
                return date(int(y), month, int(d))
            except ValueError:
                return None
    return None

