"""Marking a sampled case (first or second, each blind to the other) and settling the
differences. Every page that shows a case is written to the case's access log."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from followthrough.cases.services import case_view_record
from followthrough.core.access import FORM_METHODS, READ, access
from followthrough.core.concurrency import StaleEdit
from followthrough.core.forms import apply_errors

from ..access import MANAGE, get_audit_case_for_user, get_audit_for_user
from ..forms.marking import MarkingForm, ModerationForm
from ..models import Answer
from ..selectors.audits import differences, marking_sheet
from ..services import Given, answers_record, marking_finish, moderation_record


@access("case_audit_marker", methods=FORM_METHODS)
def audit_mark(request: HttpRequest, pk: int, case_pk: int, marker: int) -> HttpResponse:
    if marker not in (Answer.FIRST, Answer.SECOND):
        raise Http404
    audit_case = get_audit_case_for_user(request.user, pk, case_pk, marker=marker)
    case_view_record(case=audit_case.case, user=request.user, page="audits:audit-mark")
    sheet = marking_sheet(audit_case, marker)
    done = audit_case.first_done_on if marker == Answer.FIRST else audit_case.second_done_on
    form = MarkingForm(request.POST or None, sheet=sheet)
    stale = False
    if request.method == "POST" and not done and form.is_valid():
        data = form.cleaned_data
        given = {
            item.criterion.pk: Given(
                value=data.get(f"c{item.criterion.pk}") or "",
                note=data.get(f"c{item.criterion.pk}-note") or "",
                offered_value=item.offered.value if item.offered else "",
                offered_from=item.offered.source if item.offered else "",
                override_reason=data.get(f"c{item.criterion.pk}-reason") or "",
            )
            for item in sheet.items
        }
        finishing = request.POST.get("finish") == "1"
        try:
            with transaction.atomic():
                saved = answers_record(
                    audit_case=audit_case,
                    marker=marker,
                    given=given,
                    version=data["version"],
                    actor=request.user,
                )
                if finishing:
                    marking_finish(audit_case=saved, marker=marker, actor=request.user)
        except StaleEdit:
            stale = True
            form.add_error(
                None,
                "You saved this case's answers in another window after opening this page: "
                "open the page again to see them",
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            text = "Marking finished" if finishing else "Answers saved"
            messages.success(request, f"{text} for case {audit_case.case.reference}")
            if finishing:
                return redirect("audits:audit-detail", pk=pk)
            return redirect("audits:audit-mark", pk=pk, case_pk=case_pk, marker=marker)
    return render(
        request,
        "audits/audit_mark.html",
        {
            "audit": audit_case.audit,
            "audit_case": audit_case,
            "marker": marker,
            "form": form,
            "done": done,
            "stale": stale,
        },
    )


@access("case_audit_manager", methods=READ)
def audit_moderation(request: HttpRequest, pk: int) -> HttpResponse:
    audit = get_audit_for_user(request.user, pk, perm=MANAGE)
    rows = differences(audit)
    for audit_case in {d.audit_case.pk: d.audit_case for d in rows}.values():
        case_view_record(case=audit_case.case, user=request.user, page="audits:audit-moderation")
    return render(
        request,
        "audits/audit_moderation.html",
        {"audit": audit, "rows": rows, "open": sum(1 for d in rows if d.moderation is None)},
    )


@access("case_audit_manager", methods=FORM_METHODS)
def audit_moderate(request: HttpRequest, pk: int, case_pk: int, criterion_pk: int) -> HttpResponse:
    audit = get_audit_for_user(request.user, pk, perm=MANAGE)
    difference = next(
        (
            d
            for d in differences(audit)
            if (d.audit_case.pk, d.criterion.pk) == (case_pk, criterion_pk)
        ),
        None,
    )
    if difference is None:
        raise Http404
    case_view_record(
        case=difference.audit_case.case, user=request.user, page="audits:audit-moderate"
    )
    settled = difference.moderation
    initial = (
        {"value": settled.value, "reason": settled.reason, "version": settled.version}
        if settled
        else {}
    )
    form = ModerationForm(
        request.POST or None, initial=initial, choices=difference.criterion.choices
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                moderation_record(
                    audit_case=difference.audit_case,
                    criterion=difference.criterion,
                    value=data["value"],
                    reason=data["reason"],
                    version=data.get("version"),
                    actor=request.user,
                )
        except StaleEdit as exc:
            form.add_error(
                None,
                f"Someone else settled this after you opened it: they chose "
                f"{difference.label(exc.current.value)} because {exc.current.reason}",
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                f"Settled {difference.criterion.code} for case "
                f"{difference.audit_case.case.reference}",
            )
            return redirect("audits:audit-moderation", pk=pk)
    return render(
        request,
        "audits/audit_moderate.html",
        {"audit": audit, "difference": difference, "form": form},
    )
