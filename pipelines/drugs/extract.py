"""Per-release entry point: ``extract_pipeline_facts(doc) -> (facts, aliases)``.

How a fact finds its drug (the "subject" rule):
1. the text is cut into paragraphs, sentences and clauses (``text.py``);
2. for a keyword at position p in a clause, the subject is the nearest drug
   mention before p in the clause, else the first one after it; drugs listed
   together with it ("SAR650984 and SAR566658") share the fact;
3. comparators (marketed drugs of other companies, brands declared a
   trademark of another company) and combination partners ("in combination
   with lenalidomide") are never subjects;
4. a clause without a drug takes the drug of the paragraph heading
   ("IMGN529 - in preclinical development ...", "About IMGN901") when it is a
   bullet under that heading or refers back to it ("this compound", "it");
5. a sentence without a drug that goes on about the one drug of the previous
   sentence ("X is in Phase 2. The company plans to file an IND in 2026"), the
   release's named lead ("Acme's lead product candidate ..."), or the drug a
   paragraph names only after describing it ("Acme has a Phase 2/3 study in NASH.
   Its antagonist called X ...") takes that drug; a continuation takes only
   events (phases, regulatory events, milestones) and partners;
6. a phase printed right before a drug ("the Phase 2 X study") is that drug's;
   a past or compared phase ("after a successful Phase 1 trial", "earlier
   Phase 2 data") yields to a later phase printed for the same drug;
7. a ";" list of designations after a clause about one drug keeps that drug
   ("X received ODD for A; Fast Track for B; and IND clearance for C"); a phase
   printed with a trial name of one drug ("Phase 2 STAR trial data") is that drug's;
   a headline phase the body only calls planned ("Advances X Into Phase 2" over
   "cleared to begin a Phase 2 trial of X") is dropped;
8. a disease that describes the one before it ("PWS, a rare disorder and leading
   cause of childhood obesity", "oral mucositis in head and neck cancer") is no
   indication; classes of drugs given with the drug ("pairing it with SGLT2
   inhibitors") are no targets.

Milestones: an event in a catalyst list takes the drug it names right after it
("topline data from the X Phase 2 program (Q1 2026)"); filings and trial starts
are kept without a date when the plan is firm (not "if", "potential", an adjective
"advanced", or a cause "due to") and the clause prints no date at all.

Pipeline tables (``pipeline_tables.py``): a row under a header naming a drug column and
a phase or indication column gives its drug's stage, indications and partner.
A release whose only regulatory word is "FDA-approved", with no developer wording at
all, is a clinic's or seller's badge for a product it uses: no facts.

A phase needs both a drug subject and a clinical word in the sentence, and no
non-drug context (mining, tokens, grants: ``non_phase_contexts.csv``), so
"Phase 2 of the growth plan" or a mine's "Phase I drilling" yield nothing.

``detail`` format: ``;``-separated, first the printed form, then ``key=value``
qualifiers: ``Phase I/II; line=first-line``. The disease a phase or regulatory
event applies to is its own field, ``indication``, so views group by it.
"""

from __future__ import annotations

import re
import bisect
from dataclasses import dataclass, field

from pipelines.drugs import attributes, milestones, phases, pipeline_tables, regulatory
from pipelines.drugs.canonical import UnionFind, pick_name
from pipelines.drugs.names import _PAREN_CLOSE, SALT, Mention, find_aliases, find_mentions, issuer_key
from pipelines.drugs.text import Span, paragraphs, sentences
from pipelines.drugs.vocab import non_phase_contexts
from pipelines.model import CleanDocument, DrugAlias, PipelineFact

# Cheap gate (substring tests on the lower-cased text, far faster than a
# case-insensitive regex): a release with none of these words has no facts.
_GATE_WORDS = (
    "phase", "clinic", "trial", "fda", "orphan", "pdufa", "investigational", "designation",
    "approv", "european medicines agency", "(ema)", " ema ", "marketing authori", "ind-enabling", "pre-ind",
)
# ... and one of these: "phase", "trial" and "approved" are everyday words in
# crypto, mining and finance releases, which this second test drops cheaply.
_BIO_WORDS = (
    "patient", "drug", "therap", "disease", "treatment", "pharma", "biotech", "medicine", "cancer",
    "oncolog", "clinical", "tumor", "myeloma", "lymphoma", "leukemia", "carcinoma", "syndrome", "disorder",
    "biopharm", "biologic",
)
_ABBREVIATIONS = attributes.all_abbreviations()
_SKIP_SECTIONS = frozenset({"forward_looking", "contacts", "footnotes", "table"})
_BOILERPLATE = re.compile(r"forward-looking statements?|safe harbor|is a (?:registered )?trademark of|are (?:registered )?trademarks of", re.I)
# ", and" starts a new clause only before a new subject ("..., and several TAP
# compounds are ..."), not inside a list ("safety, dosing, and efficacy of X").
_CLAUSE_CUT = re.compile(
    # "X and Y Update: In 4Q25, ... results for X": the label ends a clause of its own
    r"(?<=Update):\s+|(?<=Updates):\s+|(?<=Overview):\s+|(?<=Highlights):\s+|(?<=Progress):\s+"
    r"|;\s+|\s+while\s+|,\s+(?:and|but|while|whereas)\s+"
    r"(?=(?:the|a|an|it|its|we|our|they|he|she|this|these|those|that|several|many|some|other|additional|all|each"
    r"|both|no|two|three|four|five|six)\b|\d|[A-Z])"
)
_ANAPHORA = re.compile(
    r"\b(?:[Ii]t|[Ii]ts|[Tt]his (?:[\w-]+ ){0,2}(?:trial|study)|[Tt]his (?:\w+ )?(?:compound|product candidate|candidate|drug|therapy|agent|molecule|asset|program)|[Tt]he (?:compound|product candidate|drug candidate|candidate|therapy|drug|study|trial)"
    # "The asset received Fast Track designation", "The investigational therapy is being evaluated in a Phase 3 trial"
    r"|[Tt]he (?:investigational |experimental )?(?:molecule|asset|therapy|drug|compound)|" + r"[Tt]hese (?:[\w-]+ ){0,2}(?:studies|trials|results|findings))\b"
)
# A paragraph about the previous paragraph's drug: "These studies both built on ... the FLASH study"
_PARAGRAPH_ANAPHORA = re.compile(r"(?:[Tt]hese|[Bb]oth) (?:[\w-]+ ){0,2}(?:studies|trials|results|findings)\b")
_STRONG_ANAPHORA = re.compile(
    # "It is in development for multiple indications, including COVID-19 and ARDS": the drug itself, not "its relationship to"
    r"\b(?:[Ii]t is (?:being |currently |now )?(?:in (?:clinical )?development|developed|evaluated|studied|indicated) (?:for|in|to)"
    r"|[Tt]he (?:investigational |experimental )?(?:molecule|asset|therapy|drug|compound)|[Tt]his (?:\w+ )?(?:compound|product candidate|candidate|drug|therapy|agent|molecule|asset|program)|[Tt]he (?:compound|product candidate|drug candidate|candidate|therapy|drug|study|trial)|[Tt]his (?:[\w-]+ ){0,2}(?:trial|study)"
    r"|[Tt]hese (?:[\w-]+ ){0,2}(?:studies|trials|results|findings))\b"
)
# "The drug is in Phase 3" opening a paragraph of a one-drug release ("the study" may be anyone's)
_DRUG_ANAPHORA = re.compile(r"\b(?:[Tt]his|[Tt]he) (?:\w+ )?(?:compound|product candidate|drug candidate|drug|molecule|asset)\b|\b[Tt]he (?:investigational|experimental) therapy\b")
# "the company's phase 2 obesity trial of an MCR4 agonist": a clause about another, unnamed agent
_OTHER_AGENT = re.compile(r"\b(?:of|with) an? (?:[\w+/-]+ ){0,3}(?:agonist|inhibitor|antagonist|antibody|drug|candidate|compound|therapy|vaccine|molecule)s?\b")
_COMPANY_APPOSITION = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,6}?(?:company|firm|biotech|innovator|developer)\b[^.;,]*$")
# a person's career ("At Ardea, Dr. Quart invented ... inhibitors licensed to Bayer AG")
_CAREER = re.compile(r"\b(?:[Aa]t [A-Z][\w-]+,|previously|prior to|former(?:ly)?|served|founded|career|invented|oversaw|a series of)\b")
# a partnership about a test, device or technology, not the drug ("partnered with Bio-Rad to commercialize the assay")
_NOT_DRUG_PARTNER = re.compile(r"\b(?:assays?|tests?|diagnostics?|devices?|kits?|instruments?|platforms?|technolog(?:y|ies)|Technologies|software|AI)\b")
_PARTNER_CUE = re.compile(r"\b(?:partnership|collaboration|partnered|licensed to|(?:its|our) (?:development |commercial |manufacturing |licensing )?partner)\b")
_PARTNER_DEV = re.compile(r"\b(?:commerciali[sz]\w+|commercial manufactur\w+|co-develop\w*|develop\w*|clinical|trials?|licens\w+|rights)\b", re.I)
_SECONDARY = re.compile(r"(?:combination with|combined with|plus|compared (?:with|to)|versus|vs\.?|in addition to|than|together with)\s*(?:\w+\s+)?$", re.I)
_COORD = re.compile(r"\s*(?:,|,?\s*and|&|/|or|,\s*and)\s*")
# "IMGN529 - in preclinical ...", "IHL-42X Update: IHL-42X is ..."
_HEADING_DASH = re.compile(r"\s*(?:\([^()]{1,60}\)\s*)?(?:(?:Update|Updates|Overview|Program|Highlights|Progress)\s*)?(?:[-–—:]\s)")
# A drug-less sentence of a one-drug release speaks of that drug when it names
# its development ("the Phase 2b data readout", "file its NDA") ...
_SOLE_CUE = re.compile(
    r"\b(?:[Pp]hase|[Pp]re-?clinical[- ]stage|IND|NDA|BLA|MAA|PDUFA|top-?line|data readout|trial|study|[Dd]esignations?|approval|first-in-human|New Drug Application|Biologics License Application"
    r"|Marketing Authori[sz]ation Application|Investigational New Drug|interim (?:[\w-]+ ){0,2}analys[ie]s)\b"
)
# ... and refers to the company or its own study ("we", "its NDA", "the Phase 1 trial"),
# not to programs in general ("RMAT offers the benefits of breakthrough therapy designation") ...
_SOLE_REF = re.compile(
    r"\b(?:[Ww]e|[Oo]ur|[Ii]ts|[Tt]he [Cc]ompany|[Cc]ompany(?:'s|’s)|[Tt]he (?:[\w-]+ ){0,3}(?:trial|study)|[Tt]he (?:drug|compound|candidate|therapy|program)"
    # "a phase 2 clinical trial for progressive MS is underway", "with topline results expected in Q4"
    r"|(?:trial|study) (?:for|in) [^.;]{0,60}\b(?:is|are) (?:underway|ongoing|enrolling)|(?:topline|top-line) (?:results|data) (?:are |is )?(?:expected|anticipated)"
    # "the submission of a new IND application": the release's own application
    r"|(?:submission|filing|clearance) of (?:a |an |the |its )?(?:new )?(?:IND|NDA|BLA|Investigational New Drug)"
    # the release's own plan: "a planned IND application", "a Phase 1 clinical trial anticipated in 2026"
    r"|\b(?:planned|upcoming|forthcoming) (?:[\w-]+ ){0,2}(?:IND|NDA|BLA|MAA|application|submission|filing|trial|study)"
    r"|(?:trial|study|submission|filing|analysis) (?:is |are )?(?:anticipated|expected|planned|scheduled) (?:in|by|for|to)"
    # "these steps are intended to support a potential NDA submission"
    r"|\bsupport (?:a |an |the |its )?(?:potential )?(?:NDA|BLA|MAA|New Drug Application|Biologics License Application)"
    # "approval is anticipated in 2H26", "launch expected in 2027"
    r"|\b(?:approval|launch|submission|filing|read-?out) (?:is |are )?(?:anticipated|expected|planned|targeted)"
    # "a Phase 2 IND clinical protocol was submitted to the FDA"
    r"|\b(?:IND|NDA|BLA|MAA)\b[^.;]{0,40}\b(?:was|were|has been|have been) (?:submitted|filed|cleared|accepted)"
    # "The NDA remains under FDA review": a one-drug release's application
    r"|\b[Tt]he (?:NDA|BLA|MAA)\b"
    # "the FDA granted approval for these studies": the studies the previous sentence named
    r"|\b(?:approval|clearance|authori[sz]ation) (?:for|of) these (?:[\w-]+ ){0,3}(?:trials|studies)"
    # "Upcoming catalysts include ... Phase 3 initiation in the second half of 2025"
    r"|\b(?:[Uu]pcoming|[Kk]ey|[Nn]ear-term|[Aa]nticipated) (?:[\w-]+ ){0,2}(?:catalysts|milestones)"
    # "The FDA assigned a PDUFA target action date of January 31, 2026" after a sentence about the NDA
    r"|\b(?:assigned|set|scheduled) (?:a |an |the )?PDUFA)\b"
)
# ... unless it names another party's product, a device or a platform.
_OTHER_PARTY = re.compile(
    r"\b(?:device|platform(?!\s+(?:company|biotech|biopharma))|tool|software|partner(?:ing)?|licens\w*|acqui\w+|market(?:ed)? by"
    # a person's career ("Drysdale led the company's strategy ... to Phase 3")
    r"|led(?! by)|served|previously|prior to|former(?:ly)?|joined|founded|career"
    # statements about the whole pipeline ("our programs include a Phase 2 program and ...")
    r"|programs|pipeline|portfolio|candidates|assets)\b",
    re.I,
)
# "... exceeds the market cap of a company that has an approved MASH drug that also targets THRβ"
_OTHER_PRODUCT = re.compile(
    r"\b(?:an?|another|the only|rival|competing|competitors?(?:'s|’s)?)\s+(?:approved|marketed|FDA-approved|rival|competing|competitor)\s+(?:[\w-]+\s+){0,2}?(?:drugs?|therap(?:y|ies)|treatments?|products?|medicines?)\b",
    re.I,
)
def _other_product(text: str, a: int, pos: int, end: int) -> bool:
    """Another product's noun phrase opens before ``pos`` ("an approved MASH drug": MASH is inside it)."""
    return any(m.start() < pos for m in _OTHER_PRODUCT.finditer(text, a, min(end, pos + 40)))


