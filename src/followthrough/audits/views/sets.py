"""Criteria sets: the list by family, one set in the inspectorate's layout, creating a set, a
draft's details, a new version, publishing, and the spreadsheet both ways. Every change to a
draft carries the set's row_version (sections and criteria: views/criteria.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify

from followthrough.core.access import FORM_METHODS, READ, access, allowed
from followthrough.core.concurrency import StaleEdit
from followthrough.core.forms import apply_errors, posted_with_version
from followthrough.core.once import once_per_token

from ..access import get_criteria_owners_for_user, get_criteria_set_for_user
from ..forms.sets import (
    CriteriaImportForm,
    CriteriaSetEditForm,
    CriteriaSetNewForm,
    VersionForm,
)
from ..imports import criteria_set_import, criteria_set_xlsx
from ..models import CriteriaSet
from ..selectors.sets import (
    criteria_owner_choices,
    criteria_set_detail,
    criteria_set_families,
)
from ..services import (
    criteria_set_create,
    criteria_set_new_version,
    criteria_set_publish,
    criteria_set_update,
    ensure_draft,
)

POST = ("POST",)
CHANGE = "audits.change_criteriaset"
STALE = (
    "Someone else changed this criteria set after you opened this page. What is saved now is "
    "shown; the form keeps what you typed. Check both, then save again."
)


def draft_refusal(criteria_set: CriteriaSet) -> str:
    try:
        ensure_draft(criteria_set)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return ""


@access("signed_in", methods=READ)
def criteria_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "audits/criteria_list.html",
        {
            "families": criteria_set_families(),
            "can_create": criteria_owner_choices(request.user).exists(),
        },
    )


@access("criteria_author", methods=FORM_METHODS)
@once_per_token
def criteria_new(request: HttpRequest) -> HttpResponse:
    owners = get_criteria_owners_for_user(request.user)
    form = CriteriaSetNewForm(
        request.POST or None,
        owners=criteria_owner_choices(request.user),
        initial={"owner": owners[0].pk},
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                made = criteria_set_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"{made} created as a draft: add its sections and criteria")
            return redirect("audits:criteria-detail", pk=made.pk)
    return render(request, "audits/criteria_new.html", {"form": form})


@access("signed_in", methods=READ)
def criteria_detail(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = get_criteria_set_for_user(request.user, pk)
    owns = allowed(request.user, CHANGE, criteria_set)
    draft = criteria_set.status == CriteriaSet.Status.DRAFT
    return render(
        request,
        "audits/criteria_detail.html",
        {
            "detail": criteria_set_detail(criteria_set),
            "criteria_set": criteria_set,
            "can_edit": owns and draft,
            "can_version": owns and criteria_set.status == CriteriaSet.Status.PUBLISHED,
            "can_publish": owns and draft,
        },
    )


def versioned_save(
    request: HttpRequest,
    form: forms.Form,
    rebuild: Callable[[Any], forms.Form],
    write: Callable[[dict[str, Any]], Any],
) -> tuple[forms.Form, CriteriaSet | None, bool]:
    """Run a change to a draft from a valid form; a change made meanwhile comes back on a form
    carrying the newer version, and a broken rule on the form."""
    if not form.is_valid():
        return form, None, False
    try:
        with transaction.atomic():
            write(form.cleaned_data)
    except StaleEdit as exc:
        current = exc.current
        form = rebuild(posted_with_version(request.POST, current.row_version))
        form.is_valid()
        form.add_error(None, STALE)
        return form, current, False
    except ValidationError as exc:
        apply_errors(form, exc)
        return form, None, False
    return form, None, True


def edit_page(request: HttpRequest, criteria_set: CriteriaSet, **context: Any) -> HttpResponse:
    context.setdefault("refusal", draft_refusal(criteria_set))
    return render(request, "audits/criteria_edit.html", {"criteria_set": criteria_set, **context})


def back_to_set(
    request: HttpRequest, criteria_set: CriteriaSet, text: str, anchor: str = ""
) -> HttpResponse:
    messages.success(request, text)
    response = redirect("audits:criteria-detail", pk=criteria_set.pk)
    response["Location"] += f"#{anchor}" if anchor else ""
    return response


@access("criteria_owner", methods=FORM_METHODS)
def criteria_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A draft's name, description and inspection report."""
    criteria_set = get_criteria_set_for_user(request.user, pk, for_write=True)
    form: forms.Form = CriteriaSetEditForm(
        request.POST or None,
        initial={
            "name": criteria_set.name,
            "description": criteria_set.description,
            "report": criteria_set.report_id,
            "version": criteria_set.row_version,
        },
    )
    if request.method == "POST":
        form, _, done = versioned_save(
            request,
            form,
            CriteriaSetEditForm,
            lambda d: criteria_set_update(
                criteria_set=criteria_set,
                row_version=d["version"],
                actor=request.user,
                name=d["name"],
                description=d["description"],
                report=d["report"],
            ),
        )
        if done:
            return back_to_set(request, criteria_set, "The set's details are saved")
    return edit_page(
        request, criteria_set, form=form, title="Change the set's details", button="Save"
    )


