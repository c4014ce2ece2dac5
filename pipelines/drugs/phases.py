"""Development-phase mentions and their normalized values.

``value`` is one of PHASES (ordered, so views can rank them); the printed form
goes to ``detail``. Phase 4 / post-marketing is reported as Approved.
"""

from __future__ import annotations

import re

PHASES = ("Preclinical", "Phase 1", "Phase 1/2", "Phase 2", "Phase 2/3", "Phase 3", "Filed", "Approved")
RANK = {p: i for i, p in enumerate(PHASES)}

_NUM = r"(?:IV|I{1,3}|[1-4]|\[l|l{1,3}|one|two|three|four)"
PHASE_RE = re.compile(
    r"(?<![\w-])[Pp][Hh][Aa][Ss][Ee][ \t\n-]*(?P<a>" + _NUM + r")(?P<asub>[abcABC])?"
    r"(?:[ \t]*(?:/|-|–|to|and)[ \t]*(?:[Pp]hase[ \t]*)?(?P<b>" + _NUM + r")(?P<bsub>[abcABC])?)?(?![\w])"
)
# "preclinical data on X", "X ... in preclinical models", "X, a preclinical engineered probiotic":
# the drug has been studied preclinically, which is its stage only if no clinical phase is printed.
_WEAK_PRE = r"pre-?clinical (?:data|results) (?:on|for|of|from|showing|demonstrating)|in (?:in vivo |in vitro )?pre-?clinical (?:disease )?(?:models?|studies)|(?<=, )an? pre-?clinical(?:[- ]stage)?(?= [a-z])(?! (?:[\w-]+ )?(?:pharma|biotech|biopharma\w*|pharmaceutical|company|firm)\b)"
WEAK_PRE = re.compile(_WEAK_PRE, re.I)
# Stage words that are not numbered phases.
STAGE_RE = re.compile(
    r"(?P<pre>pre-?clinical (?:development|stage|candidates?|compounds?|programs?|testing|asset|evaluation|(?-i:stud(?:y|ies) of))|IND-enabling"
    # "two pre-IND candidates": not yet filed for the clinic
    r"|pre-IND(?:[- ]stage)? (?:candidates?|programs?|assets?|compounds?|development)"
    # "GEMCEDA, a pre-IND gemcitabine prodrug": a drug described as not yet filed for the clinic
    r"|(?<=a )pre-IND(?:[- ]stage)? (?:[\w-]+ ){1,3}?(?:prodrugs?|modulators?|inhibitors?|antibod(?:y|ies)|therap(?:y|ies)|molecules?|agonists?|antagonists?|vaccines?|conjugates?|peptides?)\b"
    # weaker wording, which yields to any clinical phase printed for the drug (``is_past``)
    r"|" + _WEAK_PRE + r")"
    # "a first-in-human trial of X": X is in Phase 1
    r"|(?P<fih>first[- ]in[- ]human (?:\w+ )?(?:trials?|stud(?:y|ies)|dosing))"
    r"|(?P<filed>marketing applications? (?:for [^.;]{0,140}?)?(?:is|are) under review|(?:BLA|NDA|MAA)s? (?:is |are )?under (?:\w+ )?review)",
    re.I,
)
# Words after a phase number that say it is not a clinical phase.
NOT_CLINICAL_AFTER = re.compile(r"-ready\b|[ \t]+doses?\b(?![ \t-](?:escalation|expansion|finding|ranging|optimization))|[ \t]*(?:\w+[ \t]+)?(?:ready\b|grant|funding|SBIR|STTR|contract|award|of (?:the|our|its) (?:\w+ )?(?:plan|program|project|expansion|construction|growth|strategy))", re.I)
CLINICAL_CONTEXT = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|clinical|clinic|patients?|testing|development|evaluation|assessment|data|results|enrol\w*|dos(?:ed|ing)|cohorts?|portion|endpoints?|participants|subjects|registrational|pivotal|investigation|candidate|program|completed|adverse events?)\b",
    re.I,
)
# A verb that puts the phase in the future: "to begin Phase II evaluation",
# "anticipated to advance into Phase II testing". Such a phrase is a milestone,
# not the drug's current phase.
FUTURE_START = re.compile(
    r"(?:\b(?:to|will|would|plans?|expects?|anticipates?|intends?)\s+(?:\w+\s+){0,2}?(?:begin|start|initiate|commence|advance|enter|move|launch|proceed|progress|transition|conduct|run|pursue)\w*\s+(?:(?!Phase\b)\S+\s+){0,6}$)"
    # "focused on advancing NV-387 into Phase II": a move still to come
    r"|\b(?:advancing|moving|progressing|transitioning)\s+(?:\S+\s+){0,4}?into\s+(?:a |the |its |an )?(?:\w+\s+)?$"
    r"|\b(?:progress|proceed|advance|move)(?:es)?\s+into\s+(?:a |the |its |an )?(?:\w+\s+)?$"
    r"|\bdesign of (?:the |a |its |an )?(?:\w+\s+)?$"
    # "a Type B meeting to ... discuss a Phase 3 study"
    r"|\bdiscuss\w*\s+(?:a |the |an |its )?(?:potential |planned |future )?$"
    # "funding for the Phase 3 program": money for a phase still to come
    r"|\bfunding (?:for|of|to support) (?:the |a |its |an )?(?:\w+\s+)?$"
    r"|\bfund\w*\s+(?:\S+\s+){0,6}?through\s+(?:a |an |the |its )?(?:\w+\s+)?$"
    # "ultimately funding a first-in-human Phase 1 clinical study"
    r"|\bfunding (?:a |an |the |its )?(?:[\w-]+\s+){0,2}$"
    r"|\b(?:advancing|moving|progressing|transitioning) to\s+(?:a |the |its |an )?$"
    r"|\b(?:planned|upcoming|forthcoming|potential|future|proposed|next)\s+(?:[\w-]+\s+){0,2}$"
    # "moving toward Phase 2 trials", "advancing towards a Phase II trial"
    r"|\b(?:toward|towards)\s+(?:a |the |its |an )?(?:\w+\s+)?$"
    # "approved the start of a Phase II trial", "looks forward to ... the initiation of the Phase 1b study"
    r"|\b(?:approv\w*|clear\w*|authori[sz]\w*|permi\w*|look\w* forward|expect\w*|plan\w*|anticipat\w*|will|to)\b[^.;]{0,60}?\b(?:start|initiation|commencement|launch)\s+of\s+(?:a |the |its |an )?(?:[\w-]+\s+){0,2}$"
    # "an open IND for a Phase 1 trial", "IND clearance for its Phase 2 study": the trial is still to start
    r"|\bIND\b(?:[ \t]+(?:application|clearance|submission))?[ \t]+(?:for|to support)[ \t]+(?:a |an |the |its )?(?:[\w-]+[ \t]+){0,2}$"
    r"|\b(?:entering|nearing|approaching|(?:ready|poised|preparing|preparation|prepares|plans?|planning) for)\s+(?:a |the |its |an )?(?:\w+\s+)?$",
    re.I,
)


