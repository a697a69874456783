from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from followthrough.actionplans.models import ActionPlan
from followthrough.core.access import access
from followthrough.core.models import SourceDocument

CONTEXT_CHARS = 1500


def _offset(value: str | None, default: int, limit: int) -> int:
    try:
        return max(0, min(int(value), limit)) if value is not None else default
    except ValueError as exc:
        raise Http404 from exc


@access("published_or_member")
def source_passage(request: HttpRequest, pk: int) -> HttpResponse:
    """The exact passage a record was read from, highlighted within its surroundings."""
    document = get_object_or_404(SourceDocument, pk=pk)
    plans = ActionPlan.objects.filter(source=document)
    if plans.exists() and not plans.visible_to(request.user).exists():
        raise Http404  # the text of a draft plan is for its organisation and the inspectorate
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
