"""Cases and their tasks through the API, by the service's own case reference: what
`cases_import` does with a case's row and its tasks' rows, through the same row import and
services. Only the service's case workers reach a case (anyone else gets 404, partners too); a
partner updates the tasks it owns. Every read or write of a case here is in its access log."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response

from followthrough.cases.access import get_case_by_reference_for_user, get_task_for_user
from followthrough.cases.forms import TaskUpdateForm
from followthrough.cases.imports import TASK_COLUMNS, ImportReport, rows_import
from followthrough.cases.services import CASE_FIELDS, case_view_record, task_update
from followthrough.core.access import allowed
from followthrough.core.concurrency import StaleEdit, locked_for_edit

from .. import selectors
from .base import Writing, form_data
from .concurrency import stale, version_asked, with_etag
from .idempotency import idempotent
from .plans import IDEMPOTENCY_KEY, IF_MATCH, VERSIONED

PAGE = "api:case-upsert"
IF_EXISTS = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=False,
    description='The case\'s ETag, e.g. "3": needed when the case exists, not to open it',
)
ROW = re.compile(r"Row (\d+)(?:, column (\w+))?: (.*)")


class TaskChangeSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    description = serializers.CharField()
    owner = serializers.CharField(help_text="The owning organisation's name or short name")
    pathway = serializers.CharField(required=False, allow_blank=True)
    due_date = serializers.DateField(required=False, allow_null=True)
    due_anchor = serializers.CharField(required=False)
    due_offset_days = serializers.IntegerField(required=False)
    status = serializers.CharField(required=False)
    version = serializers.IntegerField(read_only=True)


class CaseUpsertSerializer(serializers.Serializer[Any]):
    """A case by its reference: the columns of the case import (docs/casework.md), any of them,
    and its tasks, matched to those it has by description and owner."""

    reference = serializers.CharField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    sentence_date = serializers.DateField(required=False, allow_null=True)
    tasks = TaskChangeSerializer(many=True, required=False)


def _text(field: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise exceptions.ValidationError({field: ["Enter text, a whole number or a date"]})
    return str(value)


def _rows(reference: str, body: Any) -> list[tuple[int, dict[str, str]]]:
    """The request as rows of the import layout: the case's row, then a row for each task."""
    if not isinstance(body, dict):
        raise exceptions.ValidationError({"non_field_errors": ["Send the case as a JSON object"]})
    unknown = sorted(set(body) - {*CASE_FIELDS, "tasks"})
    if unknown:
        raise exceptions.ValidationError(
            {
                name: [
                    "This is not a case field (and a case never holds a name, date of birth, "
                    "address or school)"
                ]
                for name in unknown
            }
        )
    case = {name: _text(name, value) for name, value in body.items() if name != "tasks"}
    rows = [(1, {"record": "case", "reference": reference, **case})]
    tasks = body.get("tasks") or []
    if not isinstance(tasks, list) or not all(isinstance(t, dict) for t in tasks):
        raise exceptions.ValidationError({"tasks": ["Send the tasks as a list of objects"]})
    for number, task in enumerate(tasks, start=2):
        wrong = sorted(set(task) - TASK_COLUMNS)
        if wrong:
            raise exceptions.ValidationError(
                {f"tasks[{number - 2}]": [f"These are not task fields: {', '.join(wrong)}"]}
            )
        given = {name: _text(name, value) for name, value in task.items()}
        rows.append((number, {"record": "task", "reference": reference, **given}))
    return rows


def _errors(report: ImportReport) -> dict[str, list[str]]:
    """The import's "Row 3, column owner: …" as errors by field: the case's fields by name, a
    task's as tasks[0], tasks[1] …"""
    found: dict[str, list[str]] = {}
    for error in report.errors:
        match = ROW.fullmatch(error)
        if match is None:
            found.setdefault("non_field_errors", []).append(error)
            continue
        row, column, message = int(match.group(1)), match.group(2), match.group(3)
        if row == 1:
            found.setdefault(column or "non_field_errors", []).append(message)
        else:
            where = f"column {column}: " if column else ""
            found.setdefault(f"tasks[{row - 2}]", []).append(where + message)
    return found


def _plain(value: Any) -> Any:
    """Dates as the text JSON carries (the answer is kept as JSON for Idempotency-Key)."""
    return value.isoformat() if isinstance(value, date) else value


