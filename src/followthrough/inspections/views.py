from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from followthrough.core.access import FORM_METHODS, access
from followthrough.core.forms import save_versioned

from .access import get_recommendation_for_user, get_report_for_user
from .forms import RecommendationTextForm
from .selectors import findings_tables
from .services import recommendation_correct


@access("signed_in")
def report_findings(request: HttpRequest, pk: int) -> HttpResponse:
    """A report's findings tables: every statement and its percentages, by section."""
    report = get_report_for_user(request.user, pk)
    tables = findings_tables(report)
    return render(
        request,
        "inspections/report_findings.html",
        {
            "report": report,
            "sections": tables.sections,
            "columns": tables.columns or ["Yes", "No"],
        },
    )


@access("document_corrector", methods=FORM_METHODS)
def recommendation_correct_text(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a recommendation's text where it was read wrongly from the document."""
    rec = get_recommendation_for_user(request.user, pk, perm="inspections.change_recommendation")
    stale = None
    if request.method == "POST":

        def save(data: dict[str, Any]) -> None:
            recommendation_correct(
                recommendation=rec, text=data["text"], version=data["version"], actor=request.user
            )

        form, stale, done = save_versioned(request, RecommendationTextForm, save, "text")
        if done:
            messages.success(request, f"{rec.display_label} corrected")
            return redirect(reverse("reporting:recommendation-detail", args=[rec.pk]))
    else:
        form = RecommendationTextForm(initial={"text": rec.text, "version": rec.version})
    return render(
        request,
        "inspections/recommendation_correct.html",
        {"rec": rec, "report": rec.report, "form": form, "stale": stale},
    )
