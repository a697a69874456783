""" "How do we know" on a self-assessment item: the audit findings and casework measures it
cites, read live; citing one; withdrawing one (kept, never deleted). The self-assessment page
links here: it cannot read audits itself."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from followthrough.core.access import FORM_METHODS, access, allowed
from followthrough.core.forms import apply_errors
from followthrough.core.once import once_per_token
from followthrough.selfassessment.access import get_item_for_user

from ..access import get_citation_for_user
from ..forms.reviews import CitationForm
from ..selectors.citations import citable_findings, item_evidence, measure_choices
from ..services.citations import citation_add, citation_withdraw


def _evidence_url(item_pk: int) -> str:
    return reverse("audits:item-evidence", args=[item_pk])


@access("assessment_reader")
def item_evidence_page(request: HttpRequest, item_pk: int) -> HttpResponse:
    """The item's cited findings and measures, each with its value as of today."""
    item = get_item_for_user(request.user, item_pk)
    today = timezone.localdate()
    return render(
        request,
        "audits/citation_list.html",
        {
            "item": item,
            "rec": item.recommendation,
            "assessment": item.assessment,
            "evidence": item_evidence(item, user=request.user, today=today),
            "can_cite": allowed(
                request.user, "selfassessment.change_selfassessment", item.assessment
            ),
        },
    )


@access("assessment_writer", methods=FORM_METHODS)
@once_per_token
def citation_new(request: HttpRequest, item_pk: int) -> HttpResponse:
    """Cite one of the service's audit findings or casework measures as evidence."""
    item = get_item_for_user(request.user, item_pk, for_write=True)
    findings = citable_findings(item)
    form = CitationForm(request.POST or None, findings=findings, measures=measure_choices())
    if request.method == "POST" and form.is_valid():
        audit_pk, criterion_pk = form.audit_and_criterion
        audit = next((a for a, _ in findings if a.pk == audit_pk), None)
        criteria = next((c for a, c in findings if a.pk == audit_pk), [])
        criterion = next((c for c in criteria if c.pk == criterion_pk), None)
        try:
            with transaction.atomic():
                citation_add(
                    item=item,
                    kind=form.cleaned_data["kind"],
                    audit=audit,
                    criterion=criterion,
                    measure=form.cleaned_data.get("measure") or "",
                    note=form.cleaned_data["note"],
                    actor=request.user,
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Evidence cited")
            return redirect(_evidence_url(item.pk))
    return render(
        request,
        "audits/citation_new.html",
        {
            "item": item,
            "rec": item.recommendation,
            "assessment": item.assessment,
            "form": form,
            "has_findings": any(criteria for _, criteria in findings),
        },
    )


@access("assessment_writer", methods=("POST",))
def citation_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop citing a figure: kept in the item's history with the day it was withdrawn."""
    citation = get_citation_for_user(request.user, pk)
    try:
        with transaction.atomic():
            citation_withdraw(citation=citation, actor=request.user, today=timezone.localdate())
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, "Evidence withdrawn: it is kept in the item's history")
    return redirect(_evidence_url(citation.item_id))
