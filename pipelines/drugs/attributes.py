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
    """canonical -> the one short name of a disease, the same in every release.

    The short name is the vocabulary's abbreviation when it has one ("MDD" for
    "major depressive disorder", "SCLC"), else its canonical name, so that
    views group one disease across releases whatever the release prints.
    A disease missing from the vocabulary but defined in the release with an
    abbreviation ("post-herpetic neuralgia (PHN)") is named by that
    abbreviation, and its later bare mentions count too (``defined``).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._rows = {canon: abbr for canon, abbr, _l, _rx in vocab.indications()}
        self._long = {canon: lrx for canon, _a, lrx, _rx in vocab.indications()}
        self._long_cache: dict[str, bool] = {}
        self.defined = defined_indications(text)
        # "Severe oral mucositis (SOM)": a vocabulary disease under the release's own abbreviation
        self.aliased = {a: self.get(canon) for a, canon in defined_aliases(text).items()}
        self._rx = None
        if self.defined or self.aliased:
            alts = sorted({a for a in self.defined} | {lf for lf in self.defined.values()} | set(self.aliased), key=len, reverse=True)
            self._rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")
        self._abbr_of = {lf.lower(): a for a, lf in self.defined.items()}

    def get(self, canon: str, default: str | None = None) -> str:
        return self._rows.get(canon) or canon

    def long_form_printed(self, canon: str) -> bool:
        got = self._long_cache.get(canon)
        if got is None:
            rx = self._long.get(canon)
            got = self._long_cache[canon] = bool(rx is not None and rx.search(self.text))
        return got

    def extra(self, text: str, start: int, end: int):
        """(start, end, short name) for the release's own defined diseases within the span."""
        if self._rx is None:
            return []
        out = []
        for m in self._rx.finditer(text, start, end):
            g = m.group()
            short = self.aliased.get(g) or (g if g in self.defined else self._abbr_of[g.lower()])
            out.append((m.start(), m.end(), short))
        return out


_DEF_ABBR = re.compile(r"\(\s*[\"“']?(?P<a>[A-Za-z][A-Za-z0-9-]{1,9})[\"”']?\s*\)")
_DISEASE_HEAD = re.compile(
    r"(?:disease|disorders?|syndrome|cancers?|carcinomas?|tumou?rs?|infections?|pain|failure|deficiency|dystrophy|atrophy|fibrosis"
    r"|sclerosis|[a-z]*itis|lymphomas?|leuka?emias?|myelomas?|sarcomas?|[a-z]*emia|[a-z]*opathy|apnea|retention|depression|anxiety"
    r"|trypanosomiasis|hypertension|obesity|hyperplasia|[a-z]+osis|neuralgia|palsy|dermatitis|psoriasis|injury|insufficiency)$",
    re.I,
)


_NOT_DISEASE = re.compile(r"\b(?:Journal|Society|Association|Institute|Center|Centre|Foundation|Conference|Congress|Meeting|Network|Consortium|Alliance|Coalition|Fund)\b")


def defined_indications(text: str) -> dict[str, str]:
    """Abbreviation -> long form for diseases the release defines ("long form (ABBR)").

    The long form is found by the Schwartz-Hearst rule: the shortest run of
    preceding words whose letters spell the abbreviation in order, the first
    letter starting a word. Long forms in the vocabulary are left to it.
    """
    if "(" not in text:
        return {}
    long_re, abbr_re, _g = vocab.indication_scanners()
    out: dict[str, str] = {}
    for m in _DEF_ABBR.finditer(text):
        a = m.group("a")
        if sum(c.isupper() for c in a) < 2 or a in out:
            continue
        words = text[max(0, m.start() - 120):m.start()].split()[-(len(a) + 4):]
        lf = _schwartz_hearst(" ".join(words).strip(" ,\"“”'"), a.rstrip("s") if a.endswith("s") and a[:-1].isupper() else a)
        if not lf or not _DISEASE_HEAD.search(lf) or len(lf.split()) > len(a) + 3 or _NOT_DISEASE.search(lf):
            continue
        if long_re.search(lf) or abbr_re.fullmatch(a):
            continue  # the vocabulary knows it
        out[a] = lf
    return out


