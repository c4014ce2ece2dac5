"""A wire's web page: the release is read, the site chrome around it is not."""

from pathlib import Path

from pipelines.ingest_html import html_to_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_wire_page_keeps_the_release_and_drops_the_chrome():
    text = html_to_text((FIXTURES / "wire_page.html").read_text(encoding="utf-8"))
    blocks = text.strip().split("\n\n")
    assert blocks[0] == "Halvard Bio Announces First Patient Dosed in Phase 2 Trial of HLV-204"
    assert blocks[1].startswith("BOSTON, May 12, 2025 (NEWSWIRE) -- Halvard Bio, Inc.")
    assert "Topline data are expected in the second half of 2026." in text
    assert "Jane Roe, ir@halvard.example" in text  # contacts are the release's
    for chrome in ("cookies", "Pricing", "Biotechnology", "Share on Twitter", "Related News", "BRX-310", "CT-88"):
        assert chrome not in text


def test_wire_page_gives_no_drug_of_the_related_news():
    from pipelines.document import prepare
    from pipelines.drugs import extract_pipeline_facts

    path = FIXTURES / "wire_page.html"
    doc = prepare(str(path), html_to_text(path.read_text(encoding="utf-8")))
    facts, _ = extract_pipeline_facts(doc)
    assert {f.drug for f in facts} == {"HLV-204"}
    assert ("HLV-204", "target", "LPA1") in {(f.drug, f.kind, f.value) for f in facts}


def test_a_wrapper_named_like_chrome_that_holds_the_release_is_kept():
    page = (
        "<html><body><div class='story social-enabled'>"
        "<p>ACME, Jan 5, 2025 -- Acme Corp. reported revenue of $5.0 million for 2024.</p>"
        "<p>Net loss was $1.2 million.</p></div>"
        "<div class='share'>Share this</div></body></html>"
    )
    text = html_to_text(page)
    assert "revenue of $5.0 million" in text and "Net loss was $1.2 million." in text
    assert "Share this" not in text


def test_an_aside_inside_the_article_is_the_release_own_box():
    page = (
        "<html><body><article><h1>Acme Reports 2024 Results</h1>"
        "<aside><ul><li>Revenue of $5.0 million</li></ul></aside>"
        "<p>Acme Corp. today reported results.</p></article>"
        "<aside>Other news: Beta Corp. raises $9 million</aside></body></html>"
    )
    text = html_to_text(page)
    assert "Revenue of $5.0 million" in text
    assert "Beta Corp." not in text


def test_a_chrome_table_cell_is_not_dropped():
    # Statement tables are never chrome, whatever their cells are called.
    page = (
        "<html><body><p>Acme Corp. results.</p><table class='related'><tr><td>Revenue</td><td>5,000</td></tr>"
        "</table></body></html>"
    )
    assert "Revenue\t5,000" in html_to_text(page)
