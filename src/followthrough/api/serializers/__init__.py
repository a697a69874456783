"""What each endpoint returns. Records that refuse stale edits carry their `version`, which
becomes the ETag writes will need in `If-Match`."""

from __future__ import annotations

from rest_framework import serializers

from followthrough.actionplans.models import Action, ActionPlan, Response
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.models import Organisation


class OrganisationSerializer(serializers.ModelSerializer[Organisation]):
    class Meta:
        model = Organisation
        fields = ["id", "name", "short_name", "kind"]


class ReportSerializer(serializers.ModelSerializer[Report]):
    inspectorates = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Report
        fields = ["id", "title", "kind", "published", "published_precision", "inspectorates"]


class RecommendationSerializer(serializers.ModelSerializer[Recommendation]):
    addressees = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    items = serializers.ListField(child=serializers.JSONField(), read_only=True)
    themes = serializers.ListField(child=serializers.CharField(), read_only=True)
    lines_of_enquiry = serializers.ListField(child=serializers.JSONField(), read_only=True)

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "report",
            "section",
            "label",
            "text",
            "items",
            "addressee_text",
            "addressees",
            "themes",
            "lines_of_enquiry",
            "version",
        ]


class ActionSerializer(serializers.ModelSerializer[Action]):
    state = serializers.CharField(read_only=True, help_text="As of today, as the pages show it.")

    class Meta:
        model = Action
        fields = [
            "id",
            "description",
            "measure",
            "owner_text",
            "owner_organisation",
            "target_text",
            "due_date",
            "status",
            "completed_on",
            "state",
            "version",
        ]


class ResponseSerializer(serializers.ModelSerializer[Response]):
    actions = ActionSerializer(many=True, read_only=True)

    class Meta:
        model = Response
        fields = [
            "id",
            "recommendation",
            "responding_organisation",
            "decision",
            "decision_text",
            "narrative",
            "version",
            "actions",
        ]


class ActionPlanSummarySerializer(serializers.ModelSerializer[ActionPlan]):
    """A plan as the list shows it: its responses and actions are on the plan's own address, so
    a page of a national list stays small."""

    class Meta:
        model = ActionPlan
        fields = [
            "id",
            "report",
            "title",
            "coordinating_organisation",
            "status",
            "submitted",
            "status_as_at",
        ]


class ActionPlanSerializer(serializers.ModelSerializer[ActionPlan]):
    responses = ResponseSerializer(many=True, read_only=True)

    class Meta:
        model = ActionPlan
        fields = [
            "id",
            "report",
            "title",
            "coordinating_organisation",
            "status",
            "submitted",
            "status_as_at",
            "responses",
        ]
