"""Formats beyond text, HTML and PDF, and reading by content rather than suffix.

Every release here is invented (Corvane Bio, Lumora Health, Acme Bio). The
statement_release.* fixtures are one release saved by a word processor as
HTML, .docx, .odt, .rtf, PDF and Word 97 .doc: each must give the same
statement figures.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from pipelines.ingest import read_document, scan_inbox
from test_ingest import minimal_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def read(tmp_path: Path, name: str, data: bytes | str):
    return read_document(write(tmp_path, name, data))


# --- the same release in six formats ---------------------------------------

STATEMENT_FACTS = {
    ("CollaborationRevenue", 3, 2025): 12_400e3, ("CollaborationRevenue", 3, 2024): 8_100e3,
    ("CollaborationRevenue", 12, 2025): 41_250e3, ("CollaborationRevenue", 12, 2024): 30_900e3,
    ("ResearchAndDevelopmentExpense", 3, 2025): 22_310e3, ("ResearchAndDevelopmentExpense", 3, 2024): 19_870e3,
    ("ResearchAndDevelopmentExpense", 12, 2025): 85_400e3, ("ResearchAndDevelopmentExpense", 12, 2024): 77_015e3,
    ("GeneralAndAdministrativeExpense", 3, 2025): 6_020e3, ("GeneralAndAdministrativeExpense", 3, 2024): 5_410e3,
    ("GeneralAndAdministrativeExpense", 12, 2025): 23_150e3, ("GeneralAndAdministrativeExpense", 12, 2024): 21_700e3,
    ("OperatingExpenses", 3, 2025): 28_330e3, ("OperatingExpenses", 3, 2024): 25_280e3,
    ("OperatingExpenses", 12, 2025): 108_550e3, ("OperatingExpenses", 12, 2024): 98_715e3,
    ("NetIncomeLoss", 3, 2025): -15_930e3, ("NetIncomeLoss", 3, 2024): -17_180e3,
    ("NetIncomeLoss", 12, 2025): -67_300e3, ("NetIncomeLoss", 12, 2024): -67_815e3,
    ("EarningsPerShareBasicAndDiluted", 3, 2025): -0.31, ("EarningsPerShareBasicAndDiluted", 3, 2024): -0.36,
    ("EarningsPerShareBasicAndDiluted", 12, 2025): -1.32, ("EarningsPerShareBasicAndDiluted", 12, 2024): -1.41,
}


@pytest.mark.parametrize("suffix", ["html", "docx", "odt", "rtf", "pdf", "doc"])
def test_a_word_processor_release_gives_the_same_statement_in_every_format(suffix):
    from pipelines.document import prepare
    from pipelines.financial.tables import extract_table_facts

    raw = read_document(FIXTURES / f"statement_release.{suffix}")
    assert (raw.status, raw.format) == ("read", suffix), raw.reject_reason
    doc = prepare(raw.doc_id, raw.raw_text)
    assert doc.title == "Corvane Bio Reports Fourth Quarter and Full Year 2025 Financial Results"
    assert doc.release_date == date(2026, 2, 12)
    assert (doc.ticker, doc.doc_type) == ("CRVB", "earnings")
    facts = {}
    for f in extract_table_facts(doc):
        assert f.period_end == date(f.period_end.year, 12, 31)
        facts[(f.concept, f.months, f.period_end.year)] = f.value
    assert facts == STATEMENT_FACTS


@pytest.mark.parametrize("suffix", ["docx", "odt", "rtf", "doc"])
def test_office_tables_are_tab_rows_with_spanning_cells_kept_as_columns(suffix):
    lines = read_document(FIXTURES / f"statement_release.{suffix}").raw_text.splitlines()
    header = lines.index("\tThree Months Ended December 31,\t\tYear Ended December 31,\t")
    assert lines[header + 1] == "\t2025\t2024\t2025\t2024"
    assert lines[header + 2] == "Collaboration revenue\t$ 12,400\t$ 8,100\t$ 41,250\t$ 30,900"
    assert lines[header - 1] == "" and lines[header - 2] == "(in thousands, except per share amounts)"


# --- .docx built by hand: what word processors put around the text ---------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def docx(body: str, footnotes: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>{body}</w:body></w:document>')
        if footnotes is not None:
            z.writestr("word/footnotes.xml", f'<?xml version="1.0"?><w:footnotes {W_NS}>{footnotes}</w:footnotes>')
    return buffer.getvalue()


def p(*runs: str, style: str | None = None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_docx_paragraphs_tables_footnotes_and_what_is_not_text(tmp_path):
    body = "".join([
        p(r("Acme Bio Reports Data"), style="Title"),
        p(r("BOSTON, May 1, 2025 -- Acme Bio, "), '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden note</w:t></w:r>',
          '<w:del><w:r><w:delText>Old Name Inc.</w:delText></w:r></w:del>', '<w:ins>' + r("Inc.") + "</w:ins>",
          r(" reported revenue of $1.2 million"), '<w:r><w:footnoteReference w:id="1"/></w:r>', r(".")),
        p(r("Line one"), "<w:r><w:br/></w:r>", r("line two")),
        p('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
          + p(r("Boxed quote")) + '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>'
          + p(r("Boxed quote")) + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"),
        "<w:tbl>"
        '<w:tr><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + p(r("Three Months")) + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + p(r("Revenue")) + "</w:tc><w:tc>" + p(r("$ 1,200")) + "</w:tc><w:tc>" + p(r("900")) + "</w:tc></w:tr>"
        "</w:tbl>",
        p(r("Name"), "<w:r><w:tab/></w:r>", r("Title")),
        p(),
    ])
    notes = ('<w:footnote w:type="separator" w:id="-1">' + p(r("----")) + "</w:footnote>"
             '<w:footnote w:id="1">' + p(r("Unaudited.")) + "</w:footnote>")
    doc = read(tmp_path, "release.docx", docx(body, notes))
    assert (doc.status, doc.format, doc.encoding) == ("read", "docx", None)
    assert doc.raw_text == (
        "Acme Bio Reports Data\n\n"
        "BOSTON, May 1, 2025 -- Acme Bio, Inc. reported revenue of $1.2 million.\n\n"
        "Line one\nline two\n\n"
        "Boxed quote\n\n"
        "\tThree Months\t\nRevenue\t$ 1,200\t900\n\n"
        "Name\tTitle\n\n"
        "Unaudited.\n"
    )


def test_docx_zip_bomb_is_refused(tmp_path, monkeypatch):
    import pipelines.ingest_office as office

    monkeypatch.setattr(office, "MAX_MEMBER_BYTES", 10_000)
    doc = read(tmp_path, "bomb.docx", docx(p(r("x" * 50_000))))
    assert doc.status == "rejected"
    assert doc.reject_reason == "DOCX part word/document.xml inflates past 10,000 bytes (zip bomb guard)"
    assert doc.format == "docx"


def test_docx_with_broken_xml_or_no_text_is_rejected(tmp_path):
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("word/document.xml", "<w:document><w:body><w:p>")
    doc = read(tmp_path, "broken.docx", broken.getvalue())
    assert doc.status == "rejected" and doc.reject_reason.startswith("corrupt DOCX: word/document.xml: ")
    assert read(tmp_path, "empty.docx", docx(p())).reject_reason == "DOCX has no text"


def test_xml_entities_are_not_expanded(tmp_path):
    body = p(r("Acme Bio Reports Data &amp; Outlook"))
    data = docx(body)
    evil = io.BytesIO()
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   f'<w:document {W_NS}><w:body>' + p(r("Secret: &x;")) + "</w:body></w:document>")
    assert read(tmp_path, "ok.docx", data).raw_text == "Acme Bio Reports Data & Outlook\n"
    leaked = read(tmp_path, "evil.docx", evil.getvalue())
    assert "root:" not in (leaked.raw_text or "")


# --- .odt built by hand -----------------------------------------------------

ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')


def odt(body: str, mimetype: bytes = b"application/vnd.oasis.opendocument.text") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", f'<?xml version="1.0"?><office:document-content {ODT_NS}><office:body>'
                                  f"<office:text>{body}</office:text></office:body></office:document-content>")
    return buffer.getvalue()


def test_odt_headings_lists_spaces_notes_and_tables(tmp_path):
    body = (
        "<text:h>Lumora Health Announces Results</text:h>"
        "<text:list><text:list-item><text:p>First  item<text:s text:c=\"3\"/>spaced</text:p></text:list-item></text:list>"
        '<text:p>Revenue rose<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>Unaudited figures.</text:p></text:note-body></text:note> sharply.</text:p>"
        "<table:table><table:table-row><table:table-cell/>"
        '<table:table-cell table:number-columns-spanned="2"><text:p>Year Ended</text:p></table:table-cell>'
        "<table:covered-table-cell/></table:table-row>"
        "<table:table-row><table:table-cell><text:p>Net loss</text:p></table:table-cell>"
        '<table:table-cell table:number-columns-repeated="2"><text:p>(5)</text:p></table:table-cell></table:table-row>'
        "</table:table>"
        "<text:p>Name<text:tab/>Title<text:line-break/>Second line</text:p>"
    )
    doc = read(tmp_path, "r.odt", odt(body))
    assert (doc.status, doc.format) == ("read", "odt")
    assert doc.raw_text == (
        "Lumora Health Announces Results\n\nFirst item spaced\n\nRevenue rose sharply.\n\n"
        "\tYear Ended\t\nNet loss\t(5)\t(5)\n\nName\tTitle\nSecond line\n\nUnaudited figures.\n"
    )


def test_opendocument_spreadsheet_is_rejected_with_its_kind(tmp_path):
    doc = read(tmp_path, "sheet.ods", odt("<text:p>x</text:p>", b"application/vnd.oasis.opendocument.spreadsheet"))
    assert doc.reject_reason == "unsupported file type: OpenDocument file that is not a text document"


# --- RTF --------------------------------------------------------------------

RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times;}}{\colortbl;\red0\green0\blue0;}"
    r"{\stylesheet{\s1 Heading 1;}}{\info{\title Hidden Title}{\author Someone}}{\*\generator Writer;}"
    r"{\header \pard Page header\par}"
    "\n"
    r"\pard\plain {\b Lumora Health Reports Caf\'e9 Data \u8212? Q1}\par"
    r"\pard BOSTON, May 1, 2025 -- Dose of 5 \u956\'b5g{\footnote \pard {\up6\chftn} Per kilogram.}; \ldblquote good\rdblquote .\par"
    r"{\pict\pngblip\picw10\pich10 89504e470d0a}"
    r"\trowd\cellx2000\cellx6000\pard\intbl\cell Three Months\cell\row"
    r"\trowd\cellx2000\cellx4000\cellx6000\pard\intbl Revenue\cell $ 1,200\cell 900\cell\row"
    r"\pard Closing\tab line\line next\par}"
)


def test_rtf_text_escapes_tables_and_skipped_groups(tmp_path):
    doc = read(tmp_path, "r.rtf", RTF)
    assert (doc.status, doc.format) == ("read", "rtf")
    assert doc.raw_text == (
        "Lumora Health Reports Café Data — Q1\n\n"
        "BOSTON, May 1, 2025 -- Dose of 5 μg; “good”.\n\n"
        "\tThree Months\t\nRevenue\t$ 1,200\t900\n\n"
        "Closing\tline\nnext\n\nPer kilogram.\n"
    )


def test_rtf_deep_nesting_and_broken_braces_do_not_raise(tmp_path):
    deep = read(tmp_path, "deep.rtf", "{\\rtf1 " + "{" * 5000 + "x")
    assert deep.reject_reason == "malformed RTF: groups nested deeper than 512"
    unbalanced = read(tmp_path, "u.rtf", "{\\rtf1 Acme Bio Reports Data\\par}} trailing\\")
    assert unbalanced.status == "read" and unbalanced.raw_text.startswith("Acme Bio Reports Data\n")
    assert read(tmp_path, "e.rtf", "{\\rtf1{\\fonttbl x}}").reject_reason == "RTF has no text"


# --- e-mail and web archives ------------------------------------------------

HTML_BODY = (
    "<html><body><p>For immediate release</p><h1>Lumora Health Reports First Quarter Results</h1>"
    "<p>BOSTON, May 1, 2025 -- Lumora Health, Inc. (Nasdaq: LMRA) reported results.</p>"
    "<table><tr><td>Revenue</td><td>$ 1,200</td><td>$ 900</td></tr></table></body></html>"
)


def message(subject: str = "Lumora Health Reports First Quarter Results") -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Press Office <press@lumora.example>"
    msg["To"] = "newsdesk@example.com"
    msg["Subject"] = subject
    msg["Date"] = "Thu, 01 May 2025 08:00:00 -0400"
    return msg


def test_email_prefers_the_html_part_so_tables_stay_rows(tmp_path):
    msg = message()
    msg.set_content("Lumora Health Reports First Quarter Results\n\nRevenue 1,200 900 (flattened)\n")
    msg.add_alternative(HTML_BODY, subtype="html", cte="quoted-printable")
    doc = read(tmp_path, "release.eml", msg.as_bytes())
    assert (doc.status, doc.format) == ("read", "eml")
    assert doc.raw_text == (
        "Lumora Health Reports First Quarter Results\n\nFor immediate release\n\n"
        "BOSTON, May 1, 2025 -- Lumora Health, Inc. (Nasdaq: LMRA) reported results.\n\n"
        "Revenue\t$ 1,200\t$ 900\n"
    )


def test_plain_email_in_latin1_base64_gets_the_subject_as_title(tmp_path):
    msg = message("Fwd: Lumora Health Names Chief Médical Officer")
    msg.set_content("Hi all,\n\nsee below.\n\nBOSTON, May 1, 2025 -- Lumora named Dr. Renée Costa.\n",
                    charset="iso-8859-1", cte="base64")
    doc = read(tmp_path, "forwarded", msg.as_bytes())  # no suffix: read by its headers
    assert (doc.status, doc.format) == ("read", "eml")
    assert doc.raw_text == ("Lumora Health Names Chief Médical Officer\n\nHi all,\n\nsee below.\n\n"
                            "BOSTON, May 1, 2025 -- Lumora named Dr. Renée Costa.\n")


def test_email_with_a_cover_note_is_read_from_its_attached_release(tmp_path):
    msg = message("Release for tomorrow")
    msg.set_content("Please find the release attached.\n")
    msg.add_attachment((FIXTURES / "statement_release.docx").read_bytes(), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                       filename="corvane-q4.docx")
    doc = read(tmp_path, "cover.eml", msg.as_bytes())
    assert doc.status == "read", doc.reject_reason
    # The body starts with a headline: a subject like this one is no title.
    assert doc.raw_text.startswith("Corvane Bio Reports Fourth Quarter and Full Year 2025 Financial Results\n\n")


def test_email_without_any_body_is_rejected(tmp_path):
    msg = message()
    msg.add_attachment(b"\x89PNG\r\n\x1a\nxxxx", maintype="image", subtype="png", filename="logo.png")
    doc = read(tmp_path, "logo.eml", msg.as_bytes())
    assert doc.reject_reason == "e-mail has no text or HTML body and no readable attachment"


def test_mht_web_archive_reads_its_html_part(tmp_path):
    mht = (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/lumora\r\n"
        "Subject: Lumora Health Reports First Quarter Results\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        "------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://news.example/lumora\r\n\r\n"
        + HTML_BODY.replace("=", "=3D") + "\r\n------B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        "iVBORw0KGgo=\r\n------B--\r\n"
    )
    doc = read(tmp_path, "page.mht", mht)
    assert (doc.status, doc.format) == ("read", "eml")
    assert doc.raw_text.splitlines()[0] == "Lumora Health Reports First Quarter Results"
    assert "Revenue\t$ 1,200\t$ 900" in doc.raw_text.splitlines()


def test_memo_headers_in_a_txt_stay_text_but_a_saved_email_is_mail(tmp_path):
    memo = "To: Editors\nFrom: Acme Bio\nSubject: Acme Bio Reports Data\n\nBody.\n"
    assert read(tmp_path, "memo.txt", memo).format == "txt"
    mail = "MIME-Version: 1.0\nFrom: a@acme.example\nSubject: Acme Bio Reports Data\n\nBOSTON -- Body of the release.\n"
    doc = read(tmp_path, "mail.txt", mail)
    assert (doc.format, doc.raw_text) == ("eml", "Acme Bio Reports Data\n\nBOSTON -- Body of the release.\n")


# --- news XML and JSON exports ----------------------------------------------

NEWSML = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1">
 <itemMeta><itemClass qcode="ninat:text"/></itemMeta>
 <contentMeta><headline>Lumora Health Reports First Quarter Results</headline>
  <description role="drol:summary">Short summary.</description></contentMeta>
 <contentSet><inlineXML contenttype="application/xhtml+xml">
  <html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>
   <p>BOSTON, May 1, 2025 -- Lumora Health, Inc. reported results.</p>
   <table><tr><td>Revenue</td><td>$ 1,200</td><td>$ 900</td></tr></table>
  </body></html></inlineXML></contentSet>
</newsItem>"""


