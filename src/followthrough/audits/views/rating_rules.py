"""The rating rules: the bands in force, the standard's rule, every earlier version with who
changed it and why; and the next version, made by the inspectorate's administrators."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from followthrough.core.access import FORM_METHODS, READ, access, allowed
from followthrough.core.forms import apply_errors

from ..access import ensure_rating_rules_admin
from ..forms.sets import RatingRulesForm
from ..selectors.sets import rating_rules_page
from ..services import rating_rules_current, rating_rules_record


@access("signed_in", methods=READ)
def rating_rules(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "audits/rating_rules.html",
        {
            "page": rating_rules_page(rating_rules_current()),
            "can_edit": allowed(request.user, "audits.change_ratingrules"),
        },
    )


@access("rating_rules_admin", methods=FORM_METHODS)
def rating_rules_edit(request: HttpRequest) -> HttpResponse:
    ensure_rating_rules_admin(request.user)
    current = rating_rules_current()
    page = rating_rules_page(current)
    form = RatingRulesForm(
        request.POST or None, initial={**page.lowest, "based_on": current.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                made = rating_rules_record(
                    bands=form.bands(),
                    note=form.cleaned_data["note"],
                    based_on=form.cleaned_data["based_on"],
                    actor=request.user,
                )
        except ValidationError as exc:
            if current.version != form.cleaned_data["based_on"]:
                data = request.POST.copy()
                data["based_on"] = str(current.version)
                form = RatingRulesForm(data)
                form.is_valid()
            apply_errors(form, exc)
        else:
            messages.success(request, f"Version {made.version} of the rating rules is in force")
            return redirect("audits:rating-rules")
    return render(
        request, "audits/rating_rules.html", {"page": page, "form": form, "editing": True}
    )