def defined_aliases(text: str) -> dict[str, str]:
    """Abbreviation -> vocabulary disease, for a vocabulary disease the release
    abbreviates its own way ("Severe oral mucositis (SOM)" when the vocabulary has
    no "SOM"), so that the later bare "SOM" counts."""
    if "(" not in text:
        return {}
    long_re, abbr_re, _g = vocab.indication_scanners()
    rows = vocab.indications()
    out: dict[str, str] = {}
    for m in _DEF_ABBR.finditer(text):
        a = m.group("a")
        if sum(c.isupper() for c in a) < 2 or a in out or abbr_re.fullmatch(a):
            continue
        words = text[max(0, m.start() - 120):m.start()].split()[-(len(a) + 4):]
        lf = _schwartz_hearst(" ".join(words).strip(" ,\"“”'"), a)
        if not lf or len(lf.split()) > len(a) + 3:
            continue
        lm = long_re.search(lf)
        if lm is None or lm.end() != len(lf) or lm.lastgroup is None or len(lf[:lm.start()].split()) > 1:
            # the long form is the vocabulary disease with at most one word before it: "Severe oral
            # mucositis (SOM)", not "oral mucositis trial (OMT)" or the gene "Kirsten rat sarcoma (KRAS)"
            continue
        out[a] = rows[int(lm.lastgroup[1:])][0]
    return out


def _schwartz_hearst(lf: str, abbr: str) -> str | None:
    s, l = len(lf) - 1, len(abbr) - 1
    while l >= 0:
        c = abbr[l].lower()
        if not c.isalnum():
            l -= 1
            continue
        while s >= 0 and (lf[s].lower() != c or (l == 0 and s > 0 and lf[s - 1].isalnum())):
            s -= 1
        if s < 0:
            return None
        s -= 1
        l -= 1
    start = lf.rfind(" ", 0, s + 1) + 1
    out = lf[start:].strip()
    return out if out and out[0].isalnum() else None


def indication_forms(text: str) -> IndicationForms:
    return IndicationForms(text)


def all_abbreviations() -> set[str]:
    out = {abbr for _c, abbr, _l, _r in vocab.indications() if abbr}
    _ABBR.update(out)
    return out


_WORD4 = re.compile(r"[a-z]{4,}")


def _long_matches(long_re: re.Pattern[str], text: str, start: int, end: int):
    """``long_re.finditer(text, start, end)``, trying the ~110-way alternation only
    where a match can start (see vocab.indication_long_starts)."""
    starts, by_first = vocab.indication_long_starts(), vocab.indication_long_by_first()
    dispatch = None if starts is None or by_first is None else (starts, by_first)
    return _dispatched(long_re, dispatch, text, start, end)


def _dispatched(full: re.Pattern[str], dispatch, text: str, start: int, end: int):
    """``full.finditer(text, start, end)`` for a scanner with a ``vocab._dispatch``."""
    if dispatch is None:
        yield from full.finditer(text, start, end)
        return
    starts, by_first = dispatch
    pos = start
    for c in starts.finditer(text, start, end):
        p = c.start()
        if p < pos:
            continue
        rx = by_first.get(text[p])
        m = (rx if rx is not None else full).match(text, p, end)
        if m is not None:
            yield m
            pos = m.end()


def indications(text: str, start: int, end: int, forms: dict[str, str]) -> list[Hit]:
    rows = vocab.indications()
    long_re, abbr_re, _groups = vocab.indication_scanners()
    hits: list[Hit] = []
    stems = vocab.indication_stems()
    scan = (abbr_re,)
    if stems is None or not stems.isdisjoint(w[:4] for w in _WORD4.findall(text[start:end].lower())):
        scan = (long_re, abbr_re)
    needs_long = vocab.indications_needing_long_form()
    for rx in scan:
        for m in (_long_matches(long_re, text, start, end) if rx is long_re else rx.finditer(text, start, end)):
            canon = rows[int(m.lastgroup[1:])][0]
            if rx is abbr_re and canon in needs_long and not forms.long_form_printed(canon):
                continue  # a bare ambiguous abbreviation ("GAD" in an autoimmune release)
            hits.append((m.start(), m.end(), forms.get(canon, canon), None))
    for a, b, short in forms.extra(text, start, end):
        hits.append((a, b, short, None))
    hits.extend(_elided(text, start, end, long_re, rows, forms))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[Hit] = []
    last = -1
    for h in hits:
        if h[0] < last:
            continue
        if out and _APPOSITIVE.fullmatch(text, out[-1][1], h[0]) and _DISEASE_NOUN.match(text, h[1]):
            continue  # "fibromyalgia, a chronic pain condition": describes the disease just named
        if _PROCEDURE_FOR.search(text, max(start, h[0] - 140), h[0]):
            continue  # "patients who will undergo bone marrow transplant to treat hematologic cancers": the procedure's disease
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


