"""What the case audit endpoints return: an audit's set-up and state, and on its own its
findings (the rows of its CSV download) and ratings, suppressed as the findings page shows them."""

from __future__ import annotations

from rest_framework import serializers

from followthrough.audits.models import Audit


class RatingSerializer(serializers.Serializer):  # type: ignore[type-arg]
    of = serializers.CharField(help_text="The key question, or the standard.")
    rating = serializers.CharField()
    steps = serializers.ListField(child=serializers.CharField())


class AuditFiguresSerializer(serializers.Serializer):  # type: ignore[type-arg]
    headers = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(child=serializers.ListField(child=serializers.JSONField()))
    ratings = RatingSerializer(many=True)


class AuditSerializer(serializers.ModelSerializer[Audit]):
    class Meta:
        model = Audit
        fields = [
            "id",
            "organisation",
            "criteria_set",
            "title",
            "period_start",
            "period_end",
            "population",
            "sampling",
            "status",
            "sampled_on",
            "finished_on",
            "shared_with_inspectorate",
            "version",
        ]


class AuditWithFindingsSerializer(AuditSerializer):
    findings = AuditFiguresSerializer(
        read_only=True,
        allow_null=True,
        help_text="Null while you still have a case to mark a second time.",
    )

    class Meta(AuditSerializer.Meta):
        fields = [*AuditSerializer.Meta.fields, "findings"]
