"""Guidance: forward-looking figures ("expects its net loss ... to be between $60-64 million").

``narrative.py`` finds the figure, its concept and its period exactly as for a
reported figure; this module decides whether the sentence is a forecast and
turns the printed amount or range into ``value``/``value_low``/``value_high``.

Convention: a range keeps ``value = None`` (the midpoint was never printed and
must not be mistaken for a reported number); a single forecast figure keeps
``value = value_low = value_high``. Signs follow XBRL, so a net loss of
$60-64 million is low -64,000,000 and high -60,000,000.
"""

from __future__ import annotations

import re

from pipelines.financial.money import Money, fast_start
from pipelines.financial.periods import Period, PeriodContext

# Words that mark a statement about the future. "projects" and "targets" count
# only as "projects to" / "target of" ("multi-family projects", "targets
# difficult cancers" are not forecasts); "expectations" ("in line with
# expectations") is deliberately not one: that sentence reports a result.
_FORWARD_RE = re.compile(
    r"\b(?:expect(?:s|ed|ing)?|anticipate(?:s|d)?|guidance|outlook|forecast(?:s|ed)?|projects\s+(?:to|that)|projected"
    r"|estimates?|estimated|targets?\s+(?:of|to)|reiterate[sd]?|reaffirm(?:s|ed)?|to\s+be\s+between|will\s+be"
    r"|plans?\s+to"
    # "is targeting a revenue range of $25 million to $34.5 million" (but not "targeting difficult cancers")
    r"|targeting(?=\s+(?:an?\s+|its\s+)?(?:revenues?|sales|net|total|ebitda|adjusted|gross|operating|full[- ]year|annual)\b)"
    # "sees adjusted EBITDA of ...", "projects first-quarter 2025 revenue in the range of ...": a measure right after
    r"|(?:sees|projects)(?=\s+(?:(?:full[- ]year|fiscal|annual|(?:first|second|third|fourth)[- ]quarter|Q[1-4]|(?:19|20)\d\d)\s+)*"
    r"(?:revenues?|sales|adjusted|net\s+(?:income|loss)|ebitda|eps|earnings)\b))\b",
    re.IGNORECASE,
)


# "Despite the anticipated decline in revenues, a positive EBIT of EUR 0.1 million was achieved": a
# past change that was foreseen, not a forecast.
_FORESEEN_RE = re.compile(
    r"\b(?:the|an)\s+(?:expected|anticipated)\s+(?:decline|decrease|drop|reduction|increase|rise|improvement)s?\b",
    re.IGNORECASE)


def is_forward_looking(sentence: str) -> bool:
    m = _FORWARD_RE.search(sentence)
    if m is None:
        return False
    if m.group(0)[0] not in "eaEA" or _FORESEEN_RE.search(sentence) is None:
        return True
    return _FORWARD_RE.search(_FORESEEN_RE.sub(" ", sentence)) is not None


def is_future(period: Period, ctx: PeriodContext) -> bool:
    """A forecast must describe a period that ends after the release speaks.

    Without a known "now" (no release date, no reporting period found) we
    cannot tell a forecast from a result, so nothing counts as guidance.
    """
    now = ctx.now
    return now is not None and period.end > now


def guidance_values(money: Money, sign: int) -> tuple[float | None, float, float]:
    """(value, low, high) in XBRL sign for a forecast amount or range."""
    low, high = sorted((abs(money.value), abs(money.value if money.value_high is None else money.value_high)))
    if sign < 0 or money.negative:
        # "net loss of $60-64 million", "adjusted EBITDA of $(4.9) million to $(4.4) million": below zero
        low, high = -high, -low
    # -0.0 would print as "-0"; a zero bound is just zero.
    low, high = low + 0.0, high + 0.0
    value = None if money.is_range else low
    return value, low, high


# Same matches, found faster: a match can only start at one of these characters.
_FORWARD_RE = fast_start(_FORWARD_RE, "eagofptrws")
