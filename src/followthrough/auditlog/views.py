from __future__ import annotations

from datetime import date, datetime, time

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from followthrough.actionplans.selectors import history_starts_for
from followthrough.core.access import access
from followthrough.core.forms import date_param, text_param
from followthrough.reporting.models import Download
from followthrough.reporting.views.downloads import request_download

from .access import get_audited_object_for_user
from .exports import audit_csv_blocks
from .selectors import audit_entries, audited_models, user_id_named
from .selectors.page import Position, audit_page
from .selectors.stream import audit_stream

LOG_LIMIT = 200
PAGE_SIZE = 50


# A log starts after the product existed; dates outside these years are typing slips.
MIN_DAY = date(2000, 1, 1)
MAX_DAY = date(2999, 12, 31)


def _filters(request: HttpRequest) -> tuple[dict, list[str]]:
    errors = []
    values: dict = {"since": None, "until": None, "user_id": None, "model_label": None}
    for key, end in (("since", False), ("until", True)):
        raw = request.GET.get(key, "").strip()
        if raw:
            day = date_param(raw)
            which = "start" if key == "since" else "end"
            if day is None:
                errors.append(f"Enter the {which} date as YYYY-MM-DD, for example 2026-03-31")
            elif not MIN_DAY <= day <= MAX_DAY:
                errors.append(f"The {which} date must be between {MIN_DAY.year} and {MAX_DAY.year}")
            else:
                values[key] = timezone.make_aware(
                    datetime.combine(day, time.max if end else time.min)
                )
    username = text_param(request.GET.get("user"), limit=150)
    if username:
        user_id = user_id_named(username)
        if user_id is None:
            errors.append("Enter the username of someone who has used Followthrough")
        else:
            values["user_id"] = user_id
    label = request.GET.get("record", "").strip()
    if label and label != "events" and label not in {m._meta.label for m in audited_models()}:
        errors.append("Select a kind of record from the list")
    else:
        values["model_label"] = label or None
    return values, errors


@access("audit_reader")
def audit_log(request: HttpRequest) -> HttpResponse:
    values, errors = _filters(request)
    # Where an "Older entries" link said this page starts; a token it did not give starts at the
    # newest entry.
    older_than = Position.parse(request.GET.get("older", ""))
    page = (
        None
        if errors
        else audit_page(user=request.user, **values, older_than=older_than, size=PAGE_SIZE)
    )
    kinds = [(m._meta.label, m._meta.verbose_name.capitalize()) for m in audited_models()]
    filters = request.GET.copy()
    filters.pop("older", None)
    older_query = None
    if page is not None and page.older is not None:
        older_query = filters.copy()
        older_query["older"] = page.older.token()
    return render(
        request,
        "auditlog/audit_log.html",
        {
            "entries": page.entries if page else [],
            "errors": errors,
            "kinds": kinds,
            "older_page": older_than is not None,
            "query": filters.urlencode(),
            "older_query": older_query.urlencode() if older_query is not None else None,
            "params": request.GET,
        },
    )


@access("audit_reader")
def audit_export(request: HttpRequest) -> StreamingHttpResponse:
    values, errors = _filters(request)
    if errors:
        raise Http404
    # Every matching entry, streamed as it is read: no cap, and the first bytes leave at once.
    response = StreamingHttpResponse(
        audit_csv_blocks(audit_stream(user=request.user, **values)),
        content_type="text/csv; charset=utf-8",
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="followthrough-audit-{stamp}.csv"'
    return response


@access("audit_reader")
def audit_download(request: HttpRequest) -> HttpResponse:
    """Every matching entry as CSV, built by the worker: the page says it is being prepared, then
    the same address hands over the file, to the person who asked only."""
    values, errors = _filters(request)
    if errors:
        raise Http404
    query = request.GET.urlencode()
    filters = {k: v.isoformat() if isinstance(v, datetime) else v for k, v in values.items()}
    return request_download(
        request,
        kind=Download.Kind.AUDIT_LOG,
        fmt="csv",
        params={
            "filters": filters,
            "page": reverse("auditlog:log") + (f"?{query}" if query else ""),
        },
        # The trail grows by the second: a download asked for is built from the trail as then.
        version=[timezone.now().isoformat()],
        name="followthrough-audit",
    )


@access("published_or_member")
def object_history(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    target = get_audited_object_for_user(request.user, kind, pk)
    entries = audit_entries(
        user=request.user,
        target=target,
        history_from=history_starts_for(request.user, target),
        limit=LOG_LIMIT,
    )
    return render(
        request,
        "auditlog/object_history.html",
        {"target": target, "kind": kind, "entries": entries},
    )
