"""The case manager's pages that change a case: its details, a pathway, meetings, tasks,
contacts, the release day, outcome checks, constructive resettlement and closing. Each page
shows part of the case, so opening one is written to the access log like the case page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from followthrough.core.access import FORM_METHODS, access
from followthrough.core.forms import apply_errors, int_param, save_versioned
from followthrough.core.once import once_per_token

from ..access import get_case_for_user
from ..forms import (
    CaseEditForm,
    CloseForm,
    ContactForm,
    MeetingForm,
    OutcomeForm,
    PathwayForm,
    ReleaseForm,
    SupportForm,
    TaskAddForm,
)
from ..milestones import release_timing_warning
from ..models import Case
from ..selectors import case_meeting, case_outcome, case_pathway_row
from ..services import (
    CASE_FIELDS,
    PATHWAY_FIELDS,
    case_close,
    case_support_update,
    case_update,
    case_view_record,
    contact_record,
    meeting_record,
    outcome_record,
    pathway_update,
    release_record,
    task_add,
    tasks_redate,
)


def _page(
    request: HttpRequest, case: Case, form: forms.Form, *, title: str, button: str, **extra: Any
) -> HttpResponse:
    # Every page that shows the case is a view of it: opened, or shown again after a post.
    case_view_record(case=case, user=request.user, page=request.resolver_match.view_name)
    context = {"case": case, "form": form, "title": title, "button": button, **extra}
    if extra.get("stale") is not None:
        context["theirs"] = _theirs(extra["stale"], form)
    return render(request, "cases/record_form.html", context)


def _theirs(saved: Any, form: forms.Form) -> list[tuple[str, str]]:
    """What the other person saved, field by field in the form's words, shown beside the form
    that kept what this person typed."""
    shown = []
    for name, field in form.fields.items():
        if field.widget.is_hidden or not hasattr(saved, name):
            continue
        display = getattr(saved, f"get_{name}_display", None)
        value = display() if callable(display) else getattr(saved, name)
        if isinstance(value, bool):
            value = "Yes" if value else "No"
        shown.append((str(field.label), str(value) if value not in ("", None) else "Not recorded"))
    return shown


def _saved(request: HttpRequest, case: Case, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect("cases:case-detail", pk=case.pk)


def _once(form: forms.Form, write: Callable[[dict[str, Any]], Any]) -> bool:
    """Run an unversioned write (a new record) for a valid form; a broken rule comes back on it."""
    if not form.is_valid():
        return False
    try:
        with transaction.atomic():
            write(form.cleaned_data)
    except ValidationError as exc:
        apply_errors(form, exc)
        return False
    return True


@access("case_worker", methods=FORM_METHODS)
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request.user, pk, for_write=True)
    stale = None

    def save(data: dict[str, Any]) -> None:
        fields = {name: data[name] for name in CASE_FIELDS if name in data}
        saved = case_update(case=case, version=data["version"], actor=request.user, **fields)
        tasks_redate(case=saved, actor=request.user)

    if request.method == "POST":
        form, stale, done = save_versioned(request, CaseEditForm, save, "case")
        if done:
            return _saved(request, case, f"Case {case.reference} updated")
    else:
        form = CaseEditForm(
            initial={name: getattr(case, name) for name in CASE_FIELDS} | {"version": case.version}
        )
    return _page(request, case, form, title="Change the case", button="Save", stale=stale)


@access("case_worker", methods=FORM_METHODS)
def pathway_edit(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    case = get_case_for_user(request.user, pk, for_write=True)
    row = case_pathway_row(case, code)
    stale = None
    if request.method == "POST":
        form, stale, done = save_versioned(
            request,
            PathwayForm,
            lambda data: pathway_update(
                row=row,
                version=data["version"],
                actor=request.user,
                **{name: data[name] for name in PATHWAY_FIELDS},
            ),
            "pathway",
        )
        if done:
            return _saved(request, case, f"{row.pathway.name} updated")
    else:
        initial = {name: getattr(row, name) for name in PATHWAY_FIELDS}
        form = PathwayForm(initial=initial | {"version": row.version})
    return _page(request, case, form, title=row.pathway.name, button="Save", stale=stale)


@access("case_worker", methods=FORM_METHODS)
@once_per_token
def meeting_new(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request.user, pk, for_write=True)
    form = MeetingForm(request.POST or None)
    made: list[Any] = []
    if request.method == "POST" and _once(
        form, lambda data: made.append(meeting_record(case=case, actor=request.user, **data))
    ):
        messages.success(request, "Meeting recorded. Add the tasks it decided, one at a time.")
        return redirect(f"{reverse('cases:task-new', args=[case.pk])}?meeting={made[0].pk}")
    return _page(request, case, form, title="Record a meeting", button="Record the meeting")


@access("case_worker", methods=FORM_METHODS)
@once_per_token
def task_new(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request.user, pk, for_write=True)
    asked = int_param(request.GET.get("meeting"))
    meeting = case_meeting(case, asked) if asked else None
    form = TaskAddForm(request.POST or None, service=case.service)

    def write(data: dict[str, Any]) -> None:
        offset = data["due_days"] or 0
        task_add(
            case=case,
            description=data["description"],
            owner=data["owner"],
            pathway=data["pathway"],
            meeting=meeting,
            due_anchor=data["due_anchor"],
            due_offset_days=-offset if data["due_anchor"] == "earliest_release" else offset,
            due_on=data["due_on"],
            actor=request.user,
        )

    if request.method == "POST" and _once(form, write):
        if meeting is not None and "another" in request.POST:
            messages.success(request, "Task added. Add the next one.")
            return redirect(request.get_full_path())
        return _saved(request, case, "Task added")
    return _page(
        request,
        case,
        form,
        title="Add a task",
        button="Add the task",
        meeting=meeting,
        another="Add the task and another" if meeting else "",
    )


@access("case_worker", methods=FORM_METHODS)
@once_per_token
def contact_new(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request.user, pk, for_write=True)
    form = ContactForm(request.POST or None)
    today = timezone.localdate()
    if request.method == "POST" and _once(
        form, lambda data: contact_record(case=case, actor=request.user, today=today, **data)
    ):
        return _saved(request, case, "Contact recorded")
    return _page(request, case, form, title="Record a contact", button="Record the contact")


@access("case_worker", methods=FORM_METHODS)
def release_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The release day, warning when it falls late in the week or the day."""
    case = get_case_for_user(request.user, pk, for_write=True)
    stale, warning = None, [""]

    def save(data: dict[str, Any]) -> None:
        moment = timezone.make_aware(datetime.combine(data["released_on"], data["released_time"]))
        fields = {name: data[name] for name in ReleaseForm.day_fields}
        _, warning[0] = release_record(
            case=case, version=data["version"], released_at=moment, actor=request.user, **fields
        )

    if request.method == "POST":
        form, stale, done = save_versioned(request, ReleaseForm, save, "case")
        if done:
            if warning[0]:
                messages.warning(request, warning[0])
            return _saved(request, case, f"Release of case {case.reference} recorded")
    else:
        day = getattr(case, "release_day", None)
        initial: dict[str, Any] = {"version": case.version}
        if day is not None:
            local = timezone.localtime(day.released_at)
            initial |= {name: getattr(day, name) for name in ReleaseForm.day_fields}
            initial |= {"released_on": local.date(), "released_time": local.strftime("%H:%M")}
        form = ReleaseForm(initial=initial)
    planned = case.earliest_release
    ahead = release_timing_warning(planned.weekday(), None) if planned else ""
    return _page(
        request, case, form, title="Record the release", button="Save", stale=stale, ahead=ahead
    )


