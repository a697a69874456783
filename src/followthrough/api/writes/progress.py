"""Writes on a published plan's actions, through the pages' forms and services: report progress
(with evidence as a link or reference, or a file sent as multipart/form-data), propose a new
target, and approve or reject one."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response

from followthrough.actionplans.access import (
    PROGRESS,
    get_action_for_user,
    get_target_revision_for_user,
)
from followthrough.actionplans.forms import ProgressForm, TargetForm
from followthrough.actionplans.services import (
    progress_update_add,
    target_revision_decide,
    target_revision_propose,
)

from .base import Writing, form_data
from .idempotency import idempotent
from .plans import (
    IDEMPOTENCY_KEY,
    DecisionSerializer,
    ProgressReportedSerializer,
    TargetRevisionProposedSerializer,
)


class ProgressWithFileSerializer(ProgressReportedSerializer):
    evidence_file = serializers.FileField(
        required=False,
        help_text="A PDF, Word, Excel, image or text file, checked by what its bytes are",
    )

    class Meta(ProgressReportedSerializer.Meta):
        fields = [*ProgressReportedSerializer.Meta.fields, "evidence_file"]


class ProgressCreate(Writing):
    """Report progress on an action: what happened, its status now, and the evidence (a link or
    reference, or a file sent as multipart/form-data, as on the page)."""

    permission_needed = PROGRESS

    def visible(self, user: Any, pk: int) -> Any:
        return get_action_for_user(user, pk)

    @extend_schema(
        request={
            "application/json": ProgressReportedSerializer,
            "multipart/form-data": ProgressWithFileSerializer,
        },
        responses={201: ProgressReportedSerializer, 422: None},
        parameters=[IDEMPOTENCY_KEY],
    )
    @idempotent
    def post(self, request: Any, pk: int) -> Response:
        action = self.record(request.user, pk)
        upload = request.FILES.get("evidence_file")
        fields = {k: v for k, v in request.data.items() if k != "evidence_file"}
        data = form_data(ProgressForm, fields if upload else request.data)
        with transaction.atomic():
            update = progress_update_add(
                action=action,
                on=data["on"],
                text=data["text"],
                new_status=data["new_status"],
                evidence=data["evidence"],
                actor=request.user,
                today=timezone.localdate(),
                evidence_file=(upload.name, b"".join(upload.chunks())) if upload else None,
            )
        return Response(ProgressReportedSerializer(update).data, status=status.HTTP_201_CREATED)


class TargetRevisionCreate(Writing):
    """Propose a new target for an action; the current one stays until an approver agrees."""

    permission_needed = PROGRESS

    def visible(self, user: Any, pk: int) -> Any:
        return get_action_for_user(user, pk)

    @extend_schema(
        request=TargetRevisionProposedSerializer,
        responses={201: TargetRevisionProposedSerializer, 422: None},
        parameters=[IDEMPOTENCY_KEY],
    )
    @idempotent
    def post(self, request: Any, pk: int) -> Response:
        action = self.record(request.user, pk)
        data = form_data(TargetForm, request.data)
        with transaction.atomic():
            revision = target_revision_propose(
                action=action,
                new_text=data["new_text"],
                reason=data["reason"],
                actor=request.user,
                today=timezone.localdate(),
            )
        return Response(
            TargetRevisionProposedSerializer(revision).data, status=status.HTTP_201_CREATED
        )


class TargetRevisionDecide(Writing):
    """Approve or reject a proposed target: decided once, by someone other than who asked."""

    permission_needed = "actionplans.decide_target"

    def visible(self, user: Any, pk: int) -> Any:
        return get_target_revision_for_user(user, pk)

    @extend_schema(request=DecisionSerializer, responses={200: TargetRevisionProposedSerializer})
    def post(self, request: Any, pk: int) -> Response:
        revision = self.record(request.user, pk)
        asked = DecisionSerializer(data=request.data if isinstance(request.data, dict) else {})
        if not asked.is_valid():
            raise exceptions.ValidationError({"decision": ["Select approve or reject"]})
        with transaction.atomic():
            decided = target_revision_decide(
                revision=revision,
                approve=asked.validated_data["decision"] == "approve",
                actor=request.user,
                today=timezone.localdate(),
            )
        return Response(TargetRevisionProposedSerializer(decided).data)