_PROCEDURE_FOR = re.compile(
    r"\b(?:undergo\w*|receiving)[ \t]+[^.;]{0,100}?\b(?:transplant\w*|chemotherapy|radiation|radiotherapy|surgery|surgical resection)\)?[ \t]+to treat[ \t]+(?:their[ \t]+|an?[ \t]+)?$",
    re.I,
)
# An appositive after a disease ("X, a chronic pain condition", "X (a rare liver disease)")
# describes X; it is not a second indication.
_APPOSITIVE = re.compile(r"[ \t]*(?:,|\(|[-–—])[ \t]*(?:a|an)[ \t]+(?:(?:rare|common|serious|severe|chronic|progressive|debilitating|life-threatening|fatal|devastating|painful|type|form|kind)[ \t]+(?:of[ \t]+)?){0,3}", re.I)
_DISEASE_NOUN = re.compile(r"(?<=[a-z])(?:[ \t]+(?:conditions?|disorders?|syndromes?|diseases?|illness(?:es)?|states?)\b)?(?![ \t]*(?:and|or)\b)")


# "ovarian and colorectal cancers", "breast, lung, or prostate tumors": one head noun shared by a list
_ELIDED_HEAD = re.compile(r"(?<=[a-z][ \t])(?:cancers|tumou?rs|carcinomas|lymphomas|leukemias)\b")
_ELIDED_LIST = re.compile(r"(?:[A-Za-z-]+,?[ \t]+){1,5}?(?:and|or)[ \t]+[A-Za-z-]+[ \t]+$")
_LIST_WORD = re.compile(r"[A-Za-z-]{3,}")


def _elided(text: str, start: int, end: int, long_re: re.Pattern[str], rows, forms) -> list[Hit]:
    """Each item of a list sharing one disease noun, when the item with the noun in the singular
    is a vocabulary disease ("ovarian" + "cancer")."""
    out = []
    for h in _ELIDED_HEAD.finditer(text, start, end):
        m = _ELIDED_LIST.search(text, max(start, h.start() - 80), h.start())
        if m is None:
            continue
        head = h.group()[:-1]
        for w in _LIST_WORD.finditer(text, m.start(), m.end()):
            if w.group() in ("and", "or"):
                continue
            d = long_re.fullmatch(w.group() + " " + head)
            if d is not None:
                canon = rows[int(d.lastgroup[1:])][0]
                out.append((w.start(), w.end(), forms.get(canon, canon), None))
    return out


_TARGET_CUE = re.compile(r"target|bind|express|antigen|directed|positive|anti-|\+|inhibit|antagonist|agonist|blocker|blocking|degrad|modulat|receptor|analog", re.I)