@access("case_worker", methods=FORM_METHODS)
def outcome_edit(request: HttpRequest, pk: int, months: int) -> HttpResponse:
    case = get_case_for_user(request.user, pk, for_write=True)
    if months not in (3, 6):
        raise Http404
    today = timezone.localdate()
    stale = None
    if request.method == "POST":
        form, stale, done = save_versioned(
            request,
            OutcomeForm,
            lambda data: outcome_record(
                case=case,
                months=months,
                actor=request.user,
                today=today,
                **(data | {"version": data["version"] or 0}),
            ),
            "check",
        )
        if done:
            return _saved(request, case, f"{months}-month check recorded")
    else:
        existing = case_outcome(case, months)
        initial = {"version": 0, "recorded_on": today}
        if existing is not None:
            initial = {name: getattr(existing, name) for name in OutcomeForm.base_fields}
        form = OutcomeForm(initial=initial)
    title = f"The check {months} months after release"
    return _page(request, case, form, title=title, button="Save the check", stale=stale)


@access("case_worker", methods=FORM_METHODS)
def support_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Constructive resettlement: the four questions with the child and the 5Cs check."""
    case = get_case_for_user(request.user, pk, for_write=True)
    stale = None

    def save(data: dict[str, Any]) -> None:
        case_support_update(
            case=case,
            version=data["version"],
            actor=request.user,
            personal_support={k[2:]: v for k, v in data.items() if k.startswith("q_")},
            five_cs={k[2:]: v for k, v in data.items() if k.startswith("c_")},
        )

    if request.method == "POST":
        form, stale, done = save_versioned(request, SupportForm, save, "case")
        if done:
            return _saved(request, case, "Personal support and the 5Cs saved")
    else:
        initial = {f"q_{k}": v for k, v in case.personal_support.items()}
        initial |= {f"c_{k}": v for k, v in case.five_cs.items()}
        form = SupportForm(initial=initial | {"version": case.version})
    title = "Constructive resettlement"
    return _page(request, case, form, title=title, button="Save", stale=stale)


@access("case_worker", methods=FORM_METHODS)
def case_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request.user, pk, for_write=True)
    stale = None
    today = timezone.localdate()
    if request.method == "POST":
        form, stale, done = save_versioned(
            request,
            CloseForm,
            lambda data: case_close(case=case, actor=request.user, today=today, **data),
            "case",
        )
        if done:
            return _saved(request, case, f"Case {case.reference} closed")
    else:
        form = CloseForm(initial={"closed_on": today, "version": case.version})
    return _page(request, case, form, title="Close the case", button="Close the case", stale=stale)