_NEW_TOPIC = re.compile(r"\b(?:Meanwhile|Separately|Additionally|In addition|Furthermore|Moreover|Elsewhere)\b")
_OTHER_PROGRAMS = re.compile(
    r"\bother (?:programs?|products?|candidates?|assets?|platforms?|technolog\w+|compounds?|indications? of)\b"
    # "RiVax, its ricin vaccine candidate, as well as its vaccine programs targeting filoviruses (such as Ebola)"
    r"|\bas well as (?:its|our|the company's|the company’s) (?:[\w-]+ ){0,2}programs\b",
    re.I,
)
# "its Phase 2 XYZ trial", "its Phase IIb clinical trial, The Emerald Study"
_OWN_TRIAL = re.compile(r"\b(?:its|our|[Cc]ompany(?:'s|’s))\s+(?:[\w/-]+\s+){0,3}(?:(?:trial|study),\s+(?:[Tt]he\s+)?)?$")
_NOT_FOR = re.compile(r"\bnot (?:be )?(?:a |an )?(?:treatment|indicated|approved|intended|recommended|for use)\b[^.;]{0,25}$", re.I)
_RESULTS_OF = re.compile(r"(?:results|data|readout|findings)\s+(?:from|of)\s+(?:\w+\s+){0,3}$", re.I)
_STAGE_WORD = re.compile(r"\b(?:pre-?clinical|Phase)\b", re.I)
# "Phase 3 data", "Phase 2b topline results": a trial's data, history once the drug is filed or approved
_PHASE_DATA = re.compile(r"[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:data|results|readouts?)\b", re.I)
_FILED = phases.RANK["Filed"]
_STUDIES_IN = re.compile(r"[ \t]+(?:clinical[ \t]+)?(?:trials?|stud(?:y|ies))[ \t]+(?:in|for)[ \t]", re.I)


@dataclass
class _Ctx:
    doc: CleanDocument
    text: str
    mentions: list[Mention]
    canon: dict[str, str]
    forms: attributes.IndicationForms
    issuer: str | None
    facts: list[PipelineFact]
    starts: list[int] = field(default_factory=list)  # mention starts, for bisect
    sole: list[str] = field(default_factory=list)  # the release's only drug, if it has exactly one
    past: set[int] = field(default_factory=set)  # ids of phase facts printed as a past or compared stage
    planned: set[tuple[str, str]] = field(default_factory=set)  # (drug, phase) printed in the body only as still to come
    lead: list[str] = field(default_factory=list)  # the drug the release names as its lead candidate
    data_of: set[int] = field(default_factory=set)  # ids of phase facts printed as a trial's data ("Phase 3 data")


def extract_pipeline_facts(doc: CleanDocument) -> tuple[list[PipelineFact], list[DrugAlias]]:
    text = doc.text or ""
    low = text.lower()
    if not any(w in low for w in _GATE_WORDS) or not any(w in low for w in _BIO_WORDS) or _badge_only(low):
        return [], []
    issuer = issuer_key(text, doc.company)
    mentions = find_mentions(text, issuer)
    if not any(not m.comparator for m in mentions):
        return [], []
    pairs = find_aliases(text, mentions)
    canon, kinds = _doc_canonical(mentions, pairs)
    ctx = _Ctx(doc, text, mentions, canon, attributes.indication_forms(text), issuer, [], [m.start for m in mentions])
    passing = _passing_mentions(text, mentions, canon, issuer)
    subjects = {canon[m.name] for m in mentions if not m.comparator} - passing
    if len(subjects) == 1:
        ctx.sole = sorted(subjects)
    ctx.lead = _lead_drug(ctx, subjects)
    _walk(ctx)
    _table_rows(ctx)
    _trial_phases(ctx)
    _marketed(ctx)
    facts = _finish(ctx, passing)
    used = {f.drug for f in facts}
    pairs_out = {DrugAlias(canon[n], n, kinds[n]) for n in canon if canon[n] in used}
    # "vidofludimus calcium": the salt form printed in the release names the same drug
    pairs_out |= {
        DrugAlias(canon[m.name], m.name + " " + sm.group(1), "inn")
        for m in mentions if m.kind == "inn" and not m.comparator and canon.get(m.name) in used and (sm := SALT.match(text, m.end))
    }
    pairs_out |= _variant_aliases(text, mentions, canon, used)
    aliases = sorted(
        pairs_out,
        key=lambda a: (a.drug, a.alias_type != "code", a.alias),
    )
    return facts, aliases


def _badge_only(low: str) -> bool:
    """"FDA-approved" is the release's only regulatory or development word: a clinic, spa or
    seller praising a product it uses ("our FDA-approved laser", "integration of X, an
    FDA-approved formulation"), not a release about a drug's development."""
    n = low.count("fda")
    if n == 0 or n != low.count("fda-approved") + low.count("fda approved"):
        return False
    return not any(w in low for w in _GATE_WORDS if w not in ("fda", "approv")) and not any(w in low for w in _DEVELOPER_WORDS)


# a drug developer's own release ("Acme (NASDAQ: ACME) presents preliminary data ..."), never a clinic's
_DEVELOPER_WORDS = ("®", "medicines", "pharma", "biotech", "biopharm", "clinical", "therapeutics", "data", "nasdaq", "nyse", "investor")


# ---------------------------------------------------------------- names

