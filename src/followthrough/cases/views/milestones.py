"""The service administrator's page for the service's own milestone rules."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from followthrough.core.access import FORM_METHODS, access
from followthrough.core.forms import apply_errors

from ..access import get_admin_service_for_user
from ..forms import MilestoneRulesForm
from ..selectors import milestone_rule_rows
from ..services import milestone_rules_set


@access("service_admin", methods=FORM_METHODS)
def milestone_rules(request: HttpRequest) -> HttpResponse:
    service = get_admin_service_for_user(request.user)
    rows = milestone_rule_rows(service)
    form: forms.Form = MilestoneRulesForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                changed = milestone_rules_set(
                    service=service,
                    amounts={r.code: form.cleaned_data[r.code] for r in rows},
                    seen=form.seen(),
                    actor=request.user,
                )
        except ValidationError as exc:
            rows = milestone_rule_rows(service)
            if not hasattr(exc, "error_dict"):  # someone else saved: show theirs
                theirs = {r.code: r.amount for r in rows} | {
                    f"seen_{r.code}": r.amount for r in rows
                }
                form = MilestoneRulesForm(theirs, rows=rows)
                form.is_valid()
            apply_errors(form, exc)
        else:
            n = len(changed)
            messages.success(request, f"{n} rule{'s' if n != 1 else ''} changed")
            return redirect("cases:milestone-rules")
    return render(
        request,
        "cases/milestone_rules.html",
        {"service": service, "form": form, "rows": rows},
    )
