"""Data for ``pipelines.docmeta``: exchange aliases and doc-type keyword weights.

Kept as plain data so they can be tuned without touching the logic. (Python
rather than CSV because the package data rules ship only financial/ and drugs/
CSVs.)
"""

# Exchange name as written in a listing, lower-cased -> canonical name.
EXCHANGE_ALIASES = {
    'nasdaq': 'NASDAQ',
    'nasdaq gs': 'NASDAQ',
    'nasdaq gm': 'NASDAQ',
    'nasdaq cm': 'NASDAQ',
    'nasdaqgs': 'NASDAQ',
    'nasdaqgm': 'NASDAQ',
    'nasdaqcm': 'NASDAQ',
    'nasdaq global select': 'NASDAQ',
    'nasdaq global market': 'NASDAQ',
    'nasdaq capital market': 'NASDAQ',
    'nyse': 'NYSE',
    'new york stock exchange': 'NYSE',
    'nyse american': 'NYSE American',
    'nyse mkt': 'NYSE American',
    'nyse amex': 'NYSE American',
    'amex': 'NYSE American',
    'nyse arca': 'NYSE Arca',
    'tsx': 'TSX',
    'tsxv': 'TSXV',
    'tsx-v': 'TSXV',
    'tsx venture': 'TSXV',
    'cse': 'CSE',
    'neo': 'Cboe Canada',
    'cboe': 'Cboe',
    'otc': 'OTC',
    'otc markets': 'OTC',
    'otcmkts': 'OTC',
    'otc pink': 'OTC Pink',
    'otcpink': 'OTC Pink',
    'otcqb': 'OTCQB',
    'otcqx': 'OTCQX',
    'asx': 'ASX',
    'lse': 'LSE',
    'aim': 'AIM',
    'euronext': 'Euronext',
    'euronext paris': 'Euronext',
    'euronext brussels': 'Euronext',
    'euronext amsterdam': 'Euronext',
    'euronext growth': 'Euronext',
    'six': 'SIX',
    'fwb': 'FWB',
    'fse': 'FWB',
    'frankfurt': 'FWB',
    'xetra': 'XETRA',
    'hkex': 'HKEX',
    'sehk': 'HKEX',
    'sgx': 'SGX',
    'tase': 'TASE',
    'nzx': 'NZX',
    'jse': 'JSE',
    'bse': 'BSE',
    'nse': 'NSE',
    'krx': 'KRX',
    'kosdaq': 'KOSDAQ',
    'tyo': 'TSE',
    'tse': 'TSE',
    'omx': 'Nasdaq Nordic',
    'nasdaq stockholm': 'Nasdaq Nordic',
    'nasdaq copenhagen': 'Nasdaq Nordic',
    'nasdaq helsinki': 'Nasdaq Nordic',
    'ose': 'Oslo Bors',
}