# A gene-symbol-like name: two or more capitals, digits allowed ("CD105", "CD40L", "PD-L1", "KRAS", "IL-6").
_SYM = r"[A-Z][A-Z0-9]{0,3}(?:-[A-Z0-9]{1,4})?[A-Z0-9]*[a-z]?"
# Targets the text names by a pattern, beyond the vocabulary: "anti-CD40L antibody", "CD47-targeting",
# "targets CD105", "a KRAS inhibitor".
_TARGET_PAT = re.compile(
    r"(?<![\w-])anti-(?P<a>" + _SYM + r")(?![\w-])"
    r"|(?<![\w-])(?P<b>" + _SYM + r")[- ](?:targeting|targeted|directed|specific)\b"
    r"|\btarget(?:s|ing)\s+(?:the\s+)?(?P<c>" + _SYM + r")(?![\w-])"
    r"|(?<![\w-])(?P<d>" + _SYM + r")\s+(?:(?:ligand|receptor|monoclonal|kinase|pathway|signaling)\s+)?(?:inhibitors?|inhibition|antagonists?|agonists?|blockers?|blockade|degraders?|antibod(?:y|ies)|modulators?)\b"
    # "an inhibitor of KRAS", "a dual agonist for both the GLP-1 hormone and ..."
    r"|\b(?:inhibitors?|antagonists?|agonists?|blockers?|degraders?|antibod(?:y|ies)|modulators?) (?:of|for(?: both)?) (?:the\s+)?(?P<e>" + _SYM + r"|microRNA-\d+[a-z]?|miR-\d+[a-z]?)(?![\w-])"
)
_NOT_TARGET = frozenset(
    "FDA EMA US USA UK EU IND NDA BLA MAA GMP API AI ML CNS ADC CAR NK DNA RNA MRNA SIRNA COVID COVID-19 SARS HIV HBV HCV RSV "
    "CEO CFO PR IR IP ETF OTC TM II III IV NIH NCI DOD ETA PET MRI CT CMV EBV HPV HSV ACE".split()
)


def targets(text: str, start: int, end: int) -> list[Hit]:
    names, rx = vocab.targets()
    out = []
    for m in _dispatched(rx, vocab.target_dispatch(), text, start, end):
        a, b = m.start(), m.end()
        around = text[max(start, a - 25):min(end, b + 25)]
        if _TARGET_CUE.search(around) and not _NEGATIVE_AFTER.match(text, b) and not _partner_class(text, start, a):
            out.append((a, b, names[int(m.lastgroup[1:])], None))
    seg = text[start:end]
    if "receptors" in seg:
        out += _receptor_list(text, start, end, out)
    if "anti-" not in seg and "target" not in seg and not _TARGET_WORD.search(seg):
        return out
    for m in _TARGET_PAT.finditer(text, start, end):
        g = m.lastgroup
        sym = m.group(g)
        if g == "e" and sym.lower().startswith(("microrna", "mir-")):
            pass
        elif sym.endswith("s") or sum(c.isupper() for c in sym) < 2 or sym.upper() in _NOT_TARGET or sym in _ABBR or len(sym) > 10:
            continue
        if any(h[0] <= m.start(g) < h[1] or m.start(g) <= h[0] < m.end(g) for h in out):
            continue  # the vocabulary already named it
        if _partner_class(text, start, m.start(g)):
            continue
        out.append((m.start(g), m.end(g), sym, None))
    return out


# "pairing it with ... such as SGLT2 inhibitors", "in combination with PD-1 inhibitors":
# the class of another drug given with this one, not what this one binds
_PARTNER_CLASS = re.compile(
    r"\b(?:combination|combined|combining|pair(?:ed|ing)?|together with|alongside|plus|add-on to|added to|on top of|versus|compared (?:with|to))\b[^.;:]{0,70}$",
    re.I,
)


def _partner_class(text: str, start: int, a: int) -> bool:
    return _PARTNER_CLASS.search(text, max(start, a - 90), a) is not None


# "activates three receptors: FGF21, glucagon and GLP-1 receptors": each item of a list
# that shares the head noun "receptors" is a target
_RECEPTOR_LIST = re.compile(
    r"(?<![\w-])(?P<items>(?:(?:" + _SYM + r"|[a-z]{5,12}),[ \t]+){1,4}(?:" + _SYM + r"|[a-z]{5,12}),?[ \t]+and[ \t]+(?:" + _SYM + r"|[a-z]{5,12}))[ \t]+receptors\b"
)
_ITEM = re.compile(r"(?<![\w-])(?:" + _SYM + r"|[a-z]{5,12})(?![\w-])")


def _receptor_list(text: str, start: int, end: int, found: list[Hit]) -> list[Hit]:
    out = []
    for m in _RECEPTOR_LIST.finditer(text, start, end):
        items = list(_ITEM.finditer(text, m.start("items"), m.end("items")))
        items = [i for i in items if i.group() != "and"]
        if not any(sum(c.isupper() for c in i.group()) >= 2 for i in items) or _partner_class(text, start, m.start()):
            continue  # a list of common words, not of named receptors
        for i in items:
            sym = i.group()
            if sym.upper() in _NOT_TARGET or sym in _ABBR or any(h[0] <= i.start() < h[1] for h in found):
                continue
            out.append((i.start(), i.end(), sym, None))
    return out


