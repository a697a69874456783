"""A draft criteria set's sections and criteria: adding, changing and removing them. Every change
carries the set's row_version, so a change made meanwhile is shown, not overwritten."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from followthrough.core.access import FORM_METHODS, access
from followthrough.core.forms import int_param
from followthrough.core.once import once_per_token

from ..access import get_criteria_set_for_user, get_criterion_for_user, get_section_for_user
from ..forms.sets import CriterionForm, SectionForm, VersionForm
from ..models import CriteriaSet
from ..services import (
    criterion_add,
    criterion_remove,
    criterion_update,
    section_add,
    section_remove,
    section_update,
)
from .sets import back_to_set, draft_refusal, edit_page, versioned_save


@access("criteria_owner", methods=FORM_METHODS)
@once_per_token
def criteria_section(request: HttpRequest, pk: int, section_pk: int | None = None) -> HttpResponse:
    """Add a section to a draft, or change one."""
    if section_pk is None:
        criteria_set = get_criteria_set_for_user(request.user, pk, for_write=True)
        section = None
        initial: dict[str, Any] = {"rated": "yes"}
    else:
        section = get_section_for_user(request.user, pk, section_pk)
        criteria_set = section.criteria_set
        initial = {"title": section.title, "rated": "yes" if section.rated else "no"}
    form: forms.Form = SectionForm(
        request.POST or None, initial=initial | {"version": criteria_set.row_version}
    )
    stale = None
    if request.method == "POST":

        def write(d: dict[str, Any]) -> Any:
            fields = {"row_version": d["version"], "actor": request.user, "title": d["title"]}
            if section is None:
                return section_add(criteria_set=criteria_set, rated=d["rated"], **fields)
            return section_update(section=section, rated=d["rated"], **fields)

        form, stale, done = versioned_save(request, form, SectionForm, write)
        if done:
            return back_to_set(request, criteria_set, f"Section {form.cleaned_data['title']} saved")
    return edit_page(
        request,
        criteria_set,
        form=form,
        section=section,
        stale=stale,
        creating=section is None,
        title="Add a section" if section is None else "Change the section",
        button="Save the section",
    )


def _theirs(saved: Any, form: forms.Form) -> list[tuple[str, str]]:
    """What is saved now, field by field in the form's words, beside the form kept as typed."""
    shown = []
    for name, field in form.fields.items():
        if field.widget.is_hidden or not hasattr(saved, name):
            continue
        display = getattr(saved, f"get_{name}_display", None)
        value = display() if callable(display) else getattr(saved, name)
        if hasattr(value, "all"):
            value = ", ".join(str(v.display_label) for v in value.all())
        elif isinstance(value, bool):
            value = "Yes" if value else "No"
        elif isinstance(value, list):
            value = "; ".join(label for _, label in value)
        elif isinstance(value, dict):
            value = "; ".join(f"{k}: {v}" for k, v in value.items())
        shown.append((str(field.label), str(value) if value not in ("", None) else "Not given"))
    return shown


@access("criteria_owner", methods=FORM_METHODS)
@once_per_token
def criteria_criterion(
    request: HttpRequest, pk: int, criterion_pk: int | None = None
) -> HttpResponse:
    """Add a criterion to a draft (at the end of its section), or change one."""
    if criterion_pk is None:
        criteria_set = get_criteria_set_for_user(request.user, pk, for_write=True)
        criterion = None
        initial: dict[str, Any] = {
            "section": int_param(request.GET.get("section")),
            "phase": "custody",
            "where_appropriate": "no",
            "answer_type": "yes_no",
            "is_key": "no",
        }
    else:
        criterion = get_criterion_for_user(request.user, pk, criterion_pk)
        criteria_set = criterion.criteria_set
        initial = CriterionForm.initial_for(criterion)

    def build(data: Any = None) -> CriterionForm:
        return CriterionForm(
            data,
            criteria_set=criteria_set,
            criterion=criterion_pk,
            initial=initial | {"version": criteria_set.row_version},
        )

    form: forms.Form = build(request.POST or None)
    stale, theirs = None, []
    if request.method == "POST":

        def write(data: dict[str, Any]) -> Any:
            values = CriterionForm.values(data)
            if criterion is None:
                return criterion_add(actor=request.user, **values)
            return criterion_update(criterion=criterion, actor=request.user, **values)

        form, stale, done = versioned_save(request, form, build, write)
        if done:
            code = form.cleaned_data["code"]
            saved = f"Criterion {code} saved"
            return back_to_set(request, criteria_set, saved, f"criterion-{code}")
        if stale is not None and criterion is not None:
            theirs = _theirs(get_criterion_for_user(request.user, pk, criterion.pk), form)
    return edit_page(
        request,
        criteria_set,
        form=form,
        criterion=criterion,
        stale=stale,
        theirs=theirs,
        creating=criterion is None,
        title="Add a criterion" if criterion is None else f"Change criterion {criterion.code}",
        button="Save the criterion",
    )


def _remove(
    request: HttpRequest, criteria_set: CriteriaSet, what: str, text: str, remove: Any
) -> HttpResponse:
    form: forms.Form = VersionForm(
        request.POST or None, initial={"version": criteria_set.row_version}
    )
    stale = None
    if request.method == "POST":
        form, stale, done = versioned_save(
            request, form, VersionForm, lambda d: remove(row_version=d["version"])
        )
        if done:
            return back_to_set(request, criteria_set, f"{what[:1].upper()}{what[1:]} removed")
    return render(
        request,
        "audits/criteria_remove.html",
        {
            "criteria_set": criteria_set,
            "form": form,
            "what": what,
            "text": text,
            "stale": stale,
            "refusal": draft_refusal(criteria_set),
        },
    )


@access("criteria_owner", methods=FORM_METHODS)
def criteria_criterion_remove(request: HttpRequest, pk: int, criterion_pk: int) -> HttpResponse:
    """Take a criterion out of a draft: a draft was never used by an audit, so the row goes
    (kept in history, and as the event audits.criterion_removed)."""
    criterion = get_criterion_for_user(request.user, pk, criterion_pk)
    return _remove(
        request,
        criterion.criteria_set,
        f"criterion {criterion.code}",
        criterion.text,
        lambda **kw: criterion_remove(criterion=criterion, actor=request.user, **kw),
    )


@access("criteria_owner", methods=FORM_METHODS)
def criteria_section_remove(request: HttpRequest, pk: int, section_pk: int) -> HttpResponse:
    section = get_section_for_user(request.user, pk, section_pk)
    return _remove(
        request,
        section.criteria_set,
        f"section {section.title}",
        "",
        lambda **kw: section_remove(section=section, actor=request.user, **kw),
    )
