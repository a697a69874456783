"""What the casework endpoints return: a case under its service's reference and nothing that
names the child (the fields a form or an import may set), and a task with only its case's
reference, which is all a partner agency sees of a case."""

from __future__ import annotations

from rest_framework import serializers

from followthrough.cases.models import Case, CasePathway, Task
from followthrough.cases.services import CASE_FIELDS


class CasePathwaySerializer(serializers.ModelSerializer[CasePathway]):
    pathway = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = CasePathway
        fields = ["pathway", "need", "suitable_at_release", "version"]


class CaseSerializer(serializers.ModelSerializer[Case]):
    pathways = CasePathwaySerializer(many=True, read_only=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "service",
            *CASE_FIELDS,
            "closed_on",
            "closure_reason",
            "pathways",
            "version",
        ]


class TaskSerializer(serializers.ModelSerializer[Task]):
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    pathway = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Task
        fields = [
            "id",
            "case_reference",
            "pathway",
            "description",
            "owner",
            "due_anchor",
            "due_offset_days",
            "due_date",
            "status",
            "done_on",
            "note",
            "version",
        ]