# "SBI-100 OE", "ELI-002 7P": a formulation or version suffix printed after a code
_CODE_VARIANT = re.compile(r"[ \t](?P<s>\d[A-Z]|[A-Z]{2})(?![\w-])")
_VARIANT_STOP = frozenset("TO IN OF ON AT IS AS OR BY AN BE IT US UK EU VS NO SO UP DO GO WE MY ME HE IF AI ML PR IR OK TV".split())


_REFERRED = re.compile(r"[ \t]+(?:and[ \t]+)?(?:is[ \t]+)?(?:commonly[ \t]+|also[ \t]+|often[ \t]+)?(?:referred to|known|abbreviated) as[ \t]+(?P<a>[A-Z][A-Za-z0-9-]{1,11})(?![\w-])")


def _variant_aliases(text: str, mentions: list[Mention], canon: dict[str, str], used: set[str]) -> set[DrugAlias]:
    out: set[DrugAlias] = set()
    done: set[str] = set()
    for m in mentions:
        if m.comparator or canon.get(m.name) not in used:
            continue
        v = _CODE_VARIANT.match(text, m.end) if any(c.isdigit() for c in m.name) else None
        if v is not None and v.group("s") not in _VARIANT_STOP:
            out.add(DrugAlias(canon[m.name], f"{m.name} {v.group('s')}", "code"))
        # "efruxifermin ... is commonly referred to as EFX"
        r = _REFERRED.match(text, m.end)
        if r is not None and r.group("a") != m.name:
            out.add(DrugAlias(canon[m.name], r.group("a"), "code"))
        # "R327" printed elsewhere as "RECCE® 327": the brand's initial and the number
        b = re.fullmatch(r"([A-Z])(\d{2,4})", m.name)
        if b is not None and m.name not in done:
            done.add(m.name)
            for bm in re.finditer(r"(?<![\w-])" + b.group(1) + r"[A-Za-z]{2,}(?:®|™)?[ \t]" + b.group(2) + r"(?![\w-])", text):
                out.add(DrugAlias(canon[m.name], bm.group(), "brand"))
    return out


def _doc_canonical(mentions: list[Mention], pairs) -> tuple[dict[str, str], dict[str, str]]:
    """Printed name -> the release's canonical name (see canonical.pick_name)."""
    uf = UnionFind()
    kinds: dict[str, str] = {}
    counts: dict[str, int] = {}
    for m in mentions:
        if m.comparator:
            continue
        uf.add(m.name)
        kinds.setdefault(m.name, m.kind)
        counts[m.name] = counts.get(m.name, 0) + 1
    for a, b in pairs:
        uf.union(a.name, b.name)
    # "SBI-100 OE" and "SBI-100" printed in one release: a form of the same drug
    for n in counts:
        head, _, tail = n.rpartition(" ")
        if head in counts and tail.isupper() and len(tail) <= 3:
            uf.union(head, n)
    canon = {}
    for group in uf.groups():
        best = pick_name(group, kinds, counts)
        for n in group:
            canon[n] = best
    return canon, kinds


# ---------------------------------------------------------------- walking the text

def _walk(ctx: _Ctx) -> None:
    text = ctx.text
    heading: list[str] = []
    qa: list[str] = []  # the one drug a Q&A exchange is about
    prev_last: list[str] = []  # the drug the previous paragraph ended on
    for para in paragraphs(text):
        sec = ctx.doc.section_at(para.start)
        if sec is not None and sec.kind in _SKIP_SECTIONS:
            continue
        ptext = text[para.start:para.end]
        if "forward-looking" in ptext or "Forward-Looking" in ptext:
            continue
        pm = _mentions_in(ctx, para.start, para.end)
        is_bullet = text[para.start] in "-•*▪·●" or (para.start > 0 and text[para.start - 1] in " \t")
        short = len(ptext) < 90 and not ptext.rstrip().endswith((".", "!", "?"))
        # Drug heading: "IMGN529 - in preclinical ...", "SAR3419, SAR650984, and SAR566658 - in development by ..."
        label = _LABEL.match(text, para.start)
        head = label.end()
        after = para.start  # where the heading drug starts to speak for drug-less sentences
        if label.group(1) and any(m.start == label.start(1) for m in pm):
            head = label.start(1)  # "• CTX-123: Phase 3 data ..." (the drug itself heads the bullet)
            label = None
        lead = _leading_list(ctx, pm, head)
        qa = _qa_drug(ctx, ptext, pm, qa)
        if lead and _HEADING_DASH.match(text, lead[-1].end):
            heading = _canon_list(ctx, lead)
            is_bullet = True  # the paragraph is about its heading drug: drug-less sentences take it
        elif ptext.startswith("About ") and short:
            heading = _canon_list(ctx, pm)
        elif label is not None and label.group(1) and len(one := set(_canon_list(ctx, [m for m in pm if not m.comparator]))) == 1:
            # "NDA Submission and FDA Approval Pathway: ... CTx-1301 ... a potential PDUFA date in mid-2026":
            # an analyst note's section about one drug
            heading = sorted(one)
            is_bullet = True
            after = next(m.end for m in pm if not m.comparator)
        elif short and not pm or label is not None and label.group(1):
            heading = []  # "Valuation: ..." opens another section of an analyst note
        # "A: We expect topline data from the trial in 2H25": the answer goes on about the question's drug
        seed = qa if len(qa) == 1 and _ANSWER.match(ptext) and not any(not m.comparator for m in pm) else []
        if not seed and not heading and len(prev_last) == 1 and _PARAGRAPH_ANAPHORA.match(ptext) and not any(not m.comparator for m in pm):
            seed = prev_last  # "These studies ..." opens a paragraph going on about the previous one's drug
        prev_last = []
        if (not heading and not seed and not any(not m.comparator for m in pm) and not (ctx.sole and (_SOLE_CUE.search(ptext) or _PARTNER_CUE.search(ptext)))
                and not ((ctx.lead or ctx.sole) and _LEAD_REF.search(ptext))):
            continue  # nothing in this paragraph can be about a drug
        last: list[str] = seed
        ahead = _named_ahead(ctx, pm) if not heading else None
        for sent in _split_topics(text, sentences(text, para)):
            stext = text[sent.start:sent.end]
            if ("trademark" in stext or "safe harbor" in stext) and _BOILERPLATE.search(stext):
                continue
            if ahead is not None and sent.end <= ahead[0]:
                # "Acme has a phase 2/3 study in NASH. Its drug, called X, ...": the sentences before the name are about X
                last = _sentence(ctx, sent, ahead[1], True, last)
                continue
            if sent.start < after or (after > para.start and _unnamed_code(ctx, sent)):
                # a section's drug speaks only after it is named, and not for another, unnamed program
                last = _sentence(ctx, sent, [], False, last)
                continue
            last = _sentence(ctx, sent, heading, is_bullet, last)
        prev_last = last


# a bullet marker and/or a section label ("• ", "Pipeline: ", "Company Updates: ") before a paragraph's heading drug;
# a label with no drug after it ("Valuation: ...") opens another section of an analyst note
_LABEL = re.compile(r"(?:[-•*▪·●]\s*)?((?:(?:[A-Z][\w&/,-]*|and|of|for|&)\s){0,6}[A-Z][\w&/-]*:\s+)?")
_QUESTION = re.compile(r"(?:\*\*)?(?:Q|Question)\s*[:.]")
_ANSWER = re.compile(r"(?:\*\*)?(?:A|Answer)\s*[:.]")


def _qa_drug(ctx: _Ctx, ptext: str, pm: list[Mention], qa: list[str]) -> list[str]:
    """The drug of the exchange: the one a question names, else the one the previous answer named."""
    if _QUESTION.match(ptext) or _ANSWER.match(ptext):
        own = _canon_list(ctx, [m for m in pm if not m.comparator])
        return sorted(set(own)) if own else qa
    return []


# "Their drug is called X", "a galectin antagonist called X", "Its lead candidate, X,"
_NAMING = re.compile(
    r"(?:\b(?:drug|candidate|compound|antagonist|agonist|inhibitor|antibody|therapy|molecule)(?: is)? (?:called|named|dubbed)\s+"
    r"|^(?:Their|Its|The company(?:'s|’s)) (?:[\w-]+ ){0,3}(?:drug|candidate|compound|asset)(?: candidate)?(?: is)?,?\s+)$"
)
# "Jupiter is a clinical-stage company developing drugs for CNS disorders": the company's scope, not one drug's
_COMPANY_SCOPE = re.compile(r"\b(?:is|are) an? (?:[\w-]+ ){0,4}(?:company|firm|biotech\w*|developer|leader|innovator)\b")


def _named_ahead(ctx: _Ctx, pm: list[Mention]) -> tuple[int, list[str]] | None:
    """A paragraph about one drug that opens without naming it and then names it
    ("... has a phase 2/3 study in NASH cirrhosis. Their galectin antagonist called X
    showed ..."): (start of the naming sentence's mention, [X])."""
    own = [m for m in pm if not m.comparator]
    if not own or len({ctx.canon[m.name] for m in own}) != 1 or len(own) != len(pm):
        return None
    first = own[0]
    a = ctx.text.rfind(". ", 0, first.start) + 2
    if first.start - a > 120 or not _NAMING.search(ctx.text[a:first.start]):
        return None
    if _COMPANY_SCOPE.search(ctx.text, _para_start(ctx, first), a):
        return None
    return first.start, [ctx.canon[first.name]]


def _para_start(ctx: _Ctx, m: Mention) -> int:
    """Start of the paragraph holding ``m``."""
    return ctx.text.rfind("\n", 0, m.start) + 1


# "... across the U.S. and U.K. Meanwhile, X completed ...": a sentence end hidden by an abbreviation
_TOPIC_BREAK = re.compile(r"\.[ \t]+(?=(?:Meanwhile|Separately|Additionally|Furthermore|Moreover|In addition),|For more information\b)")