# (doc_type, weight, phrases). A phrase is lower-case words; the release's
# words are matched exactly (list the inflections you want). Title hits count
# three times body hits; each phrase counts once per zone. "biotech" is not a
# type: it measures whether the release is about drugs at all; without enough
# of it every release is "other".
DOC_TYPE_KEYWORDS = (
    ("earnings", 5, ("financial results", "financial and operating results", "operating results")),
    ("earnings", 3, ("first quarter", "second quarter", "third quarter", "fourth quarter", "quarterly results",
                     "q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q", "earnings")),
    ("earnings", 2, ("full year", "full-year", "year end", "year-end", "quarter ended", "months ended",
                     "net loss", "net income", "reports results", "reported results")),
    # Not "results" alone: trials, surveys and funds report results too; an
    # earnings title says which period ("Q3 ... Results", TITLE_COMBOS).
    ("earnings", 1, ("revenue", "revenues", "fiscal", "cash equivalents")),
    ("clinical", 3, ("topline", "top-line", "first patient", "clinical data", "interim analysis", "primary endpoint")),
    ("clinical", 2, ("trial", "trials", "phase 1", "phase 2", "phase 3", "phase i", "phase ii", "phase iii",
                     "phase 1b", "phase 2a", "phase 2b", "phase 1/2", "phase i/ii", "clinical", "enrollment",
                     "enrolment", "enrolled", "efficacy", "endpoint", "placebo", "cohort", "dosed", "dosing",
                     "interim results", "positive results", "preliminary data", "promising results",
                     "encouraging results", "long-term results", "preclinical", "pre-clinical", "in vivo")),
    ("clinical", 1, ("data", "study", "studies", "patients", "presents", "presented", "presentation", "abstract",
                     "poster", "results from", "peer-reviewed")),
    ("regulatory", 5, ("refuse to file", "refusal to file", "complete response letter", "pdufa")),
    ("regulatory", 3, ("approval", "approved", "approves", "designation", "ind", "bla", "nda", "anda", "maa", "sbla",
                       "snda", "marketing authorization", "marketing authorisation", "fast track",
                       "breakthrough therapy", "orphan drug", "rmat", "priority review", "accelerated approval",
                       "type c meeting", "type b meeting", "type a meeting", "investigational new drug")),
    ("regulatory", 2, ("fda", "ema", "mhra", "pmda", "nmpa", "chmp", "health canada", "clearance", "cleared", "510 k")),
    ("deal", 5, ("earns milestone", "earned milestone", "milestone payment", "milestone payments", "upfront payment",
                 "definitive agreement", "license agreement", "licensing agreement")),
    ("deal", 3, ("deal", "strikes deal", "license", "licenses", "licensed", "licensing", "acquire", "acquires", "acquired", "acquisition",
                 "merger", "upfront", "up-front", "exclusive rights", "exclusive license")),
    ("deal", 2, ("collaboration", "agreement", "agreements", "royalty", "royalties", "partnership", "partner")),
    # "Achieves Milestone", "Reaches Patent Milestone": a milestone alone is
    # an achievement; the deal's is a "milestone payment" (above).
    ("deal", 1, ("milestone", "milestones")),
    ("corporate", 4, ("appoints", "appointed", "appointment", "names", "named", "joins", "public offering",
                      "at-the-market", "raises", "financing", "underwriter", "underwritten",
                      "private placement", "registered direct offering", "reverse stock split", "uplisting",
                      "investor conference", "investor conferences", "healthcare conference")),
    # Shareholder meetings: "Reports Results of Annual General Meeting" is no
    # earnings release (TITLE_COMBOS give way to these words too).
    ("corporate", 5, ("annual general meeting", "general meeting", "extraordinary general meeting",
                      "special meeting of shareholders", "special meeting of stockholders",
                      "agm", "egm", "annual meeting of shareholders", "annual meeting of stockholders",
                      "shareholder meeting", "shareholders meeting", "stockholder meeting", "stockholders meeting",
                      "voting results", "results of voting")),
    ("corporate", 2, ("chief executive officer", "ceo", "cfo", "chief financial officer", "chief medical officer",
                      "chief scientific officer", "chief operating officer", "board of directors", "to present at",
                      "to participate in", "will participate", "fireside chat", "conference", "annual meeting",
                      "conferences", "offering", "webinar", "funding")),
    ("biotech", 1, ("patient", "patients", "clinical", "therapeutic", "therapeutics", "therapy", "therapies", "drug",
                    "drugs", "fda", "ema", "biotech", "biotechnology", "pharmaceutical", "pharmaceuticals", "pharma",
                    "disease", "diseases", "treatment", "treatments", "trial", "trials", "oncology", "cancer",
                    "antibody", "antibodies", "molecule", "dose", "doses", "dosing", "indication", "biopharmaceutical",
                    "medicine", "medicines", "vaccine", "vaccines", "life sciences", "preclinical", "biologic",
                    "biologics", "tumor", "tumors", "syndrome", "disorder", "disorders", "anticancer", "ind", "bla", "nda")),
)

# Title combinations: (doc_type, weight, any of these words, and any of
# these, and none of these). "Acme Reports Q3 2025 Results": the period and
# "results" together say earnings far more surely than either word alone,
# unless the results are a meeting's ("Results of Annual General Meeting").
TITLE_COMBOS = (
    ("earnings", 6,
     ("q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q", "quarter", "quarterly", "half-year", "full-year", "fiscal",
      "annual", "year-end", "h1", "h2", "1h", "2h"),
     ("results", "earnings", "financials"),
     ("meeting", "agm", "egm", "vote", "voting", "election", "poll")),
)
