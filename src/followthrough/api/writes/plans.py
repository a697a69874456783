"""Writes to action plans, through the same forms and services as the pages: start a draft,
record a response, add and edit actions, submit and publish the plan."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from followthrough.actionplans.access import (
    AMEND,
    get_action_for_user,
    get_action_plan_for_user,
    get_response_for_user,
)
from followthrough.actionplans.forms import ActionForm, ResponseForm
from followthrough.actionplans.models import ProgressUpdate, TargetRevision
from followthrough.actionplans.services import (
    action_plan_find_or_start,
    action_plan_publish,
    action_plan_submit,
    action_save,
    response_record,
)
from followthrough.core.concurrency import StaleEdit
from followthrough.inspections.access import get_report_for_user
from followthrough.organisations.access import get_writer_organisations_for_user

from .. import selectors
from ..serializers import ActionPlanSerializer, ActionSerializer, ResponseSerializer
from .base import Writing, form_data
from .concurrency import stale, version_asked, with_etag
from .idempotency import HEADER, idempotent

IF_MATCH = OpenApiParameter(
    "If-Match", str, OpenApiParameter.HEADER, required=True, description='The ETag, e.g. "3"'
)
IDEMPOTENCY_KEY = OpenApiParameter(
    HEADER,
    str,
    OpenApiParameter.HEADER,
    description="Send the same key again to be answered as the first time rather than create twice",
)
VERSIONED = {412: None, 428: None}


class ProgressReportedSerializer(serializers.ModelSerializer[ProgressUpdate]):
    class Meta:
        model = ProgressUpdate
        fields = [
            "id",
            "action",
            "date",
            "new_status",
            "text",
            "evidence",
            "evidence_file_name",
            "author",
        ]


class TargetRevisionProposedSerializer(serializers.ModelSerializer[TargetRevision]):
    class Meta:
        model = TargetRevision
        fields = [
            "id",
            "action",
            "previous_text",
            "new_text",
            "new_due",
            "reason",
            "status",
            "proposed_by",
            "proposed_on",
            "decided_by",
            "decided_on",
        ]


class DecisionSerializer(serializers.Serializer[Any]):
    decision = serializers.ChoiceField(
        choices=["approve", "reject"], error_messages={"invalid_choice": "Select approve or reject"}
    )


def _merged(request: Any, current: dict[str, Any]) -> dict[str, Any]:
    """PUT sends the whole record; PATCH only what changes, the rest kept as it is."""
    body = request.data if isinstance(request.data, dict) else {}
    return {**current, **body} if request.method == "PATCH" else dict(body)


class ResponseRecord(Writing):
    """Record the decision and narrative of a response (PUT the whole, PATCH a part)."""

    permission_needed = AMEND

    def visible(self, user: Any, pk: int) -> Any:
        return get_response_for_user(user, pk)

    @extend_schema(
        request=ResponseSerializer,
        responses={200: ResponseSerializer, **VERSIONED},
        parameters=[IF_MATCH],
    )
    def put(self, request: Any, pk: int) -> Response:
        response = self.record(request.user, pk)
        version = version_asked(request)
        current = {
            "decision": response.decision,
            "reason_categories": response.reason_categories,
            "agreed_part": response.agreed_part,
            "narrative": response.narrative,
        }
        data = form_data(ResponseForm, _merged(request, current), version=version or 0)
        try:
            with transaction.atomic():
                saved = response_record(
                    response=response,
                    decision=data["decision"],
                    reason_categories=data["reason_categories"],
                    agreed_part=data["agreed_part"],
                    narrative=data["narrative"],
                    version=version if version is not None else -1,
                    actor=request.user,
                    change_reason=data["change_reason"],
                )
        except StaleEdit as exc:
            return stale(exc.current.version)
        body = ResponseSerializer(selectors.response_written(saved.pk, today=timezone.localdate()))
        return with_etag(Response(body.data), saved.version)

    @extend_schema(
        request=ResponseSerializer,
        responses={200: ResponseSerializer, **VERSIONED},
        parameters=[IF_MATCH],
    )
    def patch(self, request: Any, pk: int) -> Response:
        return self.put(request, pk)


def _action_saved(request: Any, response: Any, action: Any, data: dict[str, Any]) -> Any:
    return action_save(
        response=response,
        action=action,
        description=data["description"],
        owner_text=data["owner_text"],
        owner_organisation=data["owner_organisation"],
        target_text=data["target_text"],
        measure=data["measure"],
        version=data["version"],
        actor=request.user,
        change_reason=data["change_reason"],
    )


def _action_answer(action: Any, code: int = status.HTTP_200_OK) -> Response:
    body = ActionSerializer(selectors.action_written(action.pk, today=timezone.localdate()))
    return with_etag(Response(body.data, status=code), action.version)


class ActionCreate(Writing):
    """Add an action to a response."""

    permission_needed = AMEND

    def visible(self, user: Any, pk: int) -> Any:
        return get_response_for_user(user, pk)

    @extend_schema(
        request=ActionSerializer,
        responses={201: ActionSerializer, 422: None},
        parameters=[IDEMPOTENCY_KEY],
    )
    @idempotent
    def post(self, request: Any, pk: int) -> Response:
        response = self.record(request.user, pk)
        data = form_data(ActionForm, request.data, version="")
        with transaction.atomic():
            action = _action_saved(request, response, None, data)
        return _action_answer(action, status.HTTP_201_CREATED)


class ActionEdit(Writing):
    """Change what an action says (PUT the whole, PATCH a part)."""

    permission_needed = AMEND

    def visible(self, user: Any, pk: int) -> Any:
        return get_action_for_user(user, pk)

    def checked_on(self, found: Any) -> Any:
        return found.response  # an action is edited under its response's rule, as on the page

    @extend_schema(
        request=ActionSerializer,
        responses={200: ActionSerializer, **VERSIONED},
        parameters=[IF_MATCH],
    )
    def put(self, request: Any, pk: int) -> Response:
        action = self.record(request.user, pk)
        version = version_asked(request)
        current = {
            "description": action.description,
            "owner_text": action.owner_text,
            "owner_organisation": action.owner_organisation_id,
            "target_text": action.target_text,
            "measure": action.measure,
        }
        asked = version if version is not None else -1
        data = form_data(ActionForm, _merged(request, current), version=asked)
        try:
            with transaction.atomic():
                saved = _action_saved(request, action.response, action, data)
        except StaleEdit as exc:
            return stale(exc.current.version)
        return _action_answer(saved)

    @extend_schema(
        request=ActionSerializer,
        responses={200: ActionSerializer, **VERSIONED},
        parameters=[IF_MATCH],
    )
    def patch(self, request: Any, pk: int) -> Response:
        return self.put(request, pk)


class PlanStartSerializer(serializers.Serializer[Any]):
    organisation = serializers.IntegerField(help_text="The organisation the plan is for")


def _plan_answer(user: Any, plan: Any, code: int = status.HTTP_200_OK) -> Response:
    found = selectors.action_plans_for(user, today=timezone.localdate()).get(pk=plan.pk)
    return Response(ActionPlanSerializer(found).data, status=code)


class PlanStart(Writing):
    """Start a draft plan for one of your organisations, with a response to each recommendation
    addressed to it. Asked again, it answers with the plan already started (200)."""

    def visible(self, user: Any, pk: int) -> Any:
        return get_report_for_user(user, pk)

    def record(self, user: Any, pk: int) -> Any:
        report = super().record(user, pk)
        try:
            self.organisations = get_writer_organisations_for_user(user)
        except Http404:
            # Sees the report, writes for no organisation: refused, as any write it may not make.
            raise PermissionDenied from None
        return report

    @extend_schema(
        request=PlanStartSerializer,
        responses={201: ActionPlanSerializer, 200: ActionPlanSerializer},
    )
    def post(self, request: Any, pk: int) -> Response:
        report = self.record(request.user, pk)
        asked = request.data.get("organisation") if isinstance(request.data, dict) else None
        chosen = next((o for o in self.organisations if str(o.pk) == str(asked)), None)
        if chosen is None:
            raise serializers.ValidationError(
                {"organisation": ["Select the organisation the plan is for"]}
            )
        with transaction.atomic():
            plan, started = action_plan_find_or_start(
                report=report, organisation=chosen, actor=request.user
            )
        return _plan_answer(
            request.user, plan, status.HTTP_201_CREATED if started else status.HTTP_200_OK
        )


class PlanStep(Writing):
    """Move a plan a step along its workflow, under the same checks as the plan's page."""

    def visible(self, user: Any, pk: int) -> Any:
        return get_action_plan_for_user(user, pk)

    def step(self, request: Any, plan: Any) -> Any:
        raise NotImplementedError

    @extend_schema(request=None, responses={200: ActionPlanSerializer})
    def post(self, request: Any, pk: int) -> Response:
        plan = self.record(request.user, pk)
        with transaction.atomic():
            self.step(request, plan)
        return _plan_answer(request.user, plan)


class PlanSubmit(PlanStep):
    """Submit a draft plan: refused (400), with every problem listed, until each response meets
    the decision rules."""

    permission_needed = "actionplans.submit_actionplan"

    def step(self, request: Any, plan: Any) -> Any:
        return action_plan_submit(plan=plan, actor=request.user, today=timezone.localdate())


class PlanPublish(PlanStep):
    """Publish a submitted plan: every signed-in user can then read it."""

    permission_needed = "actionplans.publish_actionplan"

    def step(self, request: Any, plan: Any) -> Any:
        return action_plan_publish(plan=plan, actor=request.user)