# "HR+/HER2- breast cancer", "HER2-negative": a patient group without the marker, not a target
_NEGATIVE_AFTER = re.compile(r"(?:[-−–](?![\w])|[-−–\s]?(?:negative|low|null)\b)", re.I)
_TARGET_WORD = re.compile(r"inhibit|blockade|antagonist|agonist|blocker|degrader|antibod|modulator")
_ABBR: set[str] = set()


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


_ORG = r"(?P<org>(?:[A-Z][\w&'.-]*|[a-z]+-[a-z]+)(?:[ \t]+(?:[A-Z][\w&'-]*|AG|plc|&))*(?:[ \t]+of[ \t]+[A-Z][\w&'-]*(?:[ \t]+[A-Z][\w&'-]*)?)?)"
PARTNER_RE = re.compile(
    r"(?:\bin (?:global |clinical |late-stage |worldwide )?development by|\bbeing developed by|(?<!, )\bdeveloped by|\blicensed to|\bpartnered with"
    r"|\bin (?:collaboration|partnership) with(?: the)?|\b[Tt]he (?:collaboration|partnership) with(?: the)?|\b(?:commercialization|commercial|co-development|development|licensing|license|strategic|research|clinical|manufacturing) (?:partnership|collaboration) with(?: the)?"
    r"|\b(?:collaborates|collaborated|collaborating|partners|partnering|teamed up|teams up) with(?: the)?|\b(?:its|our|the [Cc]ompany(?:'s|’s)|[A-Z][\w-]+(?:'s|’s)) (?:development |commercial |licensing )?partner,?(?: the)?|\bthrough (?:the Company's|the Company’s|its|our|a|an) (?:\w+ )?(?:collaboration|partnership|agreement|alliance) with"
    r"|\bunder (?:an? |the )?(?:collaboration |license |licensing )?agreement (?:with|between)"
    # "an exclusive commercial supply agreement with Y", "a license and supply agreement with Y"
    r"|\b(?:supply|manufacturing|commercialization|co-development|development|license|licensing|co-promotion|distribution)(?: and (?:supply|manufacturing|commercialization|distribution|license|licensing))? agreements? with(?: the)?"
    # a funder: "X, for which Acme has a contract with the Defense Agency"
    r"|\b(?:has|have|holds?|under|through) (?:a |an |its |the )?(?:[\w$-]+ ){0,2}?contract with(?: the)?"
    # "X, licensed from Y", "co-developed with Y", "an exclusive license to Y for X"
    r"|\b(?:in-)?licensed from(?: the)?|\bunder an? (?:exclusive )?licen[sc]e (?:agreement )?from(?: the)?|\bco-developed with(?: the)?|\bexclusive(?: worldwide| global)? licen[sc]e (?:agreement )?(?:to|with)(?: the)?"
    # a trial's funder, not a paper's: "the Phase 1b trial is fully funded by the National Cancer Institute"
    r"|\b(?:trials?|stud(?:y|ies)|It)(?:\s+[\w-]+){0,6}?\s+(?:is |was |are |were |will be |has been |is being )?(?:fully |partially |jointly |partly )?funded (?:in part )?by(?: a grant from)?(?: the)?)\s+" + _ORG
)
# "announced a partnership with MGH to conduct a Phase II trial": a partner of the drug
# only when the clause speaks of development (a distributor "partnership" is not)
PARTNER_DEV_RE = re.compile(r"\b(?:In|a|an|its|our|new) (?:exclusive |strategic |research |clinical |global )?(?:partnership|collaboration) with(?: the)?\s+" + _ORG)
_DEV_CUE = re.compile(r"\b(?:commerciali[sz]\w+|co-develop\w*|develop(?:s|ed|ing|ment)?|clinical|trials?|stud(?:y|ies)|licens\w+|rights|[Pp]hase)\b")
# a funder: "the Defense Threat Reduction Agency ("DTRA") awarded it a contract ... to develop X"
PARTNER_AWARD_RE = re.compile(
    _ORG + r"(?:\s*\([^()]{1,20}\))?\s+(?:has\s+)?awarded\s+(?:it|the [Cc]ompany|us|[A-Z][\w-]+)\s+an?\s+(?:[\w$.,-]+\s+){0,6}?(?:contract|grant|award)\b"
)
# "the Department of Defense-funded study of X": the funder of the drug's study
PARTNER_FUNDED_RE = re.compile(_ORG + r"[–-](?:funded|sponsored)[ \t]+(?:[\w-]+[ \t]+){0,5}?(?:[Ss]tud(?:y|ies)|[Tt]rials?|[Pp]rogram)\b")
# "supported by its Eversana partnership", "execution of the Indegene partnership": the partner named before the noun
PARTNER_NAMED_RE = re.compile(
    r"\b(?:its|our|the|[Tt]he [Cc]ompany(?:'s|’s)) (?:existing |ongoing |exclusive |strategic |expanded )?(?P<org>[A-Z][A-Za-z&.'-]+(?:[ \t][A-Z][A-Za-z&.'-]+){0,2}) (?:partnership|collaboration|alliance)\b"
)
_NAMED_STOP = frozenset(
    "strategic global clinical research commercial exclusive company phase development licensing license joint existing new "
    "u.s. us eu european asian china chinese japan japanese india indian korea korean canada canadian europe asia international "
    "academic industry pharma public private".split()
)
PARTNER_SUBJECT_RE = re.compile(_ORG + r"(?:\s+is developing (?:this|the) (?:compound|drug|candidate|product)|(?:'s|’s) (?:partner|licensee|collaborator)\b)")
_UNIT = re.compile(r"(?:School|Department|Faculty|Division|College|Institute|Center|Centre|Laboratory|Lab) of\b")
_AT_ORG = re.compile(r"\s+at\s+(?:the\s+)?" + _ORG)
_OWNER_AFTER = re.compile(r",?\s+(?:the\s+)?(?:developer|maker|manufacturer|owner|inventor|originator)s?\s+of\b")
_REGULATORS = frozenset({"FDA", "U.S. FDA", "EMA", "MHRA", "PMDA", "NMPA", "Health Canada", "TGA", "CHMP"})
_ORG_STOP = frozenset("The This Its Our Company Inc Inc.".split())


