"""Uploaded files: kind sniffed from the bytes (never trusted from the name), size-limited,
stored outside the web root under a random name, and handed back only by views that have
checked permission first. Evidence files and document uploads use this."""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404

KINDS: dict[str, tuple[str, str, str]] = {
    # kind: (what users call it, extension, content type)
    "pdf": ("PDF", ".pdf", "application/pdf"),
    "docx": (
        "Word document",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        "Excel spreadsheet",
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "png": ("PNG image", ".png", "image/png"),
    "jpeg": ("JPEG image", ".jpg", "image/jpeg"),
    "text": ("text file", ".txt", "text/plain; charset=utf-8"),
}
# A Word or Excel file is a zip; refuse one that would unpack to more than this.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


def upload_sniff(data: bytes) -> str | None:
    """The kind of file the bytes are, or None when it is none we accept."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED_BYTES:
                    return None
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        return None
    if b"\x00" in data[:8192]:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "text"


def _list(kinds: list[str]) -> str:
    names = [KINDS[k][0] for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def upload_check(*, data: bytes, allowed: set[str], max_bytes: int | None = None) -> str:
    """The file's kind, or ValidationError in GOV.UK wording saying what is wrong."""
    limit = max_bytes or settings.UPLOAD_MAX_BYTES
    if not data:
        raise ValidationError("The selected file is empty")
    if len(data) > limit:
        raise ValidationError(f"The selected file must be smaller than {limit // (1024 * 1024)}MB")
    kind = upload_sniff(data)
    if kind not in allowed:
        raise ValidationError(
            f"The selected file must be a {_list([k for k in KINDS if k in allowed])}"
        )
    return kind


def upload_store(*, data: bytes, kind: str) -> str:
    """Keep the bytes under a random name outside the web root; return that name."""
    root = Path(settings.UPLOAD_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{KINDS[kind][1]}"
    (root / name).write_bytes(data)
    return name


def upload_response(*, stored_name: str, kind: str, download_name: str) -> FileResponse:
    """Send a stored file as a download. Call only after the caller has checked permission."""
    root = Path(settings.UPLOAD_ROOT).resolve()
    path = (root / stored_name).resolve()
    if path.parent != root or not path.is_file():
        raise FileNotFoundError(stored_name)
    safe_name = "".join(c for c in download_name if c.isalnum() or c in " ._-")
    safe_name = re.sub(r"\.{2,}", ".", safe_name).strip(" .")[:100] or "file"
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=safe_name + ("" if safe_name.endswith(KINDS[kind][1]) else KINDS[kind][1]),
        content_type=KINDS[kind][2],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def upload_response_for(record: Any) -> FileResponse:
    """The file a record holds (evidence_file, _kind, _name fields), or 404 if it is gone."""
    try:
        return upload_response(
            stored_name=record.evidence_file,
            kind=record.evidence_file_kind,
            download_name=record.evidence_file_name,
        )
    except FileNotFoundError as exc:
        raise Http404 from exc