# A phase said to be skipped or not needed: "with no Phase 2 or Phase 3 trials required",
# "without the need for a Phase 3 study", "a Phase 3 trial is not required".
NEGATED_BEFORE = re.compile(
    r"(?:\b(?:no|without|skip\w*|bypass\w*|waiv\w*|avoid\w*|eliminat\w*|(?:no|without) (?:the )?need (?:for|of)|(?:not|never) (?:require|need)\w*)\s+(?:the\s+|a\s+|an\s+|any\s+|separate\s+|additional\s+|further\s+|new\s+|dedicated\s+)?$)",
    re.I,
)
NEGATED_AFTER = re.compile(
    r"[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:(?:is|are|will be|would be|was|were)[ \t]+)?(?:not|no longer)[ \t]+(?:be[ \t]+)?(?:required|needed|necessary)\b",
    re.I,
)
# "no Phase 2 or Phase 3": the negation carries over a coordinated phase
NEGATED_CHAIN = re.compile(r"[ \t]*(?:,|or|and|nor|/)[ \t]*(?:(?:or|nor)[ \t]+)?$", re.I)


def is_negated(text: str, a: int, b: int, lo: int, hi: int) -> bool:
    """The phase printed at ``text[a:b]`` is one the drug will not go through."""
    return NEGATED_BEFORE.search(text, max(lo, a - 45), a) is not None or NEGATED_AFTER.match(text, b, hi) is not None