def _clean_org(org: str) -> str | None:
    words = org.split()
    while words and words[-1].lower() in ("and", "&", "under", "for", "from", "to"):
        words.pop()
    for k in range(len(words) - 1, 0, -1):
        if re.search(r"\w['’]s$", words[k - 1]) and words[k][:1].isupper():
            words = words[k:]  # "the U.S. DoD's Defense Threat Reduction Agency": the agency
            break
    org = " ".join(words[:4]).rstrip(".,")
    org = re.sub(r"['’]s?$", "", org)
    if not org or org in _ORG_STOP or org.lower() in ("the company", "company"):
        return None
    return org


def partners(text: str, start: int, end: int, issuer: str | None) -> list[Hit]:
    seg = text[start:end]
    out = []
    dev = _DEV_CUE.search(seg) is not None
    rxs = [PARTNER_RE, PARTNER_SUBJECT_RE, PARTNER_NAMED_RE] + ([PARTNER_DEV_RE] if dev else []) + ([PARTNER_FUNDED_RE] if "funded" in seg or "sponsored" in seg else []) + ([PARTNER_AWARD_RE] if dev and "awarded" in seg else [])
    for rx in rxs:
        for m in rx.finditer(seg):
            org = _clean_org(m.group("org"))
            if rx is PARTNER_NAMED_RE and org and any(w.lower() in _NAMED_STOP for w in m.group("org").split()):
                continue  # "its strategic Global partnership", "the U.S. collaboration": no party named
            # "agreement between Genentech and ImmunoGen": take each named party
            tail = seg[m.end("org"):m.end("org") + 60]
            at = _AT_ORG.match(tail) if org and _UNIT.match(org) else None
            orgs = [_clean_org(at.group("org")) if at else org]  # "the School of Medicine at the University of Leeds"
            mm = re.match(r"\s+and\s+" + _ORG, tail)
            if mm:
                orgs.append(_clean_org(mm.group("org")))
            if _OWNER_AFTER.match(tail):
                continue  # "funded by AstraZeneca, developer of baxdrostat": the drug's owner, not a partner
            for o in orgs:
                if not o or o in _REGULATORS:
                    continue  # "the FDA-funded study": a regulator's grant, not a development partner
                key = o.split()[0].lower().rstrip("'’s")
                if issuer and (key == issuer or key.startswith(issuer[:6])):
                    continue
                out.append((start + m.start(), start + m.end(), o, None))
    return out


