"""describe: title, release date, issuer, listing and doc type from the release text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipelines.document import prepare
from pipelines.ingest import read_document
from pipelines.model import DOC_TYPES
from tests.conftest import seed_path

SAMPLE_INBOX = Path(__file__).resolve().parents[1] / "pipelines" / "sample_inbox"


def described(text: str):
    return prepare("test", text)


def seed_doc(prefix: str):
    return prepare(prefix, seed_path(prefix).read_text(encoding="utf-8"))


# --- seeds ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, released, doc_type",
    [
        ("000", date(2011, 1, 27), "earnings"),
        ("001", date(2012, 3, 30), "clinical"),
        ("002", date(2010, 8, 27), "regulatory"),
        ("003", None, "clinical"),
        ("004", date(2011, 6, 14), "deal"),
    ],
)
def test_seed_metadata(prefix, released, doc_type):
    doc = seed_doc(prefix)
    assert doc.release_date == released
    assert doc.company == "ImmunoGen, Inc."
    assert (doc.ticker, doc.exchange) == ("IMGN", "NASDAQ")
    assert doc.doc_type == doc_type


def test_seed_titles_are_the_headlines():
    assert seed_doc("000").title == "ImmunoGen, Inc. Reports Second Quarter Fiscal Year 2011 Financial Results"
    assert seed_doc("002").title == "Genentech Receives Refuse to File Letter from FDA for T-DM1"


# --- dev files (values checked by reading the files) -----------------------------

DEV_EXPECTATIONS = [
    ("kamada-q1-results", date(2025, 6, 11), "KMDA", "NASDAQ", "Kamada Ltd."),
    ("biocorrx-pharmaceuticals-inc-announces", date(2025, 3, 10), "BICX", "OTCQB", "BioCorRx Inc."),
    ("lexaria-provides-positive-interim", date(2025, 7, 28), "LEXX", "NASDAQ", "Lexaria Bioscience Corp."),
    ("heidelberg-pharma-to-present", date(2025, 11, 3), "HPHA", "FWB", "Heidelberg Pharma AG"),
    ("esgbreaks-ucore-rare-metals", None, "UCU", "TSXV", "Ucore Rare Metals"),
    ("annovis-bio-nyse-anvs", None, "ANVS", "NYSE", "Annovis Bio"),
    ("igc-pharma-releases-positive", None, "IGC", "NYSE American", "IGC Pharma"),
    ("paltalk", None, None, None, None),  # not in dev: skipped below
]


@pytest.mark.parametrize("stem, released, ticker, exchange, company", DEV_EXPECTATIONS[:-1])
def test_dev_release_metadata(dev_dir, stem, released, ticker, exchange, company):
    path = next(dev_dir.rglob(f"{stem}*.md"))
    doc = described(path.read_text(encoding="utf-8"))
    assert doc.release_date == released
    assert (doc.ticker, doc.exchange) == (ticker, exchange)
    assert doc.company == company


def test_non_drug_releases_that_say_phase_are_other(dev_dir):
    for stem in ("metavesco-accelerates-phase-1", "steppe-gold-announces", "atha-energy-prepares",
                 "tectum-blockchain", "esgbreaks-ucore"):
        path = next(dev_dir.rglob(f"{stem}*.md"))
        assert described(path.read_text(encoding="utf-8")).doc_type == "other", stem


def test_dev_doc_types_are_valid_and_mostly_drug_types(dev_dir):
    types = [described(p.read_text(encoding="utf-8")).doc_type for p in sorted(dev_dir.rglob("*.md"))]
    assert set(types) <= set(DOC_TYPES)
    assert types.count("clinical") + types.count("regulatory") > len(types) // 2


# --- rules ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "dateline, released",
    [
        ("BOSTON, Jan 27, 2011 (BUSINESS WIRE) -- Acme Bio, Inc. (Nasdaq: ACME) today said.", date(2011, 1, 27)),
        ("BOSTON, MA, March 30, 2012 - Acme Bio, Inc. (Nasdaq: ACME) today said.", date(2012, 3, 30)),
        ("DETROIT, MICHIGAN - June 11, 2025 (NEWMEDIAWIRE) - Acme Bio Ltd. (NASDAQ: ACME) said.", date(2025, 6, 11)),
        ("LONDON, 11 June 2025 -- Acme Bio plc (LSE: ACME) today said.", date(2025, 6, 11)),
        ("BOSTON, 2025-06-11 -- Acme Bio, Inc. (Nasdaq: ACME) today said.", date(2025, 6, 11)),
        ("JERICHO, N.Y. - (NewMediaWire) - November 12, 2024 - Acme Bio, Inc. (Nasdaq: ACME) said.", date(2024, 11, 12)),
        ("SHIRLEY, NY, May 15, 2025 /24-7PressRelease/ -- Acme Bio said.", date(2025, 5, 15)),
        ("Austin, TX (Newsworthy.ai) Friday Mar 15, 2024 @ 9:00 AM Central -- Acme Bio said.", date(2024, 3, 15)),
        ("BOSTON, MA -- May 28th, 2024 at 3:00pm -- Acme Bio said.", date(2024, 5, 28)),
        ("HUDSON, FL / PR Wire / June 28, 2024 10:45\n\nAcme Bio, Inc. said it would start a trial.", date(2024, 6, 28)),
    ],
)
def test_dateline_dates(dateline, released):
    assert described(f"Acme Bio Starts Phase 2 Trial\n\n{dateline}").release_date == released


def test_bare_date_line_under_the_headline_is_the_release_date():
    doc = described("Acme Bio Starts Trial\n\nMarch 3, 2025\n\nAcme Bio, Inc. (Nasdaq: ACME) said on a call it would start a trial.")
    assert doc.release_date == date(2025, 3, 3)


@pytest.mark.parametrize("line", ["Release Date: August 25, 2025", "FOR IMMEDIATE RELEASE - August 25, 2025"])
def test_labelled_date_line_under_the_headline_is_the_release_date(line):
    doc = described(f"Acme Bio Starts Trial\n\n{line}\n\nAcme Bio, Inc. (Nasdaq: ACME) is starting a trial of AB-101.")
    assert doc.release_date == date(2025, 8, 25)


def test_a_conference_call_date_is_not_the_release_date():
    doc = described(
        "Acme Bio Files Its Quarterly Report\n\nAcme Bio, Inc. has filed its quarterly report.\n\nConference Call Details:"
        "\n\nDATE: Tuesday, August 13, 2024\n\nTIME: 11:00 am EDT"
    )
    assert doc.release_date is None


def test_the_release_dateline_wins_over_a_wire_date_line_above_it():
    doc = described(
        "Acme Bio Update\n\nDallas, TX, FEBRUARY 18, 2025\n\nDALLAS, TX -- February 18, 2026 -- Acme Bio, Inc. "
        "(Nasdaq: ACME) said it would start a trial of AB-101."
    )
    assert doc.release_date == date(2026, 2, 18)


def test_dates_in_passing_are_not_release_dates():
    doc = described(
        "Acme Bio Reports Results\n\nAcme Bio, Inc. (Nasdaq: ACME) had cash of $5 million as of December 31, 2010, "
        "and submitted its application in July 2010. It will meet the FDA on March 3, 2011."
    )
    assert doc.release_date is None


def test_today_with_a_date_is_a_release_date():
    doc = described("Acme Call\n\nAcme will host a call today, Friday, August 27, 2010 at 8:30 am.")
    assert doc.release_date == date(2010, 8, 27)


@pytest.mark.parametrize(
    "listing, ticker, exchange",
    [
        ("(Nasdaq: IMGN)", "IMGN", "NASDAQ"),
        ("(NASDAQ:KMDA)", "KMDA", "NASDAQ"),
        ("(NYSE: ANVS)", "ANVS", "NYSE"),
        ("(NYSE American: XYZ)", "XYZ", "NYSE American"),
        ("(TSXV: UCU) (OTCQX: UURAF)", "UCU", "TSXV"),
        ("(Nasdaq: LEXX, LEXXW)", "LEXX", "NASDAQ"),
        ("(OTCQB: BICX)", "BICX", "OTCQB"),
        ("(ASX: ABC)", "ABC", "ASX"),
        ("(Euronext Paris: ALXYZ)", "ALXYZ", "Euronext"),
        ("(Nasdag: IMGN)", "IMGN", "NASDAQ"),
    ],
)
def test_listings_normalise_exchange_names(listing, ticker, exchange):
    doc = described(f"Acme News\n\nBOSTON, May 1, 2025 -- Acme Bio, Inc. {listing} today announced things.")
    assert (doc.ticker, doc.exchange) == (ticker, exchange)
    assert doc.company == "Acme Bio, Inc."


def test_company_skips_defined_terms_and_sentence_openers():
    doc = described(
        'Acme News\n\nToday Acme Bio, Inc. ("Acme" or the "Company") (Nasdaq: ACME) announced a thing.'
    )
    assert doc.company == "Acme Bio, Inc."


def test_company_falls_back_to_about_heading_then_none():
    doc = described("Big News Today\n\nSomething happened to someone in a town.\n\nAbout Zeta Labs\n\nZeta Labs is a company.")
    assert doc.company == "Zeta Labs"
    assert (doc.ticker, doc.exchange) == (None, None)
    assert described("Big News Today\n\nSomething happened in a town.").company is None


@pytest.mark.parametrize(
    "title, first_paragraph, doc_type",
    [
        ("Acme Bio Reports Third Quarter 2025 Financial Results",
         "Acme Bio, a clinical-stage biotechnology company developing cancer therapies for patients, reported net loss.",
         "earnings"),
        ("Acme Bio Announces Positive Topline Data from Phase 3 Trial",
         "The trial enrolled 400 patients with the disease; the primary endpoint was met for the drug.", "clinical"),
        ("FDA Grants Breakthrough Therapy Designation to Acme Bio's ACM-1",
         "The FDA granted the designation for the treatment of patients with a rare disease.", "regulatory"),
        ("Acme Bio and Beta Pharma Enter License Agreement",
         "Acme receives a $20 million upfront payment and milestone payments plus royalties on the drug for cancer patients.",
         "deal"),
        ("Acme Bio Appoints Jane Roe as Chief Executive Officer",
         "Acme Bio, a biotechnology company developing therapies for patients with cancer, named a new CEO.", "corporate"),
        ("Acme Coffee Launches Phase 2 of Its Store Expansion Plan",
         "The coffee chain will open stores in phase 2 of its plan and report results next quarter.", "other"),
        # a meeting's results are no earnings, however "annual" and "results" sit together
        ("Acme Bio Reports Results of Annual General Meeting",
         "Acme Bio, a biotechnology company developing cancer therapies for patients, announced that all resolutions "
         "put to shareholders at its annual general meeting were passed.", "corporate"),
        ("Acme Therapeutics Reports Annual Meeting Voting Results",
         "Stockholders of Acme Therapeutics, a clinical-stage company developing drugs for patients, elected all "
         "director nominees and approved the reverse stock split.", "corporate"),
        # a period with "results" still says earnings
        ("Acme Bio Reports Annual Results for Fiscal 2025",
         "Acme Bio, a biotechnology company developing cancer therapies for patients, reported a net loss and revenue.",
         "earnings"),
        # results without a period are a study's, not a quarter's
        ("Acme Bio Reports Promising Long-Term Results for Alzheimer's Drug ACM-9",
         "Mice treated with the drug showed improved memory, the company said; the therapy is preclinical.", "clinical"),
        # preclinical data are research results too
        ("Acme Bio Shows Promise in Reducing Brain Inflammation in Newborn Study",
         "Acme Bio, a biopharmaceutical company, announced a publication showing that its drug reduced inflammation "
         "in a preclinical model of the disease.", "clinical"),
        # a milestone alone is an achievement, not a deal
        ("Acme Bio Achieves Milestone in Blood Purification Technology",
         "The device could help patients with kidney disease avoid dialysis treatment.", "other"),
        ("Acme Bio Presents Pipeline Updates at Investor Conferences",
         "Acme Bio, a biotechnology company developing therapies for patients with cancer, presented at two investor "
         "conferences; an FDA approval decision is expected next year.", "corporate"),
    ],
)
def test_doc_type_keyword_scoring(title, first_paragraph, doc_type):
    assert described(f"{title}\n\n{first_paragraph}").doc_type == doc_type


# --- sample inbox ---------------------------------------------------------------
# pipelines/sample_inbox holds releases of an invented issuer, Northwind
# Therapeutics, Inc. (Nasdaq: NWTX), one per style: a TAB-table earnings
# release (.txt), a markdown clinical update, a licensing deal hard-wrapped at
# 90 columns, an HTML page with a <table>, and a cp1252/CRLF appointment
# (its Word and e-mail releases are checked in test_ingest_formats.py).

SAMPLES = [
    ("2025-11-06-northwind-q3-2025-results.txt", date(2025, 11, 6), "earnings"),
    ("2025-09-15-northwind-phase-2-start.md", date(2025, 9, 15), "clinical"),
    ("2025-10-02-northwind-licensing-deal.txt", date(2025, 10, 2), "deal"),
    ("2025-12-01-northwind-fda-fast-track.html", date(2025, 12, 1), "regulatory"),
    ("2025-06-20-northwind-appoints-cfo.txt", date(2025, 6, 20), "corporate"),
]


@pytest.mark.parametrize("name, released, doc_type", SAMPLES)
def test_sample_inbox_metadata(name, released, doc_type):
    raw = read_document(SAMPLE_INBOX / name)
    doc = prepare(raw.doc_id, raw.raw_text)
    assert doc.release_date == released
    assert doc.doc_type == doc_type
    assert (doc.company, doc.ticker, doc.exchange) == ("Northwind Therapeutics, Inc.", "NWTX", "NASDAQ")
    assert doc.title.startswith("Northwind Therapeutics")