def test_newsml_headline_and_inline_xhtml_body(tmp_path):
    doc = read(tmp_path, "item.xml", NEWSML)
    assert (doc.status, doc.format) == ("read", "xml")
    assert doc.raw_text == ("Lumora Health Reports First Quarter Results\n\n"
                            "BOSTON, May 1, 2025 -- Lumora Health, Inc. reported results.\n\nRevenue\t$ 1,200\t$ 900\n")


def test_nitf_and_rss_item_with_html_in_cdata(tmp_path):
    nitf = ("<nitf><head><title>Lumora Q1</title></head><body><body.head><hedline><hl1>Lumora Health Reports Results"
            "</hl1></hedline><dateline>BOSTON, May 1, 2025</dateline></body.head><body.content><p>Revenue rose.</p>"
            "</body.content></body></nitf>")
    assert read(tmp_path, "story", nitf).raw_text == "Lumora Health Reports Results\n\nBOSTON, May 1, 2025\n\nRevenue rose.\n"
    rss = ("<?xml version='1.0'?><rss><channel><title>Wire</title><item><title>Lumora Health Reports Results</title>"
           "<description><![CDATA[<p>BOSTON -- Revenue rose.</p><p>More.</p>]]></description></item></channel></rss>")
    assert read(tmp_path, "feed.xml", rss).raw_text == "Lumora Health Reports Results\n\nBOSTON -- Revenue rose.\n\nMore.\n"


