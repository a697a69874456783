"""Answering one recommendation: lines of enquiry, evidence held and the rating, saved together
under the item's version; and the evidence files, served only to the assessment's readers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from followthrough.core.access import FORM_METHODS, access
from followthrough.core.concurrency import StaleEdit
from followthrough.core.forms import apply_errors, posted_with_version
from followthrough.core.uploads import upload_response_for

from .. import selectors
from ..access import get_evidence_file_for_user, get_item_for_user
from ..forms import ItemForm
from ..models import AssessedRecommendation
from ..selectors import item_history
from ..services import Evidence, item_save


@access("assessment_writer", methods=FORM_METHODS)
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Answer one recommendation: every line of enquiry, the evidence held, and the rating."""
    item = get_item_for_user(request.user, pk, for_write=True)
    view = selectors.item_view(item, today=timezone.localdate())
    stale = None
    if request.method != "POST":
        form = ItemForm(initial=_initial(view), view=view)
        return _item_page(request, item, view, form)
    form = ItemForm(request.POST, request.FILES, view=view)
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                item_save(
                    item=item,
                    version=data["version"],
                    rating=data["rating"],
                    rationale=data["rationale"],
                    answers={
                        line.index: (data[f"answer_{line.index}"], data[f"comment_{line.index}"])
                        for line in view.lines
                    },
                    evidence={
                        s.index: Evidence(
                            held=data[f"held_{s.index}"],
                            link=data[f"link_{s.index}"],
                            note=data[f"note_{s.index}"],
                            file=_file(data[f"file_{s.index}"]),
                        )
                        for s in view.sources
                    },
                    actor=request.user,
                )
        except StaleEdit as exc:
            stale = exc.current
            form = ItemForm(posted_with_version(request.POST, stale.version), view=view)
            form.is_valid()
            form.add_error(
                None,
                "Someone else saved this recommendation after you opened it. Your answers are "
                "shown below and theirs are kept in its history; save again to replace theirs "
                "with yours.",
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"{item.recommendation.display_label} saved")
            return redirect(_next_url(item, request.POST.get("next") == "1"))
    return _item_page(request, item, view, form, stale=stale)


def _file(upload) -> tuple[str, bytes] | None:  # type: ignore[no-untyped-def]
    return (upload.name, upload.read()) if upload else None


def _initial(view: selectors.ItemView) -> dict:
    initial: dict = {
        "rating": view.item.rating,
        "rationale": view.item.rationale,
        "version": view.item.version,
    }
    for line in view.lines:
        if line.answer is not None:
            initial[f"answer_{line.index}"] = line.answer.answer
            initial[f"comment_{line.index}"] = line.answer.comment
    for source in view.sources:
        if source.entry is not None:
            initial[f"held_{source.index}"] = source.entry.held
            initial[f"link_{source.index}"] = source.entry.link
            initial[f"note_{source.index}"] = source.entry.note
    return initial


def _next_url(item: AssessedRecommendation, onward: bool) -> str:
    """After saving: the next recommendation in scope, or back to the assessment."""
    if onward:
        following = selectors.item_after(item)
        if following is not None:
            return reverse("selfassessment:item-edit", args=[following.pk])
    url = reverse("selfassessment:assessment-detail", args=[item.assessment_id])
    return f"{url}#item-{item.pk}"


def _item_page(request, item, view, form, stale=None) -> HttpResponse:  # type: ignore[no-untyped-def]
    return render(
        request,
        "selfassessment/item_edit.html",
        {
            "item": item,
            "assessment": item.assessment,
            "rec": item.recommendation,
            "view": view,
            "form": form,
            "stale": stale,
            "history": item_history(item),
            "last_year": selectors.item_last_year(item),
        },
    )


@access("assessment_reader")
def evidence_held_file(request: HttpRequest, pk: int) -> HttpResponse:
    return upload_response_for(get_evidence_file_for_user(request.user, pk))
