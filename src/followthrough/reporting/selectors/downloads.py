"""Reads for downloads prepared in the background: the version of the data a file would be built
from, so a file already built from the same data is handed over at once."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from django.db.models import Count, Max, Model, QuerySet

from followthrough.actionplans.models import (
    Action,
    ActionPlan,
    ProgressUpdate,
    Response,
    Review,
    TargetRevision,
)
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.models import Membership, Organisation

from ..models import Download


def _stamp(querysets: list[QuerySet[Any]]) -> list[str]:
    """Each table's latest change and row count: an edit moves the first, a deletion the
    second. One small aggregate query per table."""
    stamps = []
    for qs in querysets:
        row = qs.aggregate(changed=Max("updated_at"), rows=Count("pk"))
        changed = row["changed"].isoformat() if row["changed"] else "-"
        stamps.append(f"{qs.model._meta.label}:{changed}:{row['rows']}")
    return stamps


def _who(user: Any) -> list[QuerySet[Any]]:
    # What a user may see follows their memberships: a new one changes the file.
    return [Membership.objects.filter(user=user)]


def progress_report_version(report: Report, *, user: Any) -> list[str]:
    """The data a report's progress report is built from, as its latest changes."""
    in_report: list[QuerySet[Any]] = [
        Report.objects.filter(pk=report.pk),
        Recommendation.objects.filter(report=report),
        ActionPlan.objects.filter(report=report),
        Response.objects.filter(recommendation__report=report),
        Action.objects.filter(response__recommendation__report=report),
        ProgressUpdate.objects.filter(action__response__recommendation__report=report),
        TargetRevision.objects.filter(action__response__recommendation__report=report),
        Review.objects.filter(recommendation__report=report),
    ]
    return _stamp([*in_report, *_who(user)])


def open_recommendations_version(*, user: Any) -> list[str]:
    """The data the inspectorate's list of open recommendations is built from."""
    tables: list[type[Model]] = [
        Report,
        Recommendation,
        ActionPlan,
        Response,
        Action,
        ProgressUpdate,
        TargetRevision,
        Review,
        Organisation,
    ]
    return _stamp([*(model._default_manager.all() for model in tables), *_who(user)])


def download_cache_key(
    *, kind: str, fmt: str, params: dict[str, Any], version: list[str], today: date
) -> str:
    """One hash for what a file would hold: statuses are as of a day, so the day is part of it."""
    key = json.dumps([kind, fmt, params, version, today.isoformat()], sort_keys=True)
    return hashlib.sha256(key.encode()).hexdigest()


def download_waiting(*, user: Any, cache_key: str) -> Download | None:
    """A download of the same data this user asked for before, ready or on its way."""
    return (
        Download.objects.filter(requested_by=user, cache_key=cache_key)
        .exclude(status=Download.Status.FAILED)
        .defer("content")
        .order_by("-created_at")
        .first()
    )