def _split_topics(text: str, sents: list[Span]) -> list[Span]:
    out = []
    for sent in sents:
        s = sent.start
        for m in _TOPIC_BREAK.finditer(text, sent.start, sent.end):
            out.append(Span(s, m.start() + 1))
            s = m.end()
        out.append(Span(s, sent.end))
    return out


# "the company's lead product candidate", "Acme's lead asset": the drug the release names as its lead
# (not when it names another product right there: "The company's lead product, Ryoncil, ...")
_LEAD_REF = re.compile(
    r"\b(?:[Tt]he [Cc]ompany(?:'s|’s)|[Ii]ts|[Oo]ur|[A-Z][\w-]+(?:'s|’s)) lead (?:product |drug |clinical |therapeutic )?(?:candidate|compound|drug|asset|product|program)\b"
    r"(?!,?[ \t]+(?:called[ \t]+|named[ \t]+)?[A-Z])"
)
# where the release names it: "its lead candidate, X", "lead product candidate X", "X, its lead asset"
_LEAD_BEFORE = re.compile(r"\blead (?:product |drug |clinical |therapeutic )?(?:candidate|compound|drug|asset|product|program),?[ \t]+(?:is[ \t]+)?$")
_LEAD_AFTER = re.compile(r",?[ \t]+(?:(?:[Tt]he [Cc]ompany(?:'s|’s)|its|our|[A-Z][\w-]+(?:'s|’s))[ \t]+)lead (?:product |drug |clinical |therapeutic )?(?:candidate|compound|drug|asset|product|program)\b")


def _lead_drug(ctx: _Ctx, subjects: set[str]) -> list[str]:
    """The one drug the release calls its lead candidate, if any."""
    text = ctx.text
    if "lead " not in text:
        return []
    leads = {
        ctx.canon[m.name] for m in ctx.mentions
        if not m.comparator and ctx.canon[m.name] in subjects
        and (_LEAD_BEFORE.search(text, max(0, m.start - 50), m.start) or _LEAD_AFTER.match(text, m.end))
    }
    return sorted(leads) if len(leads) == 1 else []


def _leading_list(ctx: _Ctx, pm: list[Mention], start: int) -> list[Mention]:
    """Drug mentions that open the paragraph, with their aliases and list partners."""
    if not pm or pm[0].start != start or pm[0].comparator:
        return []
    out = [pm[0]]
    for m in pm[1:]:
        gap = ctx.text[out[-1].end:m.start]
        if _COORD.fullmatch(gap) or re.fullmatch(r"\s*\(", gap):
            out.append(m)
        else:
            break
    return out


def _canon_list(ctx: _Ctx, ms: list[Mention]) -> list[str]:
    out: list[str] = []
    for m in ms:
        if m.comparator:
            continue
        c = ctx.canon[m.name]
        if c not in out:
            out.append(c)
    return out


def _mentions_in(ctx: _Ctx, a: int, b: int) -> list[Mention]:
    i = bisect.bisect_left(ctx.starts, a)
    out = []
    while i < len(ctx.mentions) and ctx.mentions[i].start < b:
        if ctx.mentions[i].end <= b:
            out.append(ctx.mentions[i])
        i += 1
    return out


def _clauses(ctx: _Ctx, sent: Span) -> list[Span]:
    text = ctx.text
    seg = text[sent.start:sent.end]
    out = []
    s = sent.start
    starts = {m.start for m in _mentions_in(ctx, sent.start, sent.end)}
    for m in _CLAUSE_CUT.finditer(seg):
        cut_end = sent.start + m.end()
        if cut_end in starts:
            continue  # "IMGN901, T-DM1, and SAR3419": a list, not a new clause
        if seg.count("(", 0, m.start()) > seg.count(")", 0, m.start()):
            continue  # "(Harbor STAT Asthma Study; NCT...)": inside a parenthesis
        out.append(Span(s, sent.start + m.start()))
        s = cut_end
    out.append(Span(s, sent.end))
    return [c for c in out if c.end > c.start]


def _subjects(ctx: _Ctx, clause: Span, pos: int) -> list[str]:
    """Canonical drugs a keyword at ``pos`` is about, by the subject rule."""
    text = ctx.text
    ms = [m for m in _mentions_in(ctx, clause.start, clause.end) if not _SECONDARY.search(text[max(clause.start, m.start - 40):m.start])]
    prior = [m for m in ms if m.end <= pos]
    if prior and prior[-1].comparator and pos - prior[-1].end < 40 and not _describes(prior, text):
        return []  # "since remdesivir is already FDA approved": the keyword is about the comparator
    cands = [m for m in ms if not m.comparator and not _described_inside(text, ms, m, pos) and not _MODIFIER.match(text, m.end)]
    if not cands:
        return []
    if prior and (_OTHER_PROGRAMS.search(text, prior[-1].end, pos) or _other_product(text, prior[-1].end, pos, clause.end)):
        return []  # "In addition to X, the company continued developing other programs, such as ..."
    before = [i for i, m in enumerate(cands) if m.end <= pos]
    if len(before) > 1 and _FORM_OF.search(text, max(cands[before[-2]].end, cands[before[-1]].start - 80), cands[before[-1]].start):
        before.pop()  # "X is an IV formulation of the regulator (IDR), dusquetide, for treating SOM": about X
    i = before[-1] if before else next((j for j, m in enumerate(cands) if m.start >= pos), len(cands) - 1)
    if not before and _NEW_TOPIC.search(text, pos, cands[i].start):
        return []  # "... IND clearance for the trial. Meanwhile, X completed ...": X is another topic
    if not before and "," in text[pos:cands[i].start] and _COMPANY_APPOSITION.search(text, max(clause.start, pos - 200), pos):
        return []  # "Annovis, a company developing therapies for AD and PD, announced that X ...": the company's scope
    if not before and re.search(r",\s+and\s+$", text[pos:cands[i].start]):
        return []  # "rekvry, an alcohol misuse treatment, and LUCID-21-302": an earlier list item's
    lo = hi = i
    while lo > 0 and _linked(text, cands[lo - 1], cands[lo]):
        lo -= 1
    while hi + 1 < len(cands) and _linked(text, cands[hi], cands[hi + 1]):
        hi += 1
    if not before and _LIST_INTRO.search(text, max(clause.start, cands[i].start - 30), cands[i].start):
        # "two preclinical programs are X, an intranasal compound ..., and Y, a peptide ...": every item
        while hi + 1 < len(cands) and _APPOSITIVE_ITEM.fullmatch(text, cands[hi].end, cands[hi + 1].start):
            hi += 1
    return _canon_list(ctx, cands[lo:hi + 1])


# "a TREM-1-targeting drug": the name qualifies another noun (a target), it is not the subject
_MODIFIER = re.compile(r"-(?:[Tt]argeting|[Dd]irected|[Ss]pecific|[Bb]ased|[Ll]owering|[Ii]nhibiting|[Mm]ediated|[Pp]ositive|[Nn]egative)\b")


# the active ingredient named inside a description of the drug before it
_FORM_OF = re.compile(r"\b(?:formulation|form|version|prodrug|salt|reformulation|derivative|analog(?:ue)?) of\b[^.;]{0,70}$")


# "... are X, a ..., and Y", "two pre-IND candidates: (i) X, an ..., and (ii) Y"
_LIST_INTRO = re.compile(r"\b(?:are|include|includes)\s*:?\s*$|\b(?:candidates|programs|assets|products)\s*:\s*(?:\(i\)\s*)?$")
_APPOSITIVE_ITEM = re.compile(r"(?:™|®|\(TM\)|\(R\))?,\s+(?:an?|the)\s+[^.;:()]{0,120}?,\s+(?:and\s+)?(?:\((?:ii|iii|iv|v|vi)\)\s*)?")


def _describes(prior: list[Mention], text: str) -> bool:
    """The last (comparator) mention only describes an own drug printed just before it:
    "Sapu003, an injectable form of everolimus (Afinitor) for breast cancer"."""
    c = prior[-1]
    return any(not o.comparator and 0 <= c.start - o.end < 80 and "." not in text[o.end:c.start] for o in prior[:-1])


def _described_inside(text: str, ms: list[Mention], m: Mention, pos: int) -> bool:
    """``m`` sits in a parenthesis that describes the drug before it and closed before ``pos``:
    "QX-101-B (QX-101 with enhanced properties) began Phase 1" is about QX-101-B."""
    if m.end > pos:
        return False
    head = text[max(0, m.start - 3):m.start]
    if "(" not in head or text.find(")", m.end, pos) < 0:
        return False
    return any(o.end <= m.start and re.fullmatch(r"(?:[®™]|\(R\)|\(TM\))?\s*\(\s*", text[o.end:m.start]) for o in ms if o is not m)


def _linked(text: str, a: Mention, b: Mention) -> bool:
    gap = text[a.end:b.start]
    if re.fullmatch(r"\s*\(\s*", gap):
        # "X (Y)" names one drug twice; "X (Y with enhanced ...)" describes X by Y
        return _PAREN_CLOSE.match(text, b.end) is not None
    return bool(_COORD.fullmatch(gap) or re.fullmatch(r"\)?\s*(?:,|and|, and)\s*", gap))


