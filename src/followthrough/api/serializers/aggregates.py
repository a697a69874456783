"""What the casework aggregate endpoints return: the tables the board pack and national pages
show, small numbers already suppressed as there, each with its caption and header row."""

from __future__ import annotations

from rest_framework import serializers


class TableSerializer(serializers.Serializer):  # type: ignore[type-arg]
    heading = serializers.CharField(help_text="The heading above the table, or empty.")
    title = serializers.CharField(help_text="The table's caption: what it counts.")
    headers = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Cells as the page prints them, a hidden count as the page words it.",
    )


class CaseworkFiguresSerializer(serializers.Serializer):  # type: ignore[type-arg]
    title = serializers.CharField()
    as_at = serializers.DateField()
    definition = serializers.CharField()
    breakdowns = serializers.DictField(child=serializers.CharField())
    tables = TableSerializer(many=True)