def test_xml_that_is_xhtml_goes_through_the_html_converter(tmp_path):
    xhtml = ('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">'
             "<head><title>Acme Bio Reports Data</title></head><body><p>Body.</p></body></html>")
    doc = read(tmp_path, "page.xhtml", xhtml)
    assert (doc.format, doc.raw_text) == ("html", "Acme Bio Reports Data\n\nBody.\n")


@pytest.mark.parametrize("xml, reason", [
    ("<release><title>A</title><body>x</body></release><x/>", "malformed XML: "),
    ("<rss><channel><item><title>A</title><description>x</description></item>"
     "<item><title>B</title><description>y</description></item></channel></rss>",
     "XML holds 2 news items; one release per file is read"),
    ("<catalog><book>x</book></catalog>", "XML is not a readable news item: no headline or body element (root <catalog>)"),
])
def test_xml_that_is_not_one_release_is_rejected_with_a_reason(tmp_path, xml, reason):
    doc = read(tmp_path, "f.xml", xml)
    assert doc.status == "rejected" and doc.reject_reason.startswith(reason), doc.reject_reason


def test_json_export_with_html_body(tmp_path):
    data = ('{"data": {"id": 7, "headline": "Lumora Health Reports Results", "subheadline": "Revenue up 33%",'
            ' "body_html": "<p>BOSTON, May 1, 2025 -- Revenue rose.</p><table><tr><td>Revenue</td><td>1,200</td></tr></table>"}}')
    doc = read(tmp_path, "export.json", data)
    assert (doc.status, doc.format) == ("read", "json")
    assert doc.raw_text == ("Lumora Health Reports Results\n\nRevenue up 33%\n\n"
                            "BOSTON, May 1, 2025 -- Revenue rose.\n\nRevenue\t1,200\n")