_TRIAL_STOP = frozenset(
    "PHASE TRIAL STUDY CLINICAL FDA EMA NIH ASH ASCO ESMO AACR US USA THE OUR THIS PIVOTAL "
    "REGISTRATIONAL OPEN LABEL OPEN-LABEL GLOBAL NCT RCT IND BLA NDA MAA CAR-T DSMB IND-ENABLING GLP-COMPLIANT FIRST-IN-HUMAN "
    # credentials after a person's name ("Steven Nissen, M.D., FAHA, a co-author of the study")
    "FAHA FACC FACP FACS FRCP FRCPC FRCS FASCO FAAN FAPA MPH MBA PHD PHARMD".split()
)
_TRIAL_NAME = r"(?:[A-Z][A-Z0-9-]{3,}(?:[ \t](?:I{1,3}|IV)(?![\w-]))?|[A-Z]{3,}[a-z]{2,}(?:[ \t][A-Z][a-z]+)?(?=[ \t]+(?:[Tt]rial|[Ss]tudy)\b)|[A-Z][a-z]+[A-Z]{2,}[A-Za-z]*\d*(?:-[A-Z][a-z]+)?|[A-Z]{2,}[a-z]+[A-Z][A-Za-z]*\d*(?:-[A-Z][a-z]+)?|[A-Z]{3,}-[A-Z][a-z]+\d*)"
TRIAL_RE = re.compile(
    r"(?:\bthe |\bits |\bour )?(?<![\w-])(?P<n>" + _TRIAL_NAME + r")(?:™|®|\((?:TM|R)\)|TM(?![A-Za-z]))?"
    r"(?:[ \t]+[A-Z]{2,5})?(?:[ \t]+(?:Platform|pivotal|registrational|clinical|Phase[ \t]+\w+(?:/\w+)?"
    # "the EXTEND long-term safety study"
    r"|long-term|safety|extension|open-label|follow-up|efficacy|confirmatory|randomi[sz]ed|placebo-controlled|double-blind|observational))*[ \t]+(?:[Tt]rial|[Ss]tudy)\b"
    r"|\bknown as (?:the )?(?P<k>[A-Z][A-Z0-9-]{3,}|[A-Z][a-z]+[A-Z]{2,}[A-Za-z]*)\b"
    # "ALISCA-Lung1, a Phase II trial"
    r"|(?<![\w-])(?P<k2>" + _TRIAL_NAME + r")(?:,|[ \t]+is)[ \t]+(?:an?|the|[A-Z][\w-]+(?:'s|’s))[ \t]+(?:[\w,-]+[ \t]+){0,8}?(?:trial|study)\b"
)
# A name right after a trial word: "the Phase 3 trial, PHOENIX,", "a study (SUNRISE)", "the trial called HORIZON-2";
# a mixed-case name in parentheses or quotes: "(Seabreeze STAT Asthma Study; NCT0...)", "the “Bright Path Study”".
TRIAL_AFTER_RE = re.compile(
    r"\b(?:[Tt]rials?|[Ss]tud(?:y|ies))\s*(?:,\s*|\(\s*|called\s+|named\s+|dubbed\s+|known as\s+|\(?referred to as\s+|entitled:?\s+)(?:the\s+)?[“\"]?(?P<t>[A-Z][A-Z0-9-]{3,}(?:[ \t](?:I{1,3}|IV)(?![\w-]))?)(?:™|®|\(TM\))?[”\"]?(?=\s*[,;:)]|\s+(?:and|&)\s|\s+(?:trial|study)\b)"
    r"|(?:\(|[“\"])(?:the\s+)?(?P<m>[A-Z][a-z]+(?:[ \t][A-Z][A-Za-z0-9-]*){0,3})[ \t](?:Study|Trial)(?=\s*[;),”\"])"
    # "an ongoing Phase 1 (AMPLIFY-201) trial", "trials (BRIO-I and BRIO-II)", "clinical trial, The Emerald Study"
    r"|\(\s*(?P<p>[A-Z][A-Z0-9-]{3,})\s*\)\s+(?:trial|study)\b"
    r"|\b(?:[Tt]rial|[Ss]tudy),\s+[Tt]he\s+(?P<m2>[A-Z][a-z]+(?:[ \t][A-Z][A-Za-z0-9-]*){0,2})[ \t](?:Study|Trial)\b"
)
# "following full Phase 2 RePOSA data": a name between a phase and its data is the trial's
TRIAL_PHASE_RE = re.compile(
    r"\b[Pp]hase[ \t]+(?:[1-4]|I{1,3}|IV)[abAB]?(?:/(?:[1-4]|I{1,3})[abAB]?)?[ \t]+(?P<n>" + _TRIAL_NAME + r")(?:™|®)?(?=[ \t]+(?:top-?line[ \t]+)?(?:data|results|readouts?)\b)"
)
_AND_NAME = re.compile(r"[”\"]?\s+(?:and|&)\s+(?P<t>[A-Z][A-Z0-9-]{3,})(?=\s*[,;)])")
# "the APPROACH and EXTEND trials", "KOASTAL-2 and KOASTAL-3 Phase 3 trials"
TRIAL_LIST_RE = re.compile(
    r"(?<![\w-])(?P<a>" + _TRIAL_NAME + r")[ \t]+(?:and|&)[ \t]+(?P<b>" + _TRIAL_NAME + r")(?:[ \t]+(?:[Pp]hase[ \t]+\w+|[Pp]ivotal|[Rr]egistrational|[Cc]linical))*[ \t]+(?:[Tt]rials|[Ss]tudies)\b"
)