def _answer(pk: int, code: int = status.HTTP_200_OK) -> Response:
    case = selectors.case_written(pk)
    body: dict[str, Any] = {"reference": case.reference, "version": case.version}
    for name in CASE_FIELDS:
        value = getattr(case, name)
        body[name] = _plain(getattr(value, "short_name", value))
    body["tasks"] = [
        {
            "id": task.pk,
            "description": task.description,
            "owner": task.owner.short_name,
            "pathway": task.pathway.code if task.pathway else "",
            "due_date": _plain(task.due_date),
            "due_anchor": task.due_anchor,
            "due_offset_days": task.due_offset_days,
            "status": task.status,
            "version": task.version,
        }
        for task in case.tasks.all()
    ]
    return with_etag(Response(body, status=code), case.version)


class CaseUpsert(Writing):
    """Read a case by its reference, or open or update it and its tasks (a row of the case
    import and its tasks' rows). Updating needs the case's ETag in If-Match; opening does not,
    and takes an Idempotency-Key."""

    def http_method_not_allowed(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return super(Writing, self).http_method_not_allowed(request, *args, **kwargs)

    @extend_schema(responses={200: CaseUpsertSerializer})
    def get(self, request: Any, reference: str) -> Response:
        _, case = get_case_by_reference_for_user(request.user, reference)
        if case is None:
            raise exceptions.NotFound
        with transaction.atomic():
            case_view_record(case=case, user=request.user, page=PAGE)
        return _answer(case.pk)

    @extend_schema(
        request=CaseUpsertSerializer,
        responses={200: CaseUpsertSerializer, 201: CaseUpsertSerializer, 422: None, **VERSIONED},
        parameters=[IF_EXISTS, IDEMPOTENCY_KEY],
    )
    @idempotent
    def put(self, request: Any, reference: str) -> Response:
        service, case = get_case_by_reference_for_user(request.user, reference)
        if case is not None and not allowed(request.user, "cases.change_case", case):
            raise PermissionDenied
        version = version_asked(request) if case is not None else None
        rows = _rows(reference.strip(), request.data)
        report = ImportReport()
        written = None
        try:
            with transaction.atomic():
                if case is not None:
                    locked_for_edit(case, version if version is not None else -1)
                rows_import(
                    service=service,
                    rows=rows,
                    actor=request.user,
                    today=timezone.localdate(),
                    report=report,
                )
                if report.errors:
                    transaction.set_rollback(True)
                else:
                    written = get_case_by_reference_for_user(request.user, reference)[1]
                if written is not None:
                    case_view_record(case=written, user=request.user, page=PAGE)
        except StaleEdit as exc:
            return stale(exc.current.version)
        if written is None:
            raise exceptions.ValidationError(_errors(report))
        code = status.HTTP_201_CREATED if case is None else status.HTTP_200_OK
        return _answer(written.pk, code)


class TaskUpdate(Writing):
    """Report a task done, or no longer needed: the case's workers, and the agency that owns the
    task, for its own tasks only (the page's form and service)."""

    permission_needed = "cases.change_task"

    def visible(self, user: Any, pk: int) -> Any:
        return get_task_for_user(user, pk)

    @extend_schema(
        request=TaskChangeSerializer,
        responses={200: TaskChangeSerializer, **VERSIONED},
        parameters=[IF_MATCH],
    )
    def patch(self, request: Any, pk: int) -> Response:
        task = self.record(request.user, pk)
        version = version_asked(request)
        body = request.data if isinstance(request.data, dict) else {}
        given = {"status": task.status, "note": task.note, **body}
        asked = version if version is not None else -1
        data = form_data(TaskUpdateForm, given, version=asked)
        try:
            with transaction.atomic():
                saved = task_update(
                    task=task,
                    status=data["status"],
                    note=data["note"],
                    version=asked,
                    actor=request.user,
                    today=timezone.localdate(),
                )
                case_view_record(case=task.case, user=request.user, page="api:task-update")
        except StaleEdit as exc:
            return stale(exc.current.version)
        answer = {
            "id": saved.pk,
            "description": saved.description,
            "owner": task.owner.short_name,
            "status": saved.status,
            "note": saved.note,
            "version": saved.version,
        }
        return with_etag(Response(answer), saved.version)