def test_json_list_of_one_with_paragraph_list_and_no_suffix(tmp_path):
    data = '[{"title": "Lumora Health Reports Results", "content": ["BOSTON -- First.", {"text": "Second."}]}]'
    doc = read(tmp_path, "download", data)
    assert (doc.format, doc.raw_text) == ("json", "Lumora Health Reports Results\n\nBOSTON -- First.\n\nSecond.\n")


@pytest.mark.parametrize("data, reason", [
    ('{"title": "A", "body": "x"', "invalid JSON: "),
    ('[{"title": "A", "body": "x"}, {"title": "B", "body": "y"}]', "JSON holds 2 releases; one release per file is read"),
    ('{"rows": [1, 2, 3]}', "JSON holds no release: no object with a title/headline and a body/content/text field"),
    ("[" * 100_000, "JSON nested too deeply"),
])
def test_json_that_is_not_one_release_is_rejected_with_a_reason(tmp_path, data, reason):
    doc = read(tmp_path, "f.json", data)
    assert doc.status == "rejected" and doc.reject_reason.startswith(reason), doc.reject_reason


# --- sniffing: the content decides -----------------------------------------


def test_content_wins_over_the_suffix(tmp_path):
    pdf = minimal_pdf(["Acme Bio Reports Data"])
    page = b"<!DOCTYPE html><html><head><title>Acme Bio Reports Data</title></head><body><p>Body.</p></body></html>"
    cases = {
        "saved.html": (pdf, "pdf"),
        "no_suffix": (pdf, "pdf"),
        "page.txt": (page, "html"),
        "page.htm5": (page, "html"),
        "page.dat": (page, "html"),
        "word.dat": ((FIXTURES / "statement_release.docx").read_bytes(), "docx"),
        "word.doc": ((FIXTURES / "statement_release.docx").read_bytes(), "docx"),
        "word.docx": ((FIXTURES / "statement_release.doc").read_bytes(), "doc"),
        "word97.rtf": ((FIXTURES / "statement_release.doc").read_bytes(), "doc"),
        "writer.bin": ((FIXTURES / "statement_release.odt").read_bytes(), "odt"),
        "rich.txt": (RTF.encode(), "rtf"),
        "notes.text": (b"Acme Bio Reports Data\n\nBody.\n", "txt"),
        "notes.markdown": (b"# Acme Bio Reports Data\n\nBody.\n", "md"),
        "plain.html": (b"Acme Bio Reports Data\n\nRevenue\t1,200\n", "txt"),
    }
    for name, (data, fmt) in cases.items():
        doc = read(tmp_path, name, data)
        assert (doc.status, doc.format) == ("read", fmt), (name, doc.reject_reason)
        assert "Acme Bio Reports Data" in doc.raw_text or "Corvane Bio" in doc.raw_text or "Lumora" in doc.raw_text


