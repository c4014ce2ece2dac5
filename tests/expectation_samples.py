"""Warehouse frames for seed 000 (ImmunoGen, 2Q fiscal 2011), built by hand.

The figures are the true content of that release (in thousands except per
share). The document text is *not* the release's wording: it is a short
synthetic rendering of the same figures, generated here so that offsets and
evidence are self-consistent. Used by the tests and handy for timing
``run_all`` or demonstrating the checks without running extraction.

:func:`restate` makes a corrupted copy the way a wrong release would look:
the value changes *and* the printed figure in the text changes with it, so
only the checks about that number should fail.
"""

from __future__ import annotations

import copy
from datetime import date

import pandas as pd

DOC_ID = "000"
SOURCE_PATH = "inbox/000_immunogen_2qfy2011.txt"
RELEASE = date(2011, 1, 27)

Q3_10 = (date(2010, 10, 1), date(2010, 12, 31), 3, "2QFY2011")
Q3_09 = (date(2009, 10, 1), date(2009, 12, 31), 3, "2QFY2010")
H6_10 = (date(2010, 7, 1), date(2010, 12, 31), 6, "6M FY2011")
H6_09 = (date(2009, 7, 1), date(2009, 12, 31), 6, "6M FY2010")
IS_PERIODS = (Q3_10, Q3_09, H6_10, H6_09)
BS_PERIODS = ((None, date(2010, 12, 31), 0, "2QFY2011"), (None, date(2010, 6, 30), 0, "FY2010"))

# (row_no, label, concept, unit, figures per period or None for a heading)
INCOME_STATEMENT = [
    (1, "Revenues:", None, None, None),
    (2, "Research and development support", "ResearchAndDevelopmentSupportRevenue", "USD", (2005, 1283, 3500, 2065)),
    (3, "License and milestone fees", "LicenseAndMilestoneFeesRevenue", "USD", (866, 827, 2676, 2658)),
    (4, "Clinical materials reimbursement", "ClinicalMaterialsReimbursementRevenue", "USD", (1307, 998, 1413, 1484)),
    (5, "Total revenues", "Revenues", "USD", (4178, 3108, 7589, 6207)),
    (6, "Expenses:", None, None, None),
    (7, "Research and development", "ResearchAndDevelopmentExpense", "USD", (16004, 12211, 29429, 24399)),
    (8, "General and administrative", "GeneralAndAdministrativeExpense", "USD", (3688, 3886, 7052, 7478)),
    (9, "Total operating expenses", "OperatingExpenses", "USD", (19692, 16097, 36481, 31877)),
    (10, "Loss from operations", "OperatingIncomeLoss", "USD", (-15514, -12989, -28892, -25670)),
    (11, "Other income (expense), net", "NonoperatingIncomeExpense", "USD", (1281, -19, 1771, 125)),
    (12, "Loss before taxes", "IncomeLossBeforeIncomeTaxes", "USD", (-14233, -13008, -27121, -25545)),
    (13, "(Benefit)/provision for income taxes", "IncomeTaxExpenseBenefit", "USD", (0, 0, 0, -162)),
    (14, "Net loss", "NetIncomeLoss", "USD", (-14233, -13008, -27121, -25383)),
    (15, "Net loss per share, basic and diluted", "EarningsPerShareBasicAndDiluted", "USD/share", (-0.21, -0.23, -0.40, -0.44)),
    (16, "Average common shares outstanding", "WeightedAverageNumberOfShareOutstandingBasicAndDiluted", "shares", (67965, 57156, 67961, 57094)),
]
BALANCE_SHEET = [
    (1, "ASSETS", None, None, None),
    (2, "Cash, cash equivalents and marketable securities", "CashCashEquivalentsAndMarketableSecurities", "USD", (128486, 110298)),
    (3, "Other assets", "OtherAssets", "USD", (25319, 26910)),
    (4, "Total assets", "Assets", "USD", (153805, 137208)),
    (5, "LIABILITIES AND SHAREHOLDERS' EQUITY", None, None, None),
    (6, "Current liabilities", "LiabilitiesCurrent", "USD", (10738, 13822)),
    (7, "Long-term portion of deferred revenue and other long-term liabilities", "DeferredRevenueAndOtherLiabilitiesNoncurrent", "USD", (64890, 21338)),
    (8, "Shareholders' equity", "StockholdersEquity", "USD", (78177, 102048)),
    (9, "Total liabilities and shareholders' equity", "LiabilitiesAndStockholdersEquity", "USD", (153805, 137208)),
]

