"""Indication, target, payload, partner and trial recognizers over one span of text.

Each returns (start, end, value, extra) tuples with absolute offsets, so the
caller can decide which drug a hit belongs to by position.
"""

from __future__ import annotations

import re

from pipelines.drugs import vocab

Hit = tuple[int, int, str, str | None]

_LINE = re.compile(r"(?P<l>first|front|second|third|1st|2nd|3rd)[- ]line\b|\b(?P<adj>neo)?adjuvant\b", re.I)


class IndicationForms:
    """canonical -> the form this release uses: the abbreviation when the release prints it.

    Keeps one name per disease within a release ("small-cell lung cancer (SCLC)"
    and later "SCLC" both become SCLC), so views can group by indication.
    Computed lazily per disease: most releases mention few.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._cache: dict[str, str] = {}
        self._rows = {canon: (abbr, rx) for canon, abbr, _l, rx in vocab.indications()}

    def get(self, canon: str, default: str | None = None) -> str:
        got = self._cache.get(canon)
        if got is None:
            abbr, rx = self._rows.get(canon, (None, None))
            got = abbr if (abbr and rx is not None and rx.search(self.text)) else canon
            self._cache[canon] = got
        return got


def indication_forms(text: str) -> IndicationForms:
    return IndicationForms(text)


def all_abbreviations() -> set[str]:
    return {abbr for _c, abbr, _l, _r in vocab.indications() if abbr}


def indications(text: str, start: int, end: int, forms: dict[str, str]) -> list[Hit]:
    rows = vocab.indications()
    long_re, abbr_re, _groups = vocab.indication_scanners()
    hits: list[Hit] = []
    for rx in (long_re, abbr_re):
        for m in rx.finditer(text, start, end):
            canon = rows[int(m.lastgroup[1:])][0]
            hits.append((m.start(), m.end(), forms.get(canon, canon), None))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[Hit] = []
    last = -1
    for h in hits:
        if h[0] < last:
            continue
        before = text[max(start, h[0] - 40):h[0]]
        lm = None
        for lm in _LINE.finditer(before):
            pass
        line = None
        if lm is not None:
            line = "first-line" if (lm.group("l") or "").lower() in ("first", "front", "1st") else (lm.group().lower().replace("1st", "first"))
        out.append((h[0], h[1], h[2], f"line={line}" if line else None))
        last = h[1]
    return out


_TARGET_CUE = re.compile(r"target|bind|express|antigen|directed|positive|anti-|\+", re.I)


def targets(text: str, start: int, end: int) -> list[Hit]:
    names, rx = vocab.targets()
    out = []
    for m in rx.finditer(text, start, end):
        a, b = m.start(), m.end()
        around = text[max(start, a - 25):min(end, b + 25)]
        if _TARGET_CUE.search(around):
            out.append((a, b, names[int(m.lastgroup[1:])], None))
    return out


_PAYLOAD_CUE = re.compile(r"killing agent|payload|conjugat|attached|linked|toxin|warhead|technology|cytotoxic|ADC|platform", re.I)


def payloads(text: str, start: int, end: int) -> list[Hit]:
    seg = text[start:end]
    if not _PAYLOAD_CUE.search(seg):
        return []
    out = []
    for name, rx in vocab.payloads():
        for m in rx.finditer(seg):
            out.append((start + m.start(), start + m.end(), name, None))
    return out


_ORG = r"(?P<org>(?:[A-Z][\w&'.-]*|[a-z]+-[a-z]+)(?:[ \t]+(?:[A-Z][\w&'-]*|AG|plc|&))*)"
PARTNER_RE = re.compile(
    r"(?:\bin (?:global |clinical |late-stage |worldwide )?development by|\bbeing developed by|\bdeveloped by|\blicensed to|\bpartnered with"
    r"|\bin (?:collaboration|partnership) with|\bthrough (?:the Company's|the Company’s|its|our|a|an) (?:\w+ )?(?:collaboration|partnership|agreement|alliance) with"
    r"|\bunder (?:an? |the )?(?:collaboration |license |licensing )?agreement (?:with|between))\s+" + _ORG
)
PARTNER_SUBJECT_RE = re.compile(_ORG + r"\s+is developing (?:this|the) (?:compound|drug|candidate|product)")
_ORG_STOP = frozenset("The This Its Our Company Inc Inc. ImmunoGen's".split())


def _clean_org(org: str) -> str | None:
    words = org.split()
    while words and words[-1].lower() in ("and", "&", "under", "for", "from", "to"):
        words.pop()
    org = " ".join(words[:4]).rstrip(".,")
    org = re.sub(r"['’]s?$", "", org)
    if not org or org in _ORG_STOP or org.lower() in ("the company", "company"):
        return None
    return org


def partners(text: str, start: int, end: int, issuer: str | None) -> list[Hit]:
    seg = text[start:end]
    out = []
    for rx in (PARTNER_RE, PARTNER_SUBJECT_RE):
        for m in rx.finditer(seg):
            org = _clean_org(m.group("org"))
            # "agreement between Genentech and ImmunoGen": take each named party
            tail = seg[m.end("org"):m.end("org") + 60]
            orgs = [org]
            mm = re.match(r"\s+and\s+" + _ORG, tail)
            if mm:
                orgs.append(_clean_org(mm.group("org")))
            for o in orgs:
                if not o:
                    continue
                key = o.split()[0].lower().rstrip("'’s")
                if issuer and (key == issuer or key.startswith(issuer[:6])):
                    continue
                out.append((start + m.start(), start + m.end(), o, None))
    return out


_TRIAL_STOP = frozenset(
    "PHASE TRIAL STUDY CLINICAL FDA EMA NIH ASH ASCO ESMO AACR US USA THE OUR THIS PIVOTAL "
    "REGISTRATIONAL OPEN LABEL OPEN-LABEL GLOBAL NCT RCT IND BLA NDA MAA CAR-T DSMB".split()
)
TRIAL_RE = re.compile(
    r"(?:\bthe |\bits |\bour )?(?<![\w-])(?P<n>[A-Z][A-Z0-9-]{3,}|[A-Z][a-z]+[A-Z]{2,}[A-Za-z]*|[A-Z]{2,}[a-z]+[A-Z][A-Za-z]*)(?:™|®|TM(?![A-Za-z]))?"
    r"(?:[ \t]+[A-Z]{2,5})?(?:[ \t]+(?:Platform|pivotal|registrational|clinical|Phase[ \t]+\w+))*[ \t]+(?:[Tt]rial|[Ss]tudy)\b"
    r"|\bknown as (?:the )?(?P<k>[A-Z][A-Z0-9-]{3,}|[A-Z][a-z]+[A-Z]{2,}[A-Za-z]*)\b"
)


def trials(text: str, start: int, end: int, exclude: set[str]) -> list[Hit]:
    seg = text[start:end]
    out = []
    for m in TRIAL_RE.finditer(seg):
        n = m.group("n") or m.group("k")
        if n.upper() in _TRIAL_STOP or n in exclude or re.fullmatch(r"[A-Z]{1,3}\d*", n):
            continue
        s = m.start("n") if m.group("n") else m.start("k")
        out.append((start + s, start + s + len(n), n, None))
    return out