def test_prose_that_opens_like_a_magic_number_is_text(tmp_path):
    for text in ("MZ Pharma Reports Data\n\nBody.\n", "BZh Bio Reports Data\n\nBody.\n", "PK Capital Reports\n"):
        doc = read(tmp_path, "r.txt", text)
        assert (doc.status, doc.format, doc.raw_text) == ("read", "txt", text)


def test_text_that_only_looks_like_xml_or_json_is_text(tmp_path):
    for name, text in (("note", "<Acme Bio> Reports Data\n\nBody.\n"), ("n.txt", '["Embargoed"] Acme Bio\n'),
                       ("n.dat", '{"draft": Acme Bio Reports Data\n')):
        doc = read(tmp_path, name, text)
        assert (doc.status, doc.format, doc.raw_text) == ("read", "txt", text), name


def test_html_suffix_without_markup_keeps_its_lines(tmp_path):
    doc = read(tmp_path, "plain.html", b"Acme Bio Reports Data\n\nRevenue\t1,200\t900\n")
    assert doc.raw_text == "Acme Bio Reports Data\n\nRevenue\t1,200\t900\n"


def test_markdown_that_opens_with_html_or_a_link_stays_markdown(tmp_path):
    for text in ('<div align="center">Logo</div>\n\n# Acme Bio Reports Data\n', "[Logo](https://x.example)\n\n# Acme\n"):
        doc = read(tmp_path, "r.md", text)
        assert (doc.format, doc.raw_text) == ("md", text)