def _sentence(ctx: _Ctx, sent: Span, heading: list[str], is_bullet: bool, last: list[str]) -> list[str]:
    text = ctx.text
    stext = text[sent.start:sent.end]
    sole_only = False
    lead: list[str] = []
    if not any(not m.comparator for m in _mentions_in(ctx, sent.start, sent.end)):
        # the release's one drug, or the one drug the previous sentence of the paragraph was about
        sole = (ctx.sole if not _unnamed_code(ctx, sent) else []) or _paragraph_drug(stext, last)
        if not sole and ctx.lead and _names_issuer(ctx, stext) and not _unnamed_code(ctx, sent):
            # "Cardiol Therapeutics is expected to release topline data for its Phase 2 trial": the issuer's lead drug
            sole = ctx.lead
        if (sole and _PARTNER_CUE.search(stext) and _PARTNER_DEV.search(stext) and not _OTHER_PROGRAMS.search(stext)
                and (ctx.sole or _SOLE_CUE.search(stext))
                and not _CAREER.search(stext) and not _NOT_DRUG_PARTNER.search(stext)):
            # a one-drug release: "PolyPid has secured a European commercialization partnership with Advanz Pharma";
            # "Leading its portfolio is X. In partnership with Y, the company launched a Phase II trial"
            for _a, _b, value, det in attributes.partners(text, sent.start, sent.end, ctx.issuer):
                _emit(ctx, sole, "partner", value, det, sent)
        lead = (ctx.lead or ctx.sole) if _LEAD_REF.search(stext) else []
        if not ((heading and is_bullet) or ((last or heading) and _ANAPHORA.search(stext)) or (ctx.sole and _DRUG_ANAPHORA.search(stext)) or lead):
            if not (sole and _SOLE_CUE.search(stext) and (_SOLE_REF.search(stext) or _names_issuer(ctx, stext)) and not _other_party(stext, bool(ctx.sole))):
                return last  # no drug and nothing to refer back to
            # a release about one drug: "The company expects to file its NDA in early 2026";
            # or a paragraph's sentence after one about one drug: "X is in Phase 2. The company plans to file an NDA in 2026"
            sole_only = True
    clinical = phases.CLINICAL_CONTEXT.search(stext) is not None
    vetoed = non_phase_contexts().search(stext) is not None
    phase_hits = [] if vetoed else _phase_hits(text, sent, clinical)
    inds_sent = None
    # a two-clause sentence about one drug lends it to its drug-less clause ("five Phase 2 trials, three
    # with extensions, and three access programs to evaluate X"); longer ones list other programs
    clauses = _clauses(ctx, sent)
    sent_drugs = _canon_list(ctx, _mentions_in(ctx, sent.start, sent.end)) if len(clauses) == 2 else []
    listed: list[str] = []  # the one drug of the sentence's earlier clause, for a ";" list of its designations
    prev_end = sent.start
    for clause in clauses:
        ctext = text[clause.start:clause.end]
        has_drug = any(not m.comparator for m in _mentions_in(ctx, clause.start, clause.end))
        loose = False
        item_of = listed if (listed and text[prev_end:clause.start].lstrip().startswith(";") and _REG_ITEM.match(ctext)) else []
        prev_end = clause.end
        if has_drug:
            def subj(pos: int, clause: Span = clause) -> list[str]:
                return _subjects(ctx, clause, pos)
        else:
            fallback = []
            loose = sole_only
            if sole_only:
                fallback = sole
            elif item_of:
                fallback = item_of  # "X received Orphan Drug Designation for A; Fast Track Designation for B; and IND clearance for C"
            elif len(sent_drugs) == 1 and not _OTHER_AGENT.search(ctext) and not _OTHER_PROGRAMS.search(ctext):
                fallback = sent_drugs
            elif lead and _LEAD_REF.search(ctext):
                fallback = lead  # "Acme's lead product candidate is in late-stage studies to treat solid tumors"
            elif _ANAPHORA.search(ctext):
                # "The drug is in Phase 3": a new paragraph's anaphora in a one-drug release is that drug
                fallback = last or heading or (ctx.sole if _DRUG_ANAPHORA.search(ctext) else [])
                # a bare "it"/"its" may refer to anything ("its relationship to ... obesity")
                loose = not _STRONG_ANAPHORA.search(ctext)
            elif is_bullet or (heading and _ANAPHORA.search(stext)):
                # under "X and Y Update:", a sentence after one about X goes on about X
                fallback = last if len(heading) > 1 and len(last) == 1 and last[0] in heading else heading
            if not fallback:
                continue

            def subj(pos: int, fb: list[str] = fallback, clause: Span = clause) -> list[str]:
                prior = [m for m in _mentions_in(ctx, clause.start, pos) if m.end <= pos]
                if prior and prior[-1].comparator and pos - prior[-1].end < 40 and not _describes(prior, ctx.text):
                    return []  # "since remdesivir is already FDA approved": about the comparator
                if _other_product(ctx.text, clause.start, pos, clause.end) or _OTHER_PROGRAMS.search(ctx.text, clause.start, pos):
                    return []  # "... a rival that has an approved drug that targets X"
                return fb
        if inds_sent is None:
            inds_sent = attributes.indications(text, sent.start, sent.end, ctx.forms)
        # an inferred subject (the sole drug, a bare "its") takes no indication the
        # sentence names on its own; the sole drug takes only events, and the diseases
        # its phases name ("the company's Phase 3 Alzheimer's study")
        weak = not has_drug and loose and not sole_only
        found = _clause_facts(ctx, sent, clause, subj, phase_hits, [] if weak else inds_sent, events_only=sole_only)
        if found:
            last = found
            listed = found if (has_drug or item_of) and len(found) == 1 else []
        elif has_drug:
            last = subj(clause.start) or last
    return last


# an item of a ";"-separated list of regulatory designations and clearances
_REG_ITEM = re.compile(
    r"\s*(?:and\s+)?(?:(?:an?|the)\s+)?(?:(?:U\.S\.|US|FDA|EMA|European|EU|Japanese|PMDA|MHRA)\s+)*(?:Orphan|Fast[- ]Track|Breakthrough|Rare|Priority|PRIME|RMAT|IND|Regenerative|Accelerated|Conditional|Qualified)\b[^;]*?\bfor\b"
)


# "their next generation, orally administered NASH drug", "studies for other indications"
_ANOTHER = re.compile(
    r"\b(?:next[- ]generation|follow-on|another|second|new|other|additional|back-?up),?\s+(?:[\w-]+,?\s+){0,3}?"
    r"(?:drugs?|candidates?|compounds?|programs?|products?|assets?|therap(?:y|ies)|indications?|molecules?)\b",
    re.I,
)


def _other_party(stext: str, whole_release: bool) -> bool:
    """The sentence speaks of another party's product or of programs in general. Next to a
    sentence about one drug, working "in partnership with" someone is still that drug's development."""
    for m in _OTHER_PARTY.finditer(stext):
        if not whole_release and m.group().lower().startswith("partner"):
            continue
        if m.group().lower() == "platform" and _OWN_PLATFORM.search(stext, max(0, m.start() - 45), m.start()):
            continue  # "using Acme's AI-driven XYZ platform": the company's own tool, not another party's product
        return True
    return False


_OWN_PLATFORM = re.compile(r"\b(?:its|our|[A-Z][\w-]+(?:'s|’s))\s+(?:[\w()®™-]+\s+){0,3}$")


# a program code printed as a study's subject ("the LP-184 Phase 1a trial")
_PROGRAM_CODE = re.compile(r"\b[A-Z]{2,5}-\d{2,5}\b(?= (?:Phase|program|trial|study)\b)")


def _unnamed_code(ctx: _Ctx, sent: Span) -> bool:
    """The paragraph so far names a program code that is not a drug mention: the release's
    one known drug is then not the only candidate subject of a drug-less sentence."""
    lo = ctx.text.rfind("\n", 0, sent.start) + 1
    for m in _PROGRAM_CODE.finditer(ctx.text, lo, sent.end):
        if not _mentions_in(ctx, m.start(), m.end()):
            return True
    return False


def _paragraph_drug(stext: str, last: list[str]) -> list[str]:
    """The one drug the previous sentence of the paragraph was about, when this
    sentence goes on about it rather than opening another topic or program."""
    if len(last) != 1 or _NEW_TOPIC.match(stext) or _OTHER_AGENT.search(stext) or _OTHER_PROGRAMS.search(stext) or _ANOTHER.search(stext):
        return []
    return last


def _names_issuer(ctx: _Ctx, stext: str) -> bool:
    """The sentence's subject is the issuer by name ("Telomir expects to initiate first-in-human dosing")."""
    i = ctx.issuer
    if not i or len(i) < 4:
        return False
    low = stext.lower()
    # "Following completion of a Phase 1 study in 2023, Acme plans to initiate ..."
    return re.match(r"(?:\w+ ){0,3}" + re.escape(i) + r"\b", low) is not None or re.search(
        r", (?:\w+ ){0,2}" + re.escape(i) + _ISSUER_PLANS, low) is not None or re.search(
        # "After re-manufacturing the lentivirus, Hemogenyx successfully addressed the FDA's concerns"
        r"^[^,;]{0,90}, " + re.escape(i) + r"(?: (?:has|had|is|was))?(?: \w+ly)? \w+(?:ed|ing)\b", low) is not None


_ISSUER_PLANS = r"\b(?: [\w.]+){0,2} (?:plans|expects|intends|anticipates|will|is preparing|aims)\b"


def _phase_hits(text: str, sent: Span, clinical: bool) -> list[tuple[int, int, str, str]]:
    """(start, end, value, printed) for each clinical phase/stage mention in the sentence.

    A numbered phase needs a clinical word in the sentence; stage phrases
    ("preclinical development", "marketing applications ... under review") are
    clinical by themselves.
    """
    seg = text[sent.start:sent.end]
    out = []
    negated_end = -1
    for m in phases.PHASE_RE.finditer(seg) if clinical else ():
        if phases.NOT_CLINICAL_AFTER.match(seg, m.end()):
            continue
        if phases.is_negated(seg, m.start(), m.end(), 0, len(seg)) or (negated_end >= 0 and phases.NEGATED_CHAIN.fullmatch(seg, negated_end, m.start())):
            negated_end = m.end()
            continue
        out.append((sent.start + m.start(), sent.start + m.end(), phases.normalize(m), " ".join(m.group().split())))
    for m in phases.STAGE_RE.finditer(seg):
        value = "Preclinical" if m.group("pre") else ("Phase 1" if m.group("fih") else "Filed")
        out.append((sent.start + m.start(), sent.start + m.end(), value, _printed(m.group())))
    out.sort()
    return out