@access("criteria_owner", methods=POST)
@once_per_token
def criteria_new_version_view(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = get_criteria_set_for_user(request.user, pk, for_write=True)
    if criteria_set.status == CriteriaSet.Status.DRAFT:
        messages.error(request, "This version is a draft: change it, then publish it")
        return redirect("audits:criteria-detail", pk=criteria_set.pk)
    with transaction.atomic():
        draft = criteria_set_new_version(criteria_set=criteria_set, actor=request.user)
    messages.success(request, f"Version {draft.version} is a draft: change it, then publish it")
    return redirect("audits:criteria-detail", pk=draft.pk)


@access("criteria_owner", methods=POST)
def criteria_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = get_criteria_set_for_user(request.user, pk, for_write=True)
    form = VersionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("The page was out of date: open it again, then publish")
        with transaction.atomic():
            published = criteria_set_publish(
                criteria_set=criteria_set,
                row_version=form.cleaned_data["version"],
                actor=request.user,
            )
    except StaleEdit:
        messages.error(
            request,
            "Someone changed the set after you opened it: check what they changed, then publish",
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Version {published.version} is published: audits can use it")
    return redirect("audits:criteria-detail", pk=criteria_set.pk)


@access("signed_in", methods=READ)
def criteria_export_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = get_criteria_set_for_user(request.user, pk)
    response = HttpResponse(
        criteria_set_xlsx(criteria_set),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"{slugify(criteria_set.name)[:60] or 'criteria'}-version-{criteria_set.version}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@access("criteria_owner", methods=FORM_METHODS)
def criteria_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Replace a draft's sections and criteria with a workbook, once every row is right."""
    criteria_set = get_criteria_set_for_user(request.user, pk, for_write=True)
    form = CriteriaImportForm(
        request.POST or None, request.FILES or None, initial={"version": criteria_set.row_version}
    )
    row_errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                report = criteria_set_import(
                    criteria_set=criteria_set,
                    content=form.content,
                    row_version=form.cleaned_data["version"],
                    actor=request.user,
                )
        except StaleEdit as exc:
            form.data = posted_with_version(request.POST, exc.current.row_version)
            form.add_error(None, STALE + " Select the file again.")
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if not report.errors:
                return back_to_set(
                    request,
                    criteria_set,
                    f"Imported {report.criteria} criteria in {report.sections} sections",
                )
            row_errors = report.errors
    return render(
        request,
        "audits/criteria_import.html",
        {
            "criteria_set": criteria_set,
            "form": form,
            "row_errors": row_errors[:50],
            "more_errors": max(len(row_errors) - 50, 0),
            "refusal": draft_refusal(criteria_set),
        },
    )