# Narrative facts: (key, concept, period, value in base units, decimals, printed phrase)
NARRATIVE = [
    ("ni_q10", "NetIncomeLoss", Q3_10, -14_200_000, -5, "a net loss of $14.2 million"),
    ("eps_q10", "EarningsPerShareBasicAndDiluted", Q3_10, -0.21, 2, "or $0.21 per basic and diluted share"),
    ("ni_q09", "NetIncomeLoss", Q3_09, -13_000_000, -5, "a net loss of $13.0 million"),
    ("eps_q09", "EarningsPerShareBasicAndDiluted", Q3_09, -0.23, 2, "or $0.23 per share"),
    ("rev_q10", "Revenues", Q3_10, 4_200_000, -5, "revenues of $4.2 million"),
    ("rev_q09", "Revenues", Q3_09, 3_100_000, -5, "against $3.1 million"),
    ("opex_q10", "OperatingExpenses", Q3_10, 19_700_000, -5, "operating expenses of $19.7 million"),
    ("opex_q09", "OperatingExpenses", Q3_09, 16_100_000, -5, "against $16.1 million"),
    ("rd_q10", "ResearchAndDevelopmentExpense", Q3_10, 16_000_000, -5, "R&D of $16.0 million"),
    ("rd_q09", "ResearchAndDevelopmentExpense", Q3_09, 12_200_000, -5, "against $12.2 million"),
    ("ga_q10", "GeneralAndAdministrativeExpense", Q3_10, 3_700_000, -5, "G&A of $3.7 million"),
    ("ga_q09", "GeneralAndAdministrativeExpense", Q3_09, 3_900_000, -5, "against $3.9 million"),
    ("oi_q10", "NonoperatingIncomeExpense", Q3_10, 1_300_000, -5, "other income, net of $1.3 million"),
    ("oi_q09", "NonoperatingIncomeExpense", Q3_09, -19_000, -3, "against $(19,000)"),
    ("cash_10", "CashCashEquivalentsAndMarketableSecurities", BS_PERIODS[0], 128_500_000, -5, "cash and marketable securities of $128.5 million"),
    ("cash_06", "CashCashEquivalentsAndMarketableSecurities", BS_PERIODS[1], 110_300_000, -5, "against $110.3 million"),
]
FY2011 = (date(2010, 7, 1), date(2011, 6, 30), 12, "FY2011")
GUIDANCE = [
    ("g_ni", "NetIncomeLoss", "USD", FY2011, (-64_000_000, -60_000_000), -6, "a net loss of $60-64 million"),
    ("g_cash", "CashCashEquivalentsAndMarketableSecurities", "USD",
     (None, date(2011, 6, 30), 0, "FY2011"), (106_000_000, 110_000_000), -6, "cash and marketable securities of $106-110 million"),
]