def _printed(s: str) -> str:
    """The printed form for ``detail``; long stage phrases keep their head and tail words."""
    words = s.split()
    return " ".join(words) if len(words) <= 6 else " ".join(words[:2] + ["..."] + words[-3:])


def _emit(ctx: _Ctx, drugs: list[str], kind: str, value: str, detail: str | None, sent: Span, start=None, end=None, indication=None) -> None:
    evidence = ctx.text[sent.start:sent.end]
    for d in drugs:
        ctx.facts.append(
            PipelineFact(
                drug=d, kind=kind, value=value, detail=detail or None, evidence=evidence,
                char_start=sent.start, char_end=sent.end, section_no=ctx.doc.section_no_at(sent.start),
                expected_start=start, expected_end=end, indication=indication,
            )
        )


def _join(*parts: str | None) -> str | None:
    out = "; ".join(p for p in parts if p)
    return out or None


def _clause_facts(ctx: _Ctx, sent: Span, clause: Span, subj, phase_hits, inds_sent, events_only: bool = False) -> list[str]:
    """Facts of one clause. ``events_only``: the subject is only inferred (the
    release's sole drug), so only phases, regulatory events and milestones are
    taken, not attributes that could belong to anything the sentence names."""
    text = ctx.text
    got: list[str] = []
    release = ctx.doc.release_date
    # phases
    in_clause = [h for h in phase_hits if clause.start <= h[0] < clause.end]
    future_end = -1
    for k, (a, b, value, printed) in enumerate(in_clause):
        if (phases.FUTURE_START.search(text[max(clause.start, a - 80):a]) or phases.FUTURE_AFTER.match(text, b, clause.end)
                or (future_end >= 0 and phases.CHAINED.fullmatch(text, future_end, a))):
            future_end = b
            ctx.planned.update((d, value) for d in (_named_after(ctx, b) or subj(a)))
            if events_only and _STUDIES_IN.match(text, b):
                # "The company also outlined plans for Phase 1b/2 studies in TNBC and bladder cancer": the inferred drug's diseases
                stop = _STAGE_WORD.search(text, b, clause.end)
                for h in inds_sent:
                    if b <= h[0] < (stop.start() if stop else clause.end):
                        _emit(ctx, subj(a), "indication", h[2], h[3], sent)
            continue  # "to begin Phase II evaluation", "a Phase 1 trial anticipated in 2026": a milestone, not the current phase
        if phases.WEAK_PRE.match(text, a) and (
            not any(not m.comparator for m in _mentions_in(ctx, clause.start, clause.end))
            or phases.PHASE_RE.search(text, clause.start, clause.end) or _clinical_company(ctx, sent)
        ):
            # "the trials should replicate the success seen in preclinical studies": whose studies is unsaid;
            # "safety in Phase I and efficacy in preclinical models": the drug is past the preclinical stage
            continue
        drugs = _named_after(ctx, b) or subj(a)
        if not drugs:
            continue
        nxt = in_clause[k + 1][0] if k + 1 < len(in_clause) else sent.end
        stop = _STAGE_WORD.search(text, b, nxt)
        nxt = stop.start() if stop else nxt
        inds = [h for h in inds_sent if b <= h[0] < nxt] or [h for h in inds_sent if clause.start <= h[0] < a]
        ptext = text[max(sent.start, a - 12):b + 40].lower()
        pivotal = "pivotal" if ("pivotal" in ptext or "registrational" in ptext) else None
        n_before = len(ctx.facts)
        for ds, dinds in _split_by_drug(ctx, drugs, inds, b, nxt):
            if not dinds:
                _emit(ctx, ds, "phase", value, _join(printed, pivotal), sent)
                continue
            seen = set()
            for h in dinds:
                if h[2] in seen:
                    continue
                seen.add(h[2])
                _emit(ctx, ds, "phase", value, _join(printed, h[3], pivotal), sent, indication=h[2])
                if events_only and not phases.FUTURE_START.search(text[max(clause.start, a - 80):a]):
                    # "the company's Phase 3 Alzheimer's study": the inferred drug's trial names its disease
                    _emit(ctx, ds, "indication", h[2], h[3], sent)
        if phases.is_past(text, a, b, clause.start, clause.end):
            ctx.past.update(id(f) for f in ctx.facts[n_before:])
        if _PHASE_DATA.match(text, b):
            ctx.data_of.update(id(f) for f in ctx.facts[n_before:])
        got = got or drugs
    # indications
    for h in [] if events_only else inds_sent:
        if clause.start <= h[0] < clause.end:
            if _NOT_FOR.search(text, max(clause.start, h[0] - 50), h[0]):
                continue  # "is not a treatment for opioid use disorder"
            if _about_disease(text, inds_sent, h):
                continue  # "for PWS, a rare disorder and leading cause of childhood obesity"
            drugs = subj(h[0])
            _emit(ctx, drugs, "indication", h[2], h[3], sent)
            got = got or drugs
    # targets, payloads, partners, trials
    exclude = {m.name for m in ctx.mentions} | _ABBREVIATIONS | set(ctx.forms.defined) | set(ctx.forms.aliased)
    ind_spans = None  # the sentence's disease names, found when a target or trial needs checking
    for kind, hits in (
        # the sole drug takes only its own named trial: "the company's Phase 2 XYZ trial"
        (("trial", [h for h in attributes.trials(text, clause.start, clause.end, exclude) if _OWN_TRIAL.search(text, max(clause.start, h[0] - 45), h[0])]),)
        if events_only else (
        ("target", attributes.targets(text, clause.start, clause.end)),
        ("payload", attributes.payloads(text, clause.start, clause.end)),
        ("partner", attributes.partners(text, clause.start, clause.end, ctx.issuer)),
        ("trial", attributes.trials(text, clause.start, clause.end, exclude)),
    )):
        for a, _b, value, det in hits:
            if kind in ("target", "payload") and _inside_mention(ctx, a):
                continue
            if kind in ("target", "trial") and ind_spans is None:
                ind_spans = inds_sent or attributes.indications(text, sent.start, sent.end, ctx.forms)
            if kind in ("target", "trial") and any(h[0] <= a < h[1] for h in ind_spans):
                continue  # "targeting MASH", "their phase 2b MASH trial": a disease, not a target or a trial's name
            if kind == "trial" and ctx.issuer and value.lower() == ctx.issuer:
                continue  # 'the "Acme Study"': the issuer's name is not a trial's name
            if kind == "partner" and _NOT_DRUG_PARTNER.search(text, clause.start, clause.end) and not _mentions_in(ctx, clause.start, clause.end):
                continue  # a drug-less clause: "the Helix collaboration introduces vaccine ... platforms" is about technology
            drugs = subj(a)
            _emit(ctx, drugs, kind, value, det, sent)
            got = got or drugs
    # regulatory events
    ctext = text[clause.start:clause.end]
    future = milestones.FUTURE.search(ctext) is not None
    for a, b, value, hedged in regulatory.events(text, clause.start, clause.end):
        if hedged or (future and value in regulatory.SUBMISSIONS and milestones.FUTURE.search(text[clause.start:a])):
            continue
        drugs = subj(a)
        if not drugs:
            continue
        regions = ",".join(regulatory.regions(text[sent.start:sent.end])) or None
        inds = [h for h in inds_sent if b <= h[0] < clause.end] or [h for h in inds_sent if h[0] >= b] or [h for h in inds_sent if h[0] < a]
        ws = we = None
        when = None
        if value == "pdufa_date":
            dm = milestones.DATE_RE.search(text, b, min(clause.end, b + 60))
            if dm is None:  # "a decision expected on August 13, 2024, the PDUFA action date"
                dm = ([d for d in milestones.DATE_RE.finditer(text, max(clause.start, a - 80), a) if d.group("md") or d.group("month")] or [None])[-1]
            if dm:
                ws, we = milestones.window(dm, ctx.doc.release_date)
                when = "date=" + " ".join(dm.group().split())
        for ind in sorted({h[2] for h in inds}) or [None]:
            _emit(ctx, drugs, "regulatory", value, _join(when, f"region={regions}" if regions else None), sent, ws, we, indication=ind)
        if events_only:
            # "its IND ... to commence a trial for the treatment of AML": the disease of the inferred drug's event
            for h in inds:
                if h[0] >= b:
                    _emit(ctx, drugs, "indication", h[2], h[3], sent)
        if value == "pdufa_date" and we is not None and (release is None or we >= release):
            # the PDUFA goal date is also the expected approval decision
            _emit(ctx, drugs, "milestone", "approval decision", when[5:] if when else None, sent, ws, we)
        if value in regulatory.PHASE_OF:
            _emit(ctx, drugs, "phase", regulatory.PHASE_OF[value], _printed(text[a:b]), sent)
        got = got or drugs
    # milestones
    if future:
        got = _milestones(ctx, sent, clause, subj, release) or got
    return got


# Words after a disease that describe it or its patients, so the disease named next is no indication
# of its own: "PWS, a rare genetic disorder and leading cause of childhood obesity", "oral mucositis in
# head and neck cancer" (the patients who get it)
_DISEASE_DESC = re.compile(
    r"\s*(?:\([^()]{1,40}\))?(?:,\s+(?:an?|the)\s+[^,;.()]{0,80}?\b(?:cause|causes|characteri[sz]ed|marked|leading to|results? in|complications?|symptoms?|form|type)\b[^,;.()]{0,50}"
    r"|\s+in\s+(?:patients\s+with\s+|people\s+with\s+)?)"
)


def _about_disease(text: str, inds: list, h) -> bool:
    """The disease at ``h`` follows another and describes it (``_DISEASE_DESC``)."""
    return any(o[1] <= h[0] and h[0] - o[1] < 160 and _DISEASE_DESC.fullmatch(text, o[1], h[0]) for o in inds if o is not h)


# "Annovis, a late-stage clinical company, announced new preclinical data on its lead compound X"
_CLINICAL_STAGE = re.compile(r"\b(?:late|clinical|mid)[- ]stage\b", re.I)


