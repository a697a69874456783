"""Filters of the endpoints for a plan's versions, progress, target revisions and reviews."""

from __future__ import annotations

import django_filters

from followthrough.actionplans.models import PlanVersion, ProgressUpdate, Review, TargetRevision

from . import RecordId


class PlanVersionFilter(django_filters.FilterSet):
    plan = RecordId(field_name="action_plan_id")

    class Meta:
        model = PlanVersion
        fields = ["plan"]


class ProgressUpdateFilter(django_filters.FilterSet):
    action = RecordId(field_name="action_id")
    plan = RecordId(field_name="action__response__action_plan_id")
    since = django_filters.DateFilter(field_name="date", lookup_expr="gte")

    class Meta:
        model = ProgressUpdate
        fields = ["action", "plan", "since"]


class TargetRevisionFilter(django_filters.FilterSet):
    action = RecordId(field_name="action_id")
    plan = RecordId(field_name="action__response__action_plan_id")
    status = django_filters.ChoiceFilter(choices=TargetRevision.Status.choices)

    class Meta:
        model = TargetRevision
        fields = ["action", "plan", "status"]


class ReviewFilter(django_filters.FilterSet):
    recommendation = RecordId(field_name="recommendation_id")
    report = RecordId(field_name="recommendation__report_id")
    judgement = django_filters.ChoiceFilter(choices=Review.Judgement.choices)

    class Meta:
        model = Review
        fields = ["recommendation", "report", "judgement"]
