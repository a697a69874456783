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
