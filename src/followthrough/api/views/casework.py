"""Cases and their tasks. Every case the API hands over is written to the service's access log,
as the case page and the caseload download write theirs; a partner agency reads only the tasks
it owns, and of their cases only the reference."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from followthrough.cases.services import case_view_record, case_views_record
from followthrough.core.access import allowed

from ..filters.casework import CaseFilter, TaskFilter
from ..selectors.casework import cases_for, tasks_for
from ..serializers.casework import CaseSerializer, TaskSerializer
from . import ReadOnly


class CaseViewSet(ReadOnly):
    serializer_class = CaseSerializer
    filterset_class = CaseFilter
    ordering_fields = ["id", "reference", "sentence_date"]

    def get_queryset(self) -> Any:
        return cases_for(self.request.user)

    def get_object(self) -> Any:
        case = super().get_object()
        if not allowed(self.request.user, "cases.view_case", case):
            raise NotFound
        return case

    def retrieve(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        case = self.get_object()
        case_view_record(case=case, user=request.user, page="api:case-detail")
        return Response(self.get_serializer(case).data)

    def list(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().list(request, *args, **kwargs)
        page = getattr(self.paginator, "page", None) or []
        case_views_record(cases=list(page), user=request.user, page="api:case-list")
        return response


class TaskViewSet(ReadOnly):
    serializer_class = TaskSerializer
    filterset_class = TaskFilter
    ordering_fields = ["id", "due_date"]

    def get_queryset(self) -> Any:
        return tasks_for(self.request.user)

    def get_object(self) -> Any:
        task = super().get_object()
        if not allowed(self.request.user, "cases.view_task", task):
            raise NotFound
        return task

    def retrieve(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        # The task shows part of its case (its reference): a view of it, as on the task's page.
        task = self.get_object()
        case_view_record(case=task.case, user=request.user, page="api:task-detail")
        return Response(self.get_serializer(task).data)
