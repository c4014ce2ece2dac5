"""How a figure could have been printed, so its evidence can be checked for it.

A fact stores its value in base units with XBRL ``decimals``; the release
printed it at some scale. The rule (used by the ``provenance`` suite):

* For each scale S in {1, thousand, million, billion}, the printed figure has
  ``d = decimals + log10(S)`` digits after the point, when 0 ≤ d ≤ 6
  (a dividend per share is printed to five places: "0.13250"). At S = 1
  a negative ``d`` means a rounded whole number ("19,000" for decimals −3).
  So −14,233,000 at decimals −3 gives "14,233" (in thousands) and "14233000";
  −14,200,000 at decimals −5 gives "14.2" (in millions) and "14,200,000";
  −0.21 at decimals 2 gives "0.21" and ".21".
* Each form is tried with and without thousands separators.
* Signs are not compared: "(14,233)", "-14,233" and "$(14,233)" all contain
  "14,233"; the sign is the business of ``signs_and_scale``.
* The evidence is searched after removing "$" and markdown's "\\" escape, and
  the form must stand alone as a number: not preceded by a digit, point or
  comma, not followed by a digit or by a point/comma and a digit (so "14.2"
  is not found in "114.25").
* A zero is found as a standalone "0", "0.00" / ".00" (a per-share zero
  printed to the cent) or a dash ("-", "–", "—"), the way statements print nil.
* Without ``decimals`` we try whole numbers and 1–2 decimals at each scale.
"""

from __future__ import annotations

import math
import re

from .frames import isnull

SCALE_EXPONENTS = (0, 3, 6, 9)
MAX_PRINTED_DECIMALS = 6
_ZERO = re.compile(r"(?<![\w.,])(0(?:\.0+)?|\.0+|[-–—])(?![\w]|[.,]\d)")


def printed_forms(value: object, decimals: object) -> list[str]:
    """Candidate printed forms of ``abs(value)``, most likely first."""
    if isnull(value):
        return []
    a = abs(float(value))
    if a == 0:
        return ["0"]
    forms: list[str] = []
    for exp in SCALE_EXPONENTS:
        if isnull(decimals):
            digit_options = [0, 1, 2]
        else:
            d = int(decimals) + exp
            if d < 0:
                if exp != 0:
                    continue
                d = 0
            if d > MAX_PRINTED_DECIMALS:
                continue
            digit_options = [d]
        x = a / 10**exp
        for d in digit_options:
            s = f"{x:,.{d}f}"
            if float(s.replace(",", "")) == 0:
                continue  # "0.0" would be found everywhere and proves nothing
            for form in (s, s.replace(",", "")):
                if form not in forms:
                    forms.append(form)
            if s.startswith("0."):
                forms.append(s[1:])  # "$.21"
    return forms


def _normalise(evidence: str) -> str:
    return evidence.replace("$", "").replace("\\", "")


def find_printed(evidence: object, value: object, decimals: object) -> str | None:
    """The printed form of ``value`` found in ``evidence``, or None."""
    if isnull(evidence) or isnull(value):
        return None
    text = _normalise(str(evidence))
    if float(value) == 0:
        m = _ZERO.search(text)
        return m.group(0) if m else None
    for form in printed_forms(value, decimals):
        pattern = r"(?<![\d.,])" + re.escape(form) + r"(?![\d]|[.,]\d)"
        if re.search(pattern, text):
            return form
    return None


def describe_forms(value: object, decimals: object, limit: int = 4) -> str:
    forms = printed_forms(value, decimals)
    if not forms and not isnull(value) and math.isclose(float(value), 0.0):
        return "0 or a dash"
    return " | ".join(forms[:limit])