@pytest.mark.parametrize("name, data, fmt, reason", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "doc",
     "corrupt Word document (.doc): not a readable OLE2 compound file (bytes length not a multiple of item size)"),
    ("mail.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "msg",
     "corrupt Outlook message (.msg): not a readable OLE2 compound file (bytes length not a multiple of item size)"),
    ("sheet.xls", "ole2:Workbook", "xls", "unsupported OLE2 compound file: Excel workbook (.xls)"),
    ("legacy.bin", "ole2:PowerPoint Document", "ppt", "unsupported OLE2 compound file: PowerPoint presentation (.ppt)"),
    ("logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "png", "binary file of unknown type (PNG image)"),
    ("scan", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "none", "binary file of unknown type (JPEG image)"),
    ("blob.dat", bytes(range(256)) * 4, "dat", "binary file of unknown type (first bytes 00 01 02 03 04 05 06 07)"),
    ("deck.pptx", None, "pptx", "unsupported file type: PowerPoint presentation (.pptx)"),
    ("bundle.zip", None, "zip", "unsupported file type: ZIP archive that is not a Word or OpenDocument text document"),
])
def test_what_cannot_be_read_is_rejected_with_a_clear_reason(tmp_path, name, data, fmt, reason):
    if isinstance(data, str):
        from test_ingest_doc import ole2_file

        data = ole2_file({data[5:]: b"\0"})
    if data is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("ppt/presentation.xml" if name.endswith("pptx") else "readme.txt", "x")
        data = buffer.getvalue()
    doc = read(tmp_path, name, data)
    assert (doc.status, doc.format, doc.reject_reason) == ("rejected", fmt, reason)


