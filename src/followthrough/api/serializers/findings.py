"""What the findings and practice example endpoints return: a finding's percentages as printed
(null where unreadable), a practice example with its kind and themes."""

from __future__ import annotations

from rest_framework import serializers

from followthrough.inspections.models import Finding, PracticeExample


class FindingSerializer(serializers.ModelSerializer[Finding]):
    class Meta:
        model = Finding
        fields = ["id", "report", "order", "section", "lead_in", "statement", "values"]


class PracticeExampleSerializer(serializers.ModelSerializer[PracticeExample]):
    themes = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = PracticeExample
        fields = ["id", "report", "order", "title", "service", "kind", "text", "themes"]
