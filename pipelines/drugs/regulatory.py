"""Regulatory events (vocabulary in regulatory.csv) and the region they concern."""

from __future__ import annotations

import re

from pipelines.drugs import vocab

_REGIONS = (
    ("US", re.compile(r"\b(?:FDA|U\.S\.|US|United States|American)\b")),
    ("EU", re.compile(r"\b(?:EMA|EU|Europe|European|CHMP|EMEA)\b")),
    ("JP", re.compile(r"\b(?:PMDA|Japan|Japanese|MHLW)\b")),
    ("CN", re.compile(r"\b(?:NMPA|China|Chinese)\b")),
    ("UK", re.compile(r"\b(?:MHRA|United Kingdom|UK)\b")),
    ("CA", re.compile(r"\bHealth Canada\b")),
    ("AU", re.compile(r"\b(?:TGA|Australia)\b")),
)
# Past events only; "expects to submit" is a milestone, handled in milestones.py.
_HEDGE = re.compile(
    r"\b(?:anticipated|expected|pending|awaiting|awaits?|priority is|goal is|aims? to|to submit|to file|potential(?:ly)?|seek\w*|pursu\w*|path(?:way)? to|eligib\w*|appl(?:y|ying|ies) (?:to|for)|plans? to|intends? to|expects? to|will|would|could|may|if approved|once approved|prepar\w+|becom\w*|goal of|aim of|hopes? to|on track to|positioned to|seeks? to|in order to|guidance on|redeem\w*|vouchers?|discuss\w*|roadmap|toward|support\w* (?:an? |the )?(?:future )?(?:application|filing|submission))\b",
    re.I,
)
_TRIAL_PERMIT = re.compile(
    r"[^.;]{0,60}?\b(?:to (?:begin|start|commence|initiate|enrol\w*|conduct|proceed|dose)|for (?:a |the |its |these |those )?(?:clinical|human|first-in-human|Phase|stud(?:y|ies)|trials?)\b|as an? (?:investigational|IND)\b)",
    re.I,
)
# "compared to the only FDA-approved therapy", "unlike existing approved drugs": another product
_OTHER_THERAPY = re.compile(
    r"\b(?:compared (?:to|with)|than|unlike|versus|vs\.?|alternative to|other|existing|current|standard|lack of|absence of|no|without|few)\s+(?:the\s+|an?\s+)?(?:only\s+|first\s+|\w+\s+){0,2}$",
    re.I,
)
_DESIGNATIONS = frozenset({"orphan_drug_designation", "fast_track", "breakthrough_therapy", "rmat", "rare_pediatric_disease", "priority_review"})
_GRANTED_AFTER = re.compile(r"[^.;]{0,40}?\b(?:already|previously) (?:been )?(?:granted|received|awarded|obtained)\b", re.I)
# "if a BLA for X for the treatment of Y is approved by the FDA": a condition, however long
_IF_CLAUSE = re.compile(r"\b(?:[Ii]f|[Ww]hether|[Uu]nless|[Ss]hould)\b[^.;]{0,150}$")
_PLURAL_CLASS = re.compile(r"\s+(?:[\w-]+\s+)?(?:drugs|medications|medicines|therapies|treatments|agents|compounds|ingredients|products|antivirals|antibiotics)\b")
SUBMISSIONS = frozenset({"ind_submitted", "bla_submitted", "nda_submitted", "maa_submitted"})
PHASE_OF = {"bla_submitted": "Filed", "nda_submitted": "Filed", "maa_submitted": "Filed", "approval": "Approved"}


def regions(text: str) -> list[str]:
    return [r for r, rx in _REGIONS if rx.search(text)]


# "acceptance could set up a potential PDUFA date": the date is not assigned yet
_UNSET_PDUFA = re.compile(r"\b(?:potential|possible|could set up|would set up)\b[^.;]{0,20}$", re.I)


# "the pathway from IND submission through NDA approval": the steps of a described path, not events
_PATH_BEFORE = re.compile(r"\b(?:pathway|path|process|journey|roadmap|route|timeline|steps?)[ \t]+(?:(?:all|leading)[ \t]+)?(?:from|between)[ \t]+(?:the[ \t]+|an?[ \t]+)?$", re.I)
_PATH_AFTER = re.compile(r"[ \t]+(?:through|to|until|and on to)[ \t]+(?:the[ \t]+|an?[ \t]+|eventual[ \t]+|final[ \t]+)?(?:[\w-]+[ \t]+){0,2}?(?:approval|commerciali[sz]ation|launch|market)\b", re.I)


def _described_path(seg: str, a: int, b: int) -> bool:
    return _PATH_BEFORE.search(seg, max(0, a - 40), a) is not None or (
        re.search(r"\bfrom[ \t]+(?:the[ \t]+|an?[ \t]+)?$", seg[max(0, a - 12):a], re.I) is not None and _PATH_AFTER.match(seg, b) is not None
    )


def events(text: str, start: int, end: int) -> list[tuple[int, int, str, bool]]:
    """(start, end, value, hedged) for each regulatory event printed in the span."""
    seg = text[start:end]
    out = []
    if vocab.regulatory_any().search(seg) is None:
        return out
    taken: list[tuple[int, int]] = []
    for value, rx in vocab.regulatory():
        for m in rx.finditer(seg):
            if value == "approval" and re.search(r"accelerated approval|approval pathway", seg[m.start():m.end() + 20], re.I):
                continue
            if value == "approval" and _OTHER_THERAPY.search(seg, max(0, m.start() - 45), m.start()):
                continue  # "compared to the only FDA-approved therapy": another product's approval
            if value == "approval" and m.group().endswith("approved") and _PLURAL_CLASS.match(seg, m.end()):
                continue  # "combines two FDA-approved drugs": the components' approvals, not this product's
            if value == "approval" and _TRIAL_PERMIT.match(seg, m.end()):
                value = "ind_cleared"  # an ethics/regulator permit to start a trial, not a marketing approval
            if _described_path(seg, m.start(), m.end()):
                continue
            a, b = start + m.start(), start + m.end()
            if any(a < e and s < b for s, e in taken) and value not in ("fast_track", "orphan_drug_designation", "rare_pediatric_disease"):
                continue
            taken.append((a, b))
            # a PDUFA date is a future date by nature: "expected" does not hedge it
            hedged = value != "pdufa_date" and (
                _HEDGE.search(seg[max(0, m.start() - 80):m.start()]) is not None or _IF_CLAUSE.search(seg, max(0, m.start() - 160), m.start()) is not None
            )
            if value == "pdufa_date" and _UNSET_PDUFA.search(seg, max(0, m.start() - 40), m.start()):
                hedged = True  # "acceptance could set up a potential PDUFA date": no date assigned yet
            if hedged and value == "ind_cleared" and " already " in m.group():
                hedged = False  # "plans to initiate a Phase 2 trial ..., with ethics approval already secured"
            if hedged and value in _DESIGNATIONS and _GRANTED_AFTER.match(seg, m.end()):
                hedged = False  # "expects to file its NDA, leveraging Fast Track designation already granted by the FDA"
            out.append((a, b, value, hedged))
    return out