def test_pdf_page_cap(tmp_path, monkeypatch):
    import pipelines.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_PDF_PAGES", 0)
    doc = read(tmp_path, "long.pdf", minimal_pdf(["Acme Bio Reports Data"]))
    assert doc.reject_reason == "PDF has 1 pages (limit 0): not a press release"


def test_pdf_table_drawn_column_by_column_is_read_by_position(tmp_path):
    """Some generators draw a statement's labels, then each column of figures:
    in stream order every figure lands on a line of its own. The positional
    reading puts the rows back together."""
    items = [(72, 740, "Acme Bio Reports Data"), (72, 700, "CONDENSED STATEMENTS OF OPERATIONS"),
             (300, 684, "Three Months Ended December 31,"), (300, 670, "2025"), (380, 670, "2024")]
    rows = [("Revenue", "12,400", "8,100"), ("Research and development", "22,310", "19,870"),
            ("Net loss", "(15,930)", "(17,180)")]
    items += [(72, 656 - 12 * i, row[0]) for i, row in enumerate(rows)]
    items += [(x, 656 - 12 * i, row[c]) for c, x in ((1, 300), (2, 380)) for i, row in enumerate(rows)]
    pdf = _pdf_with_streams("BT /F1 10 Tf " + " ".join(f"1 0 0 1 {x} {y} Tm ({t}) Tj" for x, y, t in items) + " ET")
    lines = [" ".join(line.split()) for line in read(tmp_path, "cols.pdf", pdf).raw_text.splitlines()]
    assert "Revenue 12,400 8,100" in lines
    assert "Net loss (15,930) (17,180)" in lines
    # A table drawn row by row keeps the stream order (wrapped titles stay whole).
    plain = read(tmp_path, "rows.pdf", minimal_pdf(["Acme Bio Reports Data", "Revenue 1 2", "Net loss 3 4"]))
    assert plain.raw_text == "Acme Bio Reports Data\nRevenue 1 2\nNet loss 3 4"


# --- never raises, always the same ------------------------------------------


def _samples() -> dict[str, bytes]:
    out = {p.name: p.read_bytes() for p in FIXTURES.iterdir()}
    msg = message()
    msg.set_content("Body of the release.\n")
    msg.add_alternative(HTML_BODY, subtype="html")
    out.update({"m.eml": msg.as_bytes(), "n.xml": NEWSML.encode(), "r.rtf": RTF.encode()})
    return out


