"""What the endpoints for a plan's versions, progress updates, target revisions and reviews
return. A version is the plan as it stood when published or amended, numbered from 1."""

from __future__ import annotations

from rest_framework import serializers

from followthrough.actionplans.models import PlanVersion, ProgressUpdate, Review, TargetRevision


class PlanVersionSerializer(serializers.ModelSerializer[PlanVersion]):
    class Meta:
        model = PlanVersion
        fields = ["id", "action_plan", "number", "created_at", "note", "changes", "snapshot"]


class ProgressUpdateSerializer(serializers.ModelSerializer[ProgressUpdate]):
    class Meta:
        model = ProgressUpdate
        fields = ["id", "action", "date", "new_status", "text", "evidence", "evidence_file_name"]


class TargetRevisionSerializer(serializers.ModelSerializer[TargetRevision]):
    slip_days = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="Days the due date moved, when both are known."
    )

    class Meta:
        model = TargetRevision
        fields = [
            "id",
            "action",
            "previous_text",
            "previous_due",
            "new_text",
            "new_kind",
            "new_value",
            "new_due",
            "reason",
            "proposed_on",
            "status",
            "decided_on",
            "slip_days",
        ]


class ReviewSerializer(serializers.ModelSerializer[Review]):
    class Meta:
        model = Review
        fields = ["id", "recommendation", "date", "judgement", "evidence_grade", "commentary"]