def _clinical_company(ctx: _Ctx, sent: Span) -> bool:
    """The sentence calls the company clinical-stage before naming any drug."""
    m = _CLINICAL_STAGE.search(ctx.text, sent.start, sent.end)
    return m is not None and not _mentions_in(ctx, sent.start, m.start())


def _split_by_drug(ctx: _Ctx, drugs: list[str], inds: list, b: int, nxt: int) -> list[tuple[list[str], list]]:
    """A phase shared by a list of drugs, each with its own disease ("preclinical programs are
    X, a compound for AD, and Y, a peptide for MS"): each drug takes the diseases printed after
    its own name; a plain list ("X and Y for AD") shares them."""
    if len(drugs) < 2 or not inds:
        return [(drugs, inds)]
    starts = sorted((m.start, ctx.canon[m.name]) for m in _mentions_in(ctx, b, nxt) if not m.comparator and ctx.canon[m.name] in drugs)
    if len({d for _s, d in starts}) != len(drugs) or not all(any(s <= h[0] for s, _d in starts) for h in inds):
        return [(drugs, inds)]
    own = {d: [] for d in drugs}
    for h in inds:
        own[[d for s, d in starts if s <= h[0]][-1]].append(h)
    if sum(1 for v in own.values() if v) < 2:
        return [(drugs, inds)]  # the diseases follow the whole list
    return [([d], own[d]) for d in drugs]


def _named_after(ctx: _Ctx, b: int) -> list[str]:
    """The drug printed right after a phase names the study's drug: "the Phase 2 X Australia study"."""
    i = bisect.bisect_left(ctx.starts, b)
    if i == len(ctx.mentions) or ctx.mentions[i].start > b + 2:
        return []
    m = ctx.mentions[i]
    if m.comparator or ctx.text[b:m.start].strip() or _MODIFIER.match(ctx.text, m.end):
        return []
    return [ctx.canon[m.name]]


def _inside_mention(ctx: _Ctx, pos: int) -> bool:
    return any(m.start <= pos < m.end for m in _mentions_in(ctx, max(0, pos - 40), pos + 40))


_IF = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ss]hould)\b")
# "the more advanced Phase II study" (an adjective), "advancing enrollment in the Phase 3 trial" (under way)
_NOT_A_START = re.compile(r"(?i)(?:advanced|moved|completed)\s+(?!into\b|to\b)|.*\benrol")
_MAYBE = re.compile(r"(?i)\b(?:potential|possible|eventual)\s+(?:\w+\s+)?$")


def _firm_plan(text: str, lo: int, a: int, b: int) -> bool:
    """The undated event at ``text[a:b]`` is planned outright, not conditionally, possibly or already."""
    if _IF.search(text, lo, a) or _NOT_A_START.match(text, a, b) or _MAYBE.search(text, max(lo, a - 30), a):
        return False
    # "primarily due to greater investment": a cause, not a schedule
    return any(m.group().lower() != "due to" or _DUE_VERB.match(text, m.end()) for m in milestones.FUTURE.finditer(text, lo, b))


_EXPECTED_AFTER = re.compile(r"[ \t]+(?:is[ \t]+|are[ \t]+)?(?:expected|anticipated|planned|scheduled|slated)\b")
_EVENT_AND = re.compile(r"\s+(?:and|or|&)\s+(?:an?\s+|the\s+|its\s+)?(?:[A-Z][\w.]*\s+)?")
_DUE_VERB = re.compile(r"\s+(?:begin|start|commence|initiate|launch|submit|file|report|read|complete|enter|be)\b")
# events worth keeping without a date: filings and trial starts (a "data" readout without a date is too vague)
_UNDATED_OK = frozenset({"IND submission", "NDA submission", "BLA submission", "MAA submission", "clinic entry"})


def _milestones(ctx: _Ctx, sent: Span, clause: Span, subj, release) -> list[str]:
    text = ctx.text
    ctext = text[clause.start:clause.end]
    events = []
    taken: list[tuple[int, int]] = []
    for name, rx in milestones.EVENTS:
        for m in rx.finditer(ctext):
            a, b = clause.start + m.start(), clause.start + m.end()
            if any(a < e and s < b for s, e in taken):
                continue
            # "a global Phase 3 trial set to begin in H2 2025": the future word may close a trial start
            if not milestones.FUTURE.search(text, clause.start, min(clause.end, b + 25) if name == "PHASE start" else b) and not _EXPECTED_AFTER.match(text, b):
                continue  # ("an initial data readout expected in 4Q25": the future word follows the event)
            label = name
            if name == "PHASE start" and _RESULTS_OF.search(text, max(clause.start, a - 40), a):
                continue  # "results from this Phase 2 trial are anticipated": data, not a start
            if name == "PHASE start":
                pm = phases.PHASE_RE.search(m.group())
                label = f"{phases.normalize(pm)} start" if pm else "Phase 3 start"  # "initiate the pivotal study"
            taken.append((a, b))
            events.append((a, b, label))
    events.sort()
    dates = [(clause.start + m.start(), clause.start + m.end(), m) for m in milestones.DATE_RE.finditer(ctext)]
    got: list[str] = []
    for k, (a, b, name) in enumerate(events):
        nxt = events[k + 1][0] if k + 1 < len(events) else clause.end
        after = [d for d in dates if b <= d[0] < nxt]
        if not after and k + 1 < len(events) and _EVENT_AND.fullmatch(text, b, nxt):
            # "a UK MAA submission and a U.S. BLA filing in January 2026": the pair shares its date
            nxt2 = events[k + 2][0] if k + 2 < len(events) else clause.end
            after = [d for d in dates if events[k + 1][1] <= d[0] < nxt2]
        # a date before the event counts only when it directly frames it
        # ("In 2H2011, the company expects to begin ..."); otherwise it is
        # usually a reporting period ("results for the first quarter of 2025")
        prev_b = events[k - 1][1] if k else None
        before = [
            d for d in dates
            if d[1] <= a and a - d[1] <= 60 and (prev_b is None or d[0] < prev_b)  # a date after the previous event is that event's
            and (re.match(r"(?i)(?:in|by|during|before|early|mid|late)\b", d[2].group()) or (name == "approval decision" and (d[2].group("md") or d[2].group("month"))))
        ]
        chosen = after or before[-1:]
        if not chosen and not ((name in _UNDATED_OK or name.endswith(" start")) and not dates and _firm_plan(text, clause.start, a, b)):
            continue  # an undated event needs a firm plan ("If approved, Acme plans to ..." is not one)
        own = milestones.EVENT_OF.match(text, b)
        named = [m for m in _mentions_in(ctx, own.end(), own.end() + 40) if m.start == own.end() and not m.comparator] if own else []
        drugs = _canon_list(ctx, named[:1]) if named else subj(a)
        if not drugs:
            continue
        if not chosen:
            # "cleared to begin a Phase 2 trial of X", "plans to submit an IND": an expected event without a date
            _emit(ctx, drugs, "milestone", name, None, sent)
            got = got or drugs
            continue
        if "respectively" in ctext and len(after) == len(drugs) > 1:
            pairs = list(zip(drugs, after))
        else:
            pairs = [(d, chosen[0]) for d in drugs]
        for drug, (_da, _db, dm) in pairs:
            s, e = milestones.window(dm, release)
            _emit(ctx, [drug], "milestone", name, " ".join(dm.group().split()), sent, s, e)
        got = got or drugs
    return got


# ---------------------------------------------------------------- finishing

_STUDIED = re.compile(r"(?:trials?|stud(?:y|ies)) (?:of|evaluating|assessing|with) $")


_DEV_CUE = re.compile(r"\b(?:[Pp]hase [0-9IV]|candidate|developing|in development|being developed)")


# a product named in a sentence about another company or someone's career
_FOREIGN_BRAND = re.compile(
    r"\b(?:at|for|with|from|of) (?:a|an|another) (?:[\w-]+ ){0,3}?compan(?:y|ies)\b"
    r"|\b(?:a|an|another) (?:[\w-]+ ){0,3}?compan(?:y|ies) (?:that|which) (?:markets|sells|commerciali[sz]es|launched)\b"
    r"|\bunder the $"
)


def _in_development(text: str, m: Mention) -> bool:
    """The sentence of ``m`` speaks of development ("survodutide ... in phase 3 development"), not of a marketed drug."""
    a = text.rfind(". ", 0, m.start) + 1
    b = text.find(". ", m.end)
    b = len(text) if b < 0 else b
    if _FOREIGN_BRAND.search(text, a, m.start):
        return False  # "led finance at a company that markets a cancer therapy under the X® brand": another company's product
    return _DEV_CUE.search(text, a, b) is not None and "approved" not in text[a:b]


_OWN_MARKET = re.compile(r"\b(?:markets|commerciali[sz]es|sells|launched)\b")
# a person's career or another company: "led finance at a company that markets", "previously served at"
_CAREER_MARKET = re.compile(
    r"\b(?:(?:a|an|another) (?:[\w-]+ ){0,3}?compan(?:y|ies) (?:that|which)|led|served|previously|formerly|former|prior to|joined|career)\b"
)


def _own_marketed(text: str, m: Mention, issuer: str | None) -> bool:
    """The issuer sells ``m``: "Tonix Medicines, the company's commercial subsidiary, markets Zembrace® ..."."""
    if m.kind != "brand":
        return False
    a = text.rfind(". ", 0, m.start) + 1
    head = text[a:m.start]
    if _CAREER_MARKET.search(head):
        return False  # "most recently led finance at a company that markets ... under the X brand": another company's product
    return _OWN_MARKET.search(head) is not None and ("company" in head or (issuer is not None and issuer in head.lower()))


# a program code printed alone in a pipeline table's drug cell
_CODE_CELL = re.compile(r"[A-Z]{1,5}-?\d{2,5}[A-Za-z]?")
_ROW_SKIP = frozenset({"forward_looking", "contacts", "footnotes"})


