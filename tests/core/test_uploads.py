"""Uploads: kind sniffed from the bytes, size limited, stored safely, served only on request."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from followthrough.core.uploads import upload_check, upload_response, upload_sniff, upload_store


def office_file(marker: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(marker, "<xml/>")
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\x89PNG\r\n\x1a\n0000", "png"),
        (b"\xff\xd8\xff\xe0JFIF", "jpeg"),
        (office_file("word/document.xml"), "docx"),
        (office_file("xl/workbook.xml"), "xlsx"),
        ("Plain words, with a pound sign £".encode(), "text"),
        (office_file("something/else.xml"), None),
        (b"PK\x03\x04 not really a zip", None),
        (b"MZ\x90\x00\x03\x00\x00\x00", None),
        (b"\xff\xfe\x00\x00 broken", None),
    ],
)
def test_the_kind_comes_from_the_bytes(data, kind):
    assert upload_sniff(data) == kind


def test_a_renamed_program_is_refused_whatever_its_name_says(settings):
    with pytest.raises(ValidationError, match="must be a PDF or Word document"):
        upload_check(
            data=b"MZ\x90\x00 program pretending to be report.pdf", allowed={"pdf", "docx"}
        )


def test_empty_and_oversized_files_are_refused_in_plain_words(settings):
    with pytest.raises(ValidationError, match="The selected file is empty"):
        upload_check(data=b"", allowed={"pdf"})
    settings.UPLOAD_MAX_BYTES = 2 * 1024 * 1024
    with pytest.raises(ValidationError, match="must be smaller than 2MB"):
        upload_check(data=b"%PDF-" + b"0" * (3 * 1024 * 1024), allowed={"pdf"})


def test_files_are_stored_outside_the_web_root_and_served_as_downloads(settings, tmp_path):
    settings.UPLOAD_ROOT = tmp_path / "uploads"
    name = upload_store(data=b"%PDF-1.4 evidence", kind="pdf")
    assert "/" not in name and name.endswith(".pdf")
    assert not str(settings.UPLOAD_ROOT).startswith(str(settings.STATIC_ROOT))
    response = upload_response(
        stored_name=name, kind="pdf", download_name="../../etc/passwd evidence"
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert (
        disposition.startswith("attachment") and ".." not in disposition and "/" not in disposition
    )
    assert b"".join(response.streaming_content) == b"%PDF-1.4 evidence"
    with pytest.raises(FileNotFoundError):
        upload_response(stored_name="../" + name, kind="pdf", download_name="x")