# "a Phase Ib/Randomized Phase II study" after a future verb: the second phase is as future as the first
CHAINED = re.compile(r"[ \t]*(?:/|-|–|to|or|and)[ \t]*(?:[A-Za-z-]+[ \t]+){0,2}")


def _num(tok: str) -> int:
    tok = tok.strip()
    if tok in ("[l",):
        return 3  # OCR of "III" in hard-wrapped scans
    words = {"one": 1, "two": 2, "three": 3, "four": 4}
    if tok.lower() in words:
        return words[tok.lower()]
    tok = tok.replace("l", "I")
    return {"I": 1, "II": 2, "III": 3, "IV": 4}.get(tok.upper()) or int(tok)


def normalize(m: re.Match[str]) -> str:
    a = _num(m.group("a"))
    b = _num(m.group("b")) if m.group("b") else None
    if a >= 4:
        return "Approved"
    if b is None or b == a:
        return f"Phase {a}"
    lo, hi = min(a, b), max(a, b)
    if hi >= 4:
        return f"Phase {lo}"
    if re.search(r"\band\b", m.group()):
        return f"Phase {hi}"  # "Phase 1 and 2 studies": two studies, the furthest counts
    if hi - lo == 1:
        return f"Phase {lo}/{hi}"
    return f"Phase {hi}"  # "Phase 1 to 3" programs: report the furthest

# A phase followed by a future verb: "a Phase 1 clinical trial anticipated in 2026",
# "an 80-patient phase 2 clinical trial, due to start shortly".
FUTURE_AFTER = re.compile(
    r"[ \t]*(?:[\w-]+[ \t]+){0,3}?(?:trials?|stud(?:y|ies)|program)[ \t,]+(?:is |are )?(?:anticipated|expected|planned|slated|scheduled|set|due)[ \t]+(?:to|in|for)\b"
    # "Phase 1 study to start in 2H 2026" (a pipeline bullet)
    r"|[ \t]*(?:[\w-]+[ \t]+){0,3}?(?:trials?|stud(?:y|ies))[ \t]+to[ \t]+(?:start|begin|commence|initiate|launch)\b"
    r"|[ \t]+(?:trial[ \t]+|study[ \t]+)?design\b",
    re.I,
)

# A phase the drug has been through or is compared with, not where it is now:
# "after a successful phase 1 trial", "previous Phase 2 results", "showed ... in
# a phase 2 trial". Such a phase yields to a later one printed for the same drug
# (see ``extract._finish``). A completed phase ("has completed two Phase 3 trials
# and submitted an NDA") still counts.
PAST_BEFORE = re.compile(
    r"\b(?:after|following|follows|followed|previous(?:ly)?|prior|earlier|showed|demonstrated|successful|success(?:es)? (?:in|of)|strongest|signal (?:in|from)|than (?:in )?)\s+(?:[\w,-]+\s+){0,5}?$",
    re.I,
)
PAST_AFTER = re.compile(
    r"[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:results|data)[ \t]+(?:showed|showing|demonstrated|demonstrating)\b"
    # "In a pivotal Phase 3 study, Talicia demonstrated 84% eradication": a finished study's result
    r"|[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:stud(?:y|ies)|trials?),[ \t]+(?:[\w®™-]+[ \t]+){0,2}?(?:demonstrated|showed|achieved|met)\b",
    re.I,
)


def is_past(text: str, a: int, b: int, lo: int, hi: int) -> bool:
    """The phase printed at ``text[a:b]`` (within ``lo``..``hi``) is a past or compared stage."""
    if WEAK_PRE.match(text, a):
        return True
    return PAST_BEFORE.search(text[max(lo, a - 70):a]) is not None or PAST_AFTER.match(text, b, hi) is not None