def test_truncated_files_of_every_format_are_read_or_rejected_never_raised(tmp_path):
    for name, data in _samples().items():
        for cut in (1, 7, 64, len(data) // 3, len(data) // 2, len(data) - 1):
            doc = read(tmp_path, f"cut-{cut}-{name}", data[:cut])
            assert doc.status in ("read", "rejected")
            assert doc.status == "read" or doc.reject_reason.strip(), (name, cut)


def test_same_bytes_give_the_same_text(tmp_path):
    for name, data in _samples().items():
        first = read(tmp_path, "a-" + name, data)
        second = read(tmp_path, "b-" + name, data)
        assert (first.status, first.format, first.raw_text) == (second.status, second.format, second.raw_text)


def test_scan_inbox_reads_new_formats_and_listing_keeps_them(tmp_path):
    from pipelines.inbox_state import list_inbox

    for name in ("statement_release.docx", "statement_release.rtf"):
        write(tmp_path, name, (FIXTURES / name).read_bytes())
    write(tmp_path, "release", NEWSML)
    assert [p.name for p in list_inbox(tmp_path)] == ["release", "statement_release.docx", "statement_release.rtf"]
    assert [(Path(d.source_path).name, d.format, d.status) for d in scan_inbox(tmp_path)] == [
        ("release", "xml", "read"), ("statement_release.docx", "docx", "read"), ("statement_release.rtf", "rtf", "read"),
    ]


# --- the sample inbox's .docx and .eml releases ------------------------------

SAMPLE_INBOX = Path(__file__).resolve().parents[1] / "pipelines" / "sample_inbox"


@pytest.mark.parametrize("name, released, doc_type", [
    ("2026-03-05-northwind-q4-2025-results.docx", date(2026, 3, 5), "earnings"),
    ("2026-01-08-northwind-aurora-2-enrollment.eml", date(2026, 1, 8), "clinical"),
])
def test_sample_inbox_office_and_email_releases_metadata(name, released, doc_type):
    from pipelines.document import prepare

    raw = read_document(SAMPLE_INBOX / name)
    doc = prepare(raw.doc_id, raw.raw_text)
    assert doc.release_date == released
    assert doc.doc_type == doc_type
    assert (doc.company, doc.ticker, doc.exchange) == ("Northwind Therapeutics, Inc.", "NWTX", "NASDAQ")
    assert doc.title.startswith("Northwind Therapeutics")


def test_sample_inbox_docx_statement_figures():
    from pipelines.document import prepare
    from pipelines.financial.tables import extract_table_facts

    raw = read_document(SAMPLE_INBOX / "2026-03-05-northwind-q4-2025-results.docx")
    facts = {(f.concept, f.period_end, f.months): f.value for f in extract_table_facts(prepare(raw.doc_id, raw.raw_text))}
    q25, q24 = date(2025, 12, 31), date(2024, 12, 31)
    expected = {
        ("Revenues", q25, 3): 7_900e3, ("Revenues", q24, 3): 2_700e3,
        ("Revenues", q25, 12): 24_000e3, ("Revenues", q24, 12): 9_300e3,
        ("ResearchAndDevelopmentExpense", q25, 3): 26_100e3, ("ResearchAndDevelopmentExpense", q25, 12): 96_315e3,
        ("OperatingExpenses", q25, 12): 127_195e3, ("OperatingExpenses", q24, 12): 102_425e3,
        ("NetIncomeLoss", q25, 3): -24_490e3, ("NetIncomeLoss", q24, 3): -22_265e3,
        ("NetIncomeLoss", q25, 12): -94_445e3, ("NetIncomeLoss", q24, 12): -83_340e3,
        ("EarningsPerShareBasicAndDiluted", q25, 3): -0.42, ("EarningsPerShareBasicAndDiluted", q25, 12): -1.65,
        ("Assets", q25, 0): 218_550e3, ("Assets", q24, 0): 244_350e3,
        ("Liabilities", q25, 0): 57_055e3, ("StockholdersEquity", q25, 0): 161_495e3,
        ("CashAndCashEquivalentsAtCarryingValue", q25, 0): 92_640e3,
        ("MarketableSecuritiesCurrent", q25, 0): 92_310e3,
    }
    assert {k: facts.get(k) for k in expected} == expected
    assert len(facts) == 15 * 4 + 15 * 2  # every operations row for 4 periods, every balance row for 2 dates


def test_email_part_with_a_wrong_charset_label_is_detected_instead(tmp_path):
    body = "Lumora Health Names Chief Officer\n\nBOSTON \u2013 Dr. Ren\u00e9e Costa joins.\n".encode("cp1252")
    mail = (b"From: a@lumora.example\nTo: b@example.com\nSubject: Lumora Health Names Chief Officer\nMIME-Version: 1.0\n"
            b'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n' + body)
    doc = read(tmp_path, "m.eml", mail)
    assert doc.raw_text == "Lumora Health Names Chief Officer\n\nBOSTON \u2013 Dr. Ren\u00e9e Costa joins.\n"


def _pdf_with_streams(content: str) -> bytes:
    from test_ingest import _assemble_pdf

    return _assemble_pdf([
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ])


def test_pdf_headline_wrapped_in_a_large_font_becomes_one_line(tmp_path):
    from pipelines.document import prepare

    body = ["BOSTON, May 1, 2025 -- Acme Bio, Inc. (Nasdaq: ACME) today announced positive topline",
            "data from its Phase 2 trial of ACM-101 in adults with moderate to severe disease."]
    content = ("BT /F1 24 Tf 72 740 Td 28 TL (Acme Bio Announces Positive) Tj T* (Topline Data from Phase 2) Tj T* "
               "(Trial of ACM-101) Tj ET BT /F1 10 Tf 72 640 Td 12 TL "
               + " ".join(f"({line}) Tj T*" for line in body) + " ET")
    raw = read(tmp_path, "title.pdf", _pdf_with_streams(content)).raw_text
    assert raw.split("\n")[:3] == ["Acme Bio Announces Positive Topline Data from Phase 2 Trial of ACM-101", "", body[0]]
    assert prepare("t", raw).title == "Acme Bio Announces Positive Topline Data from Phase 2 Trial of ACM-101"
    # The same lines in one size are left alone: nothing marks them as a headline.
    same = content.replace("/F1 24 Tf", "/F1 10 Tf")
    assert read(tmp_path, "same.pdf", _pdf_with_streams(same)).raw_text.split("\n")[:2] == [
        "Acme Bio Announces Positive", "Topline Data from Phase 2"]