# (all zeros is a template's placeholder, not a registered trial)
_NCT = re.compile(r"(?<![\w-])NCT(?!0{8})\d{8}(?!\w)")


def is_registry_number(value: str) -> bool:
    return _NCT.fullmatch(value) is not None


def trials(text: str, start: int, end: int, exclude: set[str]) -> list[Hit]:
    # the clause may end at the ";" inside "(Harbor STAT Study; NCT...)": let the patterns see that character
    seg = text[start:min(len(text), end + 1)]
    out = []
    found = []
    for m in TRIAL_RE.finditer(seg):
        g = "n" if m.group("n") else ("k" if m.group("k") else "k2")
        found.append((m.start(g), m.group(g)))
    if "hase" in seg:
        found += [(m.start("n"), m.group("n")) for m in TRIAL_PHASE_RE.finditer(seg)]
    if "(" in seg or "“" in seg or '"' in seg or "called" in seg or "named" in seg or ", " in seg:
        for m in TRIAL_AFTER_RE.finditer(seg):
            g = next(k for k in ("t", "m", "p", "m2") if m.group(k))
            if re.match(r"NCT\d", m.group(g)):
                continue
            found.append((m.start(g), m.group(g)))
            nm = _AND_NAME.match(seg, m.end(g)) if g == "t" else None
            if nm:  # "trials (LUMA-I and LUMA-II)"
                found.append((nm.start("t"), nm.group("t")))
    if "NCT" in seg:
        # a registry number identifies the trial as well as its name does
        found += [(m.start(), m.group()) for m in _NCT.finditer(seg)]
    if " and " in seg or " & " in seg:
        for m in TRIAL_LIST_RE.finditer(seg):
            found += [(m.start("a"), m.group("a")), (m.start("b"), m.group("b"))]
    # "(Seabreeze STAT COPD Study;": the whole mixed-case name, not its capitals ("STAT")
    found = [(s, n) for s, n in found if not any(o[0] <= s and s + len(n) <= o[0] + len(o[1]) and len(o[1]) > len(n) for o in found)]
    seen = set()
    for s, n in sorted(found):
        if n.upper() in _TRIAL_STOP or n in exclude or n.split()[0] in exclude or (re.fullmatch(r"[A-Z]{1,3}\d*", n) and not _NCT.fullmatch(n)) or (s, n) in seen:
            # (a drug name with its route, "SP16 IV Phase 1b trial", is not a trial's name)
            continue
        seen.add((s, n))
        if start + s >= end:
            continue
        out.append((start + s, start + s + len(n), n, None))
    return out