class _Text:
    """Builds the synthetic clean text and remembers where each piece went."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.n
        self.parts.append(s)
        self.n += len(s)
        return start, self.n

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _fmt_cell(v: float, unit: str) -> str:
    if unit == "USD/share":
        s = f"{abs(v):.2f}"
    elif v == 0:
        return "-"
    else:
        s = f"{abs(v):,.0f}"
    return f"({s})" if v < 0 else s


def seed_000_frames() -> dict[str, pd.DataFrame]:
    t = _Text()
    facts: list[dict] = []
    t.add("ImmunoGen, Inc. reports second quarter fiscal 2011 results (synthetic rendering).\n\n")

    def fact(concept, label, value, unit, decimals, period, source, span, evidence, **kw):
        start, end, months, fiscal = period
        facts.append(
            dict(
                fact_id=f"{DOC_ID}-f{len(facts) + 1:03d}", doc_id=DOC_ID, section_no=kw.pop("section_no", 3),
                concept=concept, label=label, value=value, unit=unit, decimals=decimals,
                period_start=start, period_end=end, months=months, fiscal_label=fiscal,
                source=source, is_guidance=kw.pop("is_guidance", False),
                value_low=kw.pop("value_low", None), value_high=kw.pop("value_high", None),
                evidence=evidence, char_start=span[0], char_end=span[1], status="ok",
                table_no=kw.pop("table_no", None), row_no=kw.pop("row_no", None),
            )
        )

    # Narrative.
    for key, concept, period, value, decimals, phrase in NARRATIVE:
        span = t.add(phrase)
        t.add("; ")
        fact(concept, phrase, value, "USD/share" if concept.startswith("EarningsPerShare") else "USD",
             decimals, period, "text", span, phrase, section_no=2)
    t.add("\n\nGuidance for fiscal 2011: ")
    for key, concept, unit, period, (low, high), decimals, phrase in GUIDANCE:
        span = t.add(phrase)
        t.add("; ")
        fact(concept, phrase, None, unit, decimals, period, "text", span, phrase,
             is_guidance=True, value_low=low, value_high=high, section_no=4)

    # Tables: one line per row, every figure in thousands except per share.
    for table_no, rows, periods_ in ((1, INCOME_STATEMENT, IS_PERIODS), (2, BALANCE_SHEET, BS_PERIODS)):
        t.add(f"\n\nTABLE {table_no}\n")
        for row_no, label, concept, unit, figures in rows:
            if figures is None:
                t.add(label + "\n")
                continue
            line = label + "\t" + "\t".join(_fmt_cell(v, unit) for v in figures)
            span = t.add(line)
            t.add("\n")
            for period, v in zip(periods_, figures):
                if unit == "USD/share":
                    value, decimals = v, 2
                else:
                    value, decimals = v * 1000, -3
                fact(concept, label, float(value), unit, decimals, period, "table", span, line,
                     table_no=table_no, row_no=row_no, section_no=5 + table_no)

    # Pipeline and deal statements.
    t.add("\n\nPipeline: ")
    pipeline = []
    for drug, kind, value, phrase in [
        ("IMGN901", "phase", "Phase 1/2", "IMGN901 entered a Phase 1/2 trial in small-cell lung cancer"),
        ("IMGN901", "indication", "small-cell lung cancer", "small-cell lung cancer"),
        ("IMGN901", "regulatory", "orphan_drug_designation", "IMGN901 holds orphan drug designation for multiple myeloma"),
        ("IMGN529", "phase", "Preclinical", "IMGN529 is in preclinical development"),
    ]:
        span = t.add(phrase)
        t.add(". ")
        pipeline.append(
            dict(fact_id=f"{DOC_ID}-p{len(pipeline) + 1:03d}", doc_id=DOC_ID, section_no=2, drug=drug,
                 kind=kind, value=value, detail=None, expected_start=None, expected_end=None,
                 evidence=phrase, char_start=span[0], char_end=span[1])
        )
    deal_phrase = "a $45 million upfront payment from Novartis"
    span = t.add(deal_phrase)
    t.add(".\n")
    deals = [dict(doc_id=DOC_ID, kind="upfront", counterparty="Novartis", amount=45_000_000.0, drug=None,
                  trigger="technology access collaboration", evidence=deal_phrase,
                  char_start=span[0], char_end=span[1])]

    documents = pd.DataFrame([dict(
        doc_id=DOC_ID, source_path=SOURCE_PATH, sha256="0" * 64, format="txt", status="read",
        reject_reason=None, title="ImmunoGen second quarter fiscal 2011 results (synthetic rendering)",
        release_date=RELEASE, company="ImmunoGen, Inc.", ticker="IMGN", exchange="Nasdaq", doc_type="earnings",
        ingested_at=pd.Timestamp("2026-11-22 00:00:00"), raw_text=t.text, clean_text=t.text,
    )])
    aliases = pd.DataFrame([
        dict(drug="IMGN901", alias="IMGN901", alias_type="code"),
        dict(drug="IMGN901", alias="lorvotuzumab mertansine", alias_type="inn"),
        dict(drug="IMGN529", alias="IMGN529", alias_type="code"),
    ])
    return {
        "documents": documents,
        "financial_facts": pd.DataFrame(facts),
        "pipeline_facts": pd.DataFrame(pipeline),
        "drug_aliases": aliases,
        "deals": pd.DataFrame(deals),
        "inbox_files": pd.DataFrame({"path": [SOURCE_PATH]}),
    }


def copy_frames(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {k: v.copy(deep=True) for k, v in copy.copy(frames).items()}


def find_fact(frames, concept: str, period_end: date, months: int, source: str = "table") -> str:
    ff = frames["financial_facts"]
    m = (
        (ff["concept"] == concept) & (pd.to_datetime(ff["period_end"]) == pd.Timestamp(period_end))
        & (ff["months"] == months) & (ff["source"] == source) & ~ff["is_guidance"].astype(bool)
    )
    ids = list(ff.loc[m, "fact_id"])
    if len(ids) != 1:
        raise LookupError(f"{len(ids)} facts for {concept} {period_end} {months}M {source}")
    return ids[0]


def restate(frames, fact_id: str, value: float, printed_old: str, printed_new: str) -> dict[str, pd.DataFrame]:
    """A copy where ``fact_id`` says ``value`` and its text prints ``printed_new``.

    ``printed_new`` must have the length of ``printed_old`` so no offset moves;
    the first occurrence of ``printed_old`` inside the fact's evidence span is
    replaced, and every fact whose evidence covers that span is refreshed.
    """
    if len(printed_old) != len(printed_new):
        raise ValueError("restate keeps offsets: printed forms must have the same length")
    out = copy_frames(frames)
    ff, docs = out["financial_facts"], out["documents"]
    i = ff.index[ff["fact_id"] == fact_id][0]
    doc_i = docs.index[docs["doc_id"] == ff.at[i, "doc_id"]][0]
    text = docs.at[doc_i, "clean_text"]
    start, end = int(ff.at[i, "char_start"]), int(ff.at[i, "char_end"])
    pos = text.find(printed_old, start, end)
    if pos < 0:
        raise ValueError(f"{printed_old!r} not in the evidence of {fact_id}")
    text = text[:pos] + printed_new + text[pos + len(printed_old):]
    docs.at[doc_i, "clean_text"] = text
    ff.at[i, "value"] = float(value)
    same_doc = ff["doc_id"] == ff.at[i, "doc_id"]
    ff.loc[same_doc, "evidence"] = [
        text[int(s):int(e)] for s, e in zip(ff.loc[same_doc, "char_start"], ff.loc[same_doc, "char_end"])
    ]
    return out
