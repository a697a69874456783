from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from followthrough.actionplans.models import Decision
from followthrough.core.access import access

from .access import (
    get_import_review_for_user,
    get_import_upload_for_user,
    get_source_document_for_user,
)
from .models import ImportReview
from .review import (
    review_addressee_set,
    review_columns_set,
    review_commit,
    review_discard,
    review_kind_set,
    review_record_split,
    review_records_merge,
    review_start,
)
from .review.background import read_in_background, upload_queue
from .selectors import (
    import_reviews_recent,
    import_uploads_unread,
    printed_date,
    review_earlier_plan,
    review_reading,
    review_records,
    review_thematics,
)
from .services import IngestError

CONTEXT_CHARS = 1500


def _offset(value: str | None, default: int, limit: int) -> int:
    try:
        return max(0, min(int(value), limit)) if value is not None else default
    except ValueError as exc:
        raise Http404 from exc


@access("published_or_member")
def source_passage(request: HttpRequest, pk: int) -> HttpResponse:
    """The exact passage a record was read from, highlighted within its surroundings."""
    document = get_source_document_for_user(request.user, pk)
    length = len(document.text)
    start = _offset(request.GET.get("start"), 0, length)
    end = _offset(request.GET.get("end"), min(length, start + CONTEXT_CHARS), length)
    if end < start:
        start, end = end, start
    context = {
        "document": document,
        "before": document.text[max(0, start - CONTEXT_CHARS) : start],
        "passage": document.text[start:end],
        "after": document.text[end : end + CONTEXT_CHARS],
        "start": start,
        "end": end,
        "length": length,
    }
    return render(request, "ingest/source_passage.html", context)


@access("importer", methods=("GET", "HEAD", "POST"))
def import_list(request: HttpRequest) -> HttpResponse:
    """Upload a document to review before it is stored; the reviews waiting and done."""
    error = None
    if request.method == "POST":
        upload = request.FILES.get("document")
        if upload is None:
            error = "Select a document to import"
        elif upload.size > settings.INGEST_MAX_BYTES:
            error = (
                f"The selected file must be smaller than "
                f"{settings.INGEST_MAX_BYTES // (1024 * 1024)}MB"
            )
        elif read_in_background(upload.size):
            with transaction.atomic():
                queued = upload_queue(
                    file_name=upload.name or "document", content=upload.read(), actor=request.user
                )
            return redirect("ingest:import-upload", pk=queued.pk)
        else:
            try:
                with transaction.atomic():
                    review = review_start(
                        file_name=upload.name, content=upload.read(), actor=request.user
                    )
            except IngestError as exc:
                reason = str(exc).split(": ", 1)[-1]
                error = reason[:1].upper() + reason[1:]
            else:
                return redirect("ingest:import-review", pk=review.pk)
    reviews = import_reviews_recent()
    return render(
        request,
        "ingest/import_list.html",
        {"error": error, "reviews": reviews, "uploads": import_uploads_unread()},
    )


@access("importer")
def import_upload(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """How far the worker has got with a large document; its review once it is read."""
    upload = get_import_upload_for_user(request.user, pk)
    if upload.status == upload.Status.READ and upload.review_id is not None:
        return redirect("ingest:import-review", pk=upload.review_id)
    return render(request, "ingest/import_upload.html", {"upload": upload})


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


READING_DONE = {
    "kind": "The document was read again as the kind you chose",
    "columns": "The table was read again with your columns; they will be used for the next "
    "document with the same header",
    "merge": "The two recommendations were merged",
    "split": "The recommendation was split in two",
    "addressee": "The recommendations were given the addressee you entered",
}


def _read_again(request: HttpRequest, review: ImportReview, action: str) -> None:
    """Change how the document is read, as the reviewer asked on one of the page's forms."""
    post = request.POST
    if action == "kind":
        review_kind_set(review=review, kind=post.get("kind", ""), actor=request.user)
    elif action == "columns":
        roles = {
            int(key.removeprefix("column-")): str(post.get(key, ""))
            for key in post
            if key.startswith("column-") and key.removeprefix("column-").isdigit()
        }
        review_columns_set(review=review, roles=roles, actor=request.user)
    elif action == "merge":
        review_records_merge(review=review, index=_number(post.get("merge")), actor=request.user)
    elif action == "split":
        review_record_split(
            review=review,
            index=_number(post.get("split")),
            at=post.get("split_at", ""),
            label=post.get("split_label", ""),
            actor=request.user,
        )
    else:
        review_addressee_set(
            review=review,
            first=_number(post.get("block_first")),
            last=_number(post.get("block_last")),
            addressee=post.get("block_addressee", ""),
            actor=request.user,
        )


@access("importer", methods=("GET", "HEAD", "POST"))
def import_review(request: HttpRequest, pk: int) -> HttpResponse:
    """What was read, beside the passage it came from, with every field open to correction."""
    review = get_import_review_for_user(request.user, pk)
    errors: dict[str, str] = {}
    posted = request.POST if request.method == "POST" else {}
    if request.method == "POST" and review.status == ImportReview.Status.PENDING:
        action = request.POST.get("action")
        try:
            with transaction.atomic():
                if action == "commit":
                    result = review_commit(
                        review=review, posted=request.POST.dict(), actor=request.user
                    )
                    fixed = len(review.corrections)
                    messages.success(
                        request,
                        f"{result.summary}"
                        + (
                            f", with {fixed} correction{'s' if fixed != 1 else ''}" if fixed else ""
                        ),
                    )
                    return redirect("ingest:import-list")
                if action == "discard":
                    review_discard(review=review, actor=request.user)
                    messages.success(request, f"{review.file_name} discarded; nothing was stored")
                    return redirect("ingest:import-list")
                if action in READING_DONE:
                    _read_again(request, review, action)
                    messages.success(request, READING_DONE[action])
                    return redirect("ingest:import-review", pk=review.pk)
                errors[""] = "Choose to import the document or to discard it"
        except ValidationError as exc:
            errors = (
                {field: " ".join(messages) for field, messages in exc.message_dict.items()}
                if hasattr(exc, "error_dict")
                else {"": " ".join(exc.messages)}
            )
            review.refresh_from_db()
        except IngestError as exc:
            errors = {"": str(exc)}
    extraction = review.extraction
    records = review_records(review, posted=posted, errors=errors)
    thematics = review_thematics(review, posted=posted, errors=errors)
    document = dict.fromkeys(
        ("title", "report_title", "report_published", "published", "submitted"), ""
    ) | (extraction.get("document") or {})
    for key in ("report_published", "published", "submitted"):
        document[key] = printed_date(document[key])
    return render(
        request,
        "ingest/import_review.html",
        {
            "review": review,
            "document": document,
            "reading": review_reading(review, records, posted=posted, errors=errors),
            "warnings": extraction.get("warnings", []),
            "notes": extraction.get("notes", []),
            "records": records,
            "thematics": thematics,
            "errors": errors,
            "decisions": Decision.choices,
            "earlier": review_earlier_plan(review),
        },
    )
