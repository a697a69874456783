"""Every format people send, read into one intermediate form: the plain-text rendering the
extractors already read (paragraphs on their own lines, a table row per line with its cells
separated by tabs, several paragraphs or list items in a cell as <p> and <li> fragments).

So a new format needs a reader here and no new extractor, and a record's source offsets point
into that rendering, which is what is stored and shown as the source passage. Pure Python."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..types import ExtractionError
from .deadline import Deadline

# What a person is told when a file named as a PDF or Word document cannot be opened.
DAMAGED_PDF = (
    "this PDF could not be read: it may be damaged or protected. Open it, save it again as a PDF "
    "without a password, or give the Word version"
)
DAMAGED_DOCX = (
    "this Word document could not be read: it may be damaged or protected. Open it in Word and "
    "save it again without a password"
)

FORMATS = ("text", "html", "docx", "pdf")

# A Word file is a zip: one built to unpack to far more than it weighs would exhaust the server
# before a line is read. Real reports unpack to a few megabytes, their text XML to less.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_DOCUMENT_XML_BYTES = 16 * 1024 * 1024
# How long reading one document may take. Word files read in well under a second; a PDF takes
# about 20 ms a page on this machine's class of hardware (pdfium), so the limit is only met by a
# file built to exhaust the reader.
READ_SECONDS = {"docx": 60.0, "pdf": 600.0}


def sniff_format(file_name: str, content: bytes) -> str:
    """The format the bytes are in; never trusted from the file name alone."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                if "word/document.xml" in archive.namelist():
                    _refuse_bomb(archive)
                    return "docx"
        except zipfile.BadZipFile as exc:
            raise ExtractionError(DAMAGED_DOCX) from exc
        raise ExtractionError("the file is a zip archive but not a Word document")
    head = content[:2048].lstrip().lower()
    if Path(file_name).suffix.lower() in (".html", ".htm") or head.startswith(
        (b"<!doctype html", b"<html")
    ):
        return "html"
    return "text"


def _refuse_bomb(archive: zipfile.ZipFile) -> None:
    """Refuse by the sizes the archive declares, before anything is unpacked."""
    unpacked = sum(info.file_size for info in archive.infolist())
    text_xml = archive.getinfo("word/document.xml").file_size
    if unpacked > MAX_UNPACKED_BYTES or text_xml > MAX_DOCUMENT_XML_BYTES:
        raise ExtractionError(
            f"the Word document unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)}MB "
            "(or its text to more than "
            f"{MAX_DOCUMENT_XML_BYTES // (1024 * 1024)}MB): it is not a report"
        )


def to_text(file_name: str, content: bytes) -> tuple[str, str]:
    """(the intermediate text, the format it came from), or ExtractionError saying why not."""
    kind = sniff_format(file_name, content)
    if kind == "docx":
        from .docx import docx_text

        return docx_text(content, Deadline(READ_SECONDS["docx"])), kind
    if kind == "pdf":
        from .pdf import pdf_text

        return pdf_text(content, Deadline(READ_SECONDS["pdf"])), kind
    if b"\x00" in content[:4096]:
        raise ExtractionError("the file is binary, not text")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExtractionError(f"not UTF-8 text (byte {exc.start})") from exc
    if kind == "html":
        from .html import html_text

        return html_text(text), kind
    return text, kind