def _table_rows(ctx: _Ctx) -> None:
    """Rows of a pipeline table (see ``pipeline_tables``): each gives its drug's stage,
    indications and partner."""
    for a, b, cells in pipeline_tables.rows(ctx.text):
        sec = ctx.doc.section_at(a)
        if (sec is not None and sec.kind in _ROW_SKIP) or "drug" not in cells:
            continue
        drugs = _row_drugs(ctx, cells["drug"])
        if not drugs:
            continue
        row = Span(a, b)
        if "phase" in cells and (value := pipeline_tables.phase_of(cells["phase"][2])):
            _emit(ctx, drugs, "phase", value, cells["phase"][2], row)
        if "indication" in cells:
            s, e, _c = cells["indication"]
            for _x, _y, value, det in attributes.indications(ctx.text, s, e, ctx.forms):
                _emit(ctx, drugs, "indication", value, det, row)
        if "partner" in cells and (org := pipeline_tables.partner_of(cells["partner"][2])):
            key = org.split()[0].lower()
            if not (ctx.issuer and (key == ctx.issuer or key.startswith(ctx.issuer[:6]))):
                _emit(ctx, drugs, "partner", org, None, row)


def _row_drugs(ctx: _Ctx, cell: tuple[int, int, str]) -> list[str]:
    s, e, c = cell
    own = [m for m in _mentions_in(ctx, s, e) if not m.comparator]
    if own:
        return _canon_list(ctx, own)
    return [c] if _CODE_CELL.fullmatch(c) else []


def _marketed(ctx: _Ctx) -> None:
    """A brand the issuer markets is approved: "Acme Medicines, the company's commercial
    subsidiary, markets Zelvra® (...) and Tovix® (...) for acute migraine"."""
    text = ctx.text
    prev_end = -1
    for m in ctx.mentions:
        follows_brand = 0 <= m.start - prev_end <= 2  # "Zembrace® SymTouch®": one product's name
        prev_end = m.end if m.kind == "brand" else -1
        if m.comparator or m.kind != "brand" or follows_brand or not _own_marketed(text, m, ctx.issuer):
            continue
        sec = ctx.doc.section_at(m.start)
        if sec is not None and sec.kind in _SKIP_SECTIONS:
            continue
        a = max(text.rfind(". ", 0, m.start) + 2, text.rfind("\n", 0, m.start) + 1)
        b = min(x for x in (text.find(". ", m.end), text.find("\n", m.end), len(text)) if x >= 0)
        if not _OWN_MARKET.search(text, a, m.start):
            continue  # the marketing verb is in another sentence or line
        sent = Span(a, min(len(text), b + 1))
        if _FORWARD.search(text, sent.start, sent.end) or not _MEDICINE.search(text, sent.start, sent.end):
            continue
        _emit(ctx, [ctx.canon[m.name]], "phase", "Approved", "marketed", sent)


# a medicine, not a device, software or farm product that a company also "markets"
_MEDICINE = re.compile(r"\b(?:for the treatment of|to treat|indicated for|injection|tablets?|capsules?|nasal spray|oral solution|\d+ ?mg|prescription|medicines?|medications?|drugs?)\b", re.I)
_FORWARD = re.compile(r"forward-looking|if approved|upon approval|once approved|pending approval|may market|plans? to market|intends? to", re.I)


def _introduced_by_name(text: str, m: Mention) -> bool:
    """"Their drug is called efruxifermin": the release introduces its subject."""
    a = text.rfind(". ", 0, m.start) + 2
    return m.start - a <= 120 and _NAMING.search(text[a:m.start]) is not None


def _passing_mentions(text: str, mentions: list[Mention], canon: dict[str, str], issuer: str | None = None) -> set[str]:
    """Drugs named once, by a nonproprietary or brand name only.

    Such a drug is context ("the only FDA-approved drug for Rett syndrome is
    trofinetide", components of a combination product), not a subject of the
    release: it gets no facts. Code names are company-specific and always
    count, and so does the studied agent of a trial ("Phase 2 trial of
    vidofludimus calcium").
    """
    count: dict[str, int] = {}
    coded: set[str] = set()
    for m in mentions:
        if m.comparator:
            continue
        c = canon[m.name]
        count[c] = count.get(c, 0) + 1
        if (m.kind == "code" or m.introduced or _STUDIED.search(text, max(0, m.start - 30), m.start) or _in_development(text, m)
                or _own_marketed(text, m, issuer) or _introduced_by_name(text, m)):
            coded.add(c)
    return {c for c, n in count.items() if n == 1 and c not in coded}


def _trial_phases(ctx: _Ctx) -> None:
    """A phase printed with a named trial of one drug is that drug's phase, even in a
    sentence that names no drug: "data from the Phase 2 STAR trial" when the release
    says elsewhere that STAR evaluates X."""
    owners: dict[str, set[str]] = {}
    for f in ctx.facts:
        if f.kind == "trial":
            owners.setdefault(f.value, set()).add(f.drug)
    trials = {t: next(iter(ds)) for t, ds in owners.items() if len(ds) == 1 and len(t) >= 3}
    if not trials:
        return
    have = {(f.drug, f.value) for f in ctx.facts if f.kind == "phase"}
    text = ctx.text
    names = "|".join(re.escape(t) for t in sorted(trials, key=len, reverse=True))
    for m in re.finditer(r"(?<![\w-])[Pp]hase[ \t]*[0-9IV]{1,3}[abAB]?(?:/[0-9IV]{1,3}[abAB]?)?[ \t]+(?:clinical[ \t]+|pivotal[ \t]+)?(?P<t>" + names + r")[ \t]+(?:trial|study)\b", text):
        pm = phases.PHASE_RE.match(text, m.start())
        drug = trials[m.group("t")]
        sec = ctx.doc.section_at(m.start())
        if pm is None or (sec is not None and sec.kind in _SKIP_SECTIONS) or _inside_boilerplate(text, m.start()):
            continue
        value = phases.normalize(pm)
        lo = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1)
        hi = min(x for x in (text.find(". ", m.end()), text.find("\n", m.end()), len(text)) if x >= 0)
        if (drug, value) in have or phases.FUTURE_START.search(text[max(lo, m.start() - 80):m.start()]) or phases.FUTURE_AFTER.match(text, m.end(), hi):
            continue
        n_before = len(ctx.facts)
        _emit(ctx, [drug], "phase", value, " ".join(pm.group().split()), Span(lo, hi + 1 if hi < len(text) else hi))
        if phases.is_past(text, m.start(), pm.end(), lo, hi):
            ctx.past.update(id(f) for f in ctx.facts[n_before:])
        have.add((drug, value))


def _inside_boilerplate(text: str, pos: int) -> bool:
    return "forward-looking" in text[max(0, pos - 400):pos].lower()


def _headline_only(ctx: _Ctx, f: PipelineFact) -> bool:
    """``f`` is printed in the headline and nowhere else as a current phase of its drug."""
    sec = ctx.doc.section_at(f.char_start)
    if sec is None or sec.kind != "headline":
        return False
    return not any(
        o.kind == "phase" and o.drug == f.drug and o.value == f.value and id(o) not in ctx.past
        and (ctx.doc.section_at(o.char_start) or sec).kind != "headline"
        for o in ctx.facts
    )


def _finish(ctx: _Ctx, passing: set[str]) -> list[PipelineFact]:
    # A refuse-to-file letter or CRL in the release means the filing is not (yet) accepted.
    rejected = {f.drug for f in ctx.facts if f.kind == "regulatory" and f.value in ("refuse_to_file", "crl")}
    # a drug's furthest phase; a past or compared phase below it is history
    current: dict[str, int] = {}
    for f in ctx.facts:
        if f.kind == "phase":
            current[f.drug] = max(current.get(f.drug, -1), phases.RANK.get(f.value, -1))
    # an undated mention of an event the release dates elsewhere is that same event
    dated = {(f.drug, f.value) for f in ctx.facts if f.kind == "milestone" and f.expected_end is not None}
    # a registry number only adds to what the release says of a drug: alone it cannot make a
    # product (a supplement "studied in NCT0...") a drug with facts
    known = {f.drug for f in ctx.facts if not (f.kind == "trial" and attributes.is_registry_number(f.value))}
    # "plans ..., alongside commencing the Phase 3 trial": the sentence that sets the
    # start of a phase as a milestone does not also make it the drug's current phase
    starting = {(f.drug, f.char_start, f.value) for f in ctx.facts if f.kind == "milestone" and f.value.endswith(" start")}
    out = []
    seen = set()
    for f in sorted(ctx.facts, key=lambda f: (f.char_start, f.drug, f.kind, f.value, f.detail or "", f.indication or "")):
        if f.drug not in known:
            continue
        if f.kind == "milestone" and f.expected_end is None and f.detail is None and (f.drug, f.value) in dated:
            continue
        if f.kind == "phase" and f.value == "Filed" and f.drug in rejected:
            continue
        if f.kind == "phase" and (f.drug, f.char_start, f.value + " start") in starting:
            continue
        if f.drug in passing:
            continue
        if f.kind == "phase" and id(f) in ctx.past and phases.RANK.get(f.value, -1) < current.get(f.drug, -1):
            continue
        if f.kind == "phase" and id(f) in ctx.data_of and f.drug not in rejected and current.get(f.drug, -1) >= _FILED:
            continue  # "FDA acceptance of the X NDA ... positive Phase 3 data": the trials behind the filing
        if f.kind == "phase" and (f.drug, f.value) in ctx.planned and _headline_only(ctx, f):
            continue  # "Acme Advances X Into Phase 2 Trial" over a body that says "cleared to begin a Phase 2 trial of X"
        # a milestone is one event and window, however its date is printed ("Mid-2012", "mid-2012")
        detail = None if f.kind in ("indication", "target", "payload", "partner", "trial", "milestone") else f.detail
        key = (f.drug, f.kind, f.value, detail, f.indication, f.expected_start, f.expected_end)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
