"""Documents built to exhaust the server are refused in one line before they are unpacked
(issue 12, item 4): a Word file whose XML unpacks to hundreds of megabytes, a PDF with more pages
than any report. The same check serves the web importer, `ingest` and `extract`, which all read
through `to_text`."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from followthrough.ingest.extract import ExtractionError
from followthrough.ingest.extract.formats import to_text


def _word_bomb(unpacked_mb: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        body = "<w:document><w:body>" + " " * (unpacked_mb * 1024 * 1024) + "</w:body></w:document>"
        archive.writestr("word/document.xml", body)
    return out.getvalue()


def test_a_word_bomb_is_refused_before_it_is_unpacked():
    bomb = _word_bomb(60)
    assert len(bomb) < 1024 * 1024  # small on the wire
    with pytest.raises(ExtractionError, match="unpacks to more than"):
        to_text("plan.docx", bomb)


def test_a_word_bomb_is_refused_by_the_ingest_command(tmp_path, db):
    path = tmp_path / "plan.docx"
    path.write_bytes(_word_bomb(60))
    with pytest.raises(CommandError, match="unpacks to more than"):
        call_command("ingest", str(path))


def test_a_pdf_with_more_pages_than_any_report_is_refused(monkeypatch):
    from followthrough.ingest.extract.formats import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(2):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ExtractionError, match="more than 1 pages"):
        to_text("plan.pdf", out.getvalue())


def _word_with_body(body_xml: str) -> bytes:
    from docx import Document

    blank = io.BytesIO()
    Document().save(blank)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = f"<w:document {ns}><w:body>{body_xml}</w:body></w:document>"
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(blank.getvalue())) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for item in source.infolist():
            data = body.encode() if item.filename == "word/document.xml" else source.read(item)
            archive.writestr(item.filename, data)
    return out.getvalue()


def test_a_cell_spanning_millions_of_columns_is_read_within_bounds():
    span = '<w:tcPr><w:gridSpan w:val="3000000"/></w:tcPr>'
    cell = f"<w:tc>{span}<w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    text, _ = to_text(
        "plan.docx", _word_with_body("<w:tbl>" + f"<w:tr>{cell}</w:tr>" * 20 + "</w:tbl>")
    )
    assert text.strip().splitlines()[0].startswith("x")
    assert len(text) < 10_000


def _slow_word(rows: int) -> bytes:
    """A small Word file whose one table has thousands of rows with merged cells: cheap to send,
    slow to walk."""
    cell = "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    first = "<w:tr>" + cell.replace("<w:vMerge/>", '<w:vMerge w:val="restart"/>') * 6 + "</w:tr>"
    row = "<w:tr>" + cell * 6 + "</w:tr>"
    return _word_with_body("<w:tbl>" + first + row * (rows - 1) + "</w:tbl>")


def test_a_document_that_takes_too_long_to_read_is_refused_in_one_line(monkeypatch):
    from followthrough.ingest.extract import formats

    monkeypatch.setitem(formats.READ_SECONDS, "docx", 0.05)
    slow = _slow_word(3000)
    assert len(slow) < 200 * 1024
    with pytest.raises(
        ExtractionError, match=r"takes longer than 0\.05 seconds to read"
    ) as refused:
        to_text("plan.docx", slow)
    assert "\n" not in str(refused.value)


def test_the_time_limit_holds_for_the_ingest_command(monkeypatch, tmp_path, db):
    from followthrough.ingest.extract import formats

    monkeypatch.setitem(formats.READ_SECONDS, "docx", 0.05)
    path = tmp_path / "plan.docx"
    path.write_bytes(_slow_word(3000))
    with pytest.raises(CommandError, match="takes longer than"):
        call_command("ingest", str(path))


def test_a_long_table_of_merged_cells_reads_in_one_pass():
    """The reader walks merged cells once: 3,000 rows of vertically merged cells read (python-
    docx's own lookup took two minutes for 500), each merged cell written once."""
    text, kind = to_text("plan.docx", _slow_word(3000))
    assert kind == "docx"
    # Every row below the first is merged into it: written once, the empty rows dropped.
    assert text.strip() == "\t".join(["x"] * 6)
