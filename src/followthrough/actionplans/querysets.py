"""Derived state of actions, computed in the database in one place and always as of a given day."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce

from followthrough.organisations.access import standing_of

if TYPE_CHECKING:
    from .models import Action, ActionPlan, Response  # noqa: F401

_Tracked = TypeVar("_Tracked", bound=models.Model)

DUE_SOON_DAYS = 90

# The states the overview counts, in the order it shows them.
STATES = {
    "completed": "Completed",
    "ongoing": "Ongoing",
    "overdue": "Overdue",
    "no_update": "Target passed: no progress recorded",
    "due_soon": f"Due in the next {DUE_SOON_DAYS} days",
    "later": "Due later",
    "no_date": "No date",
    "withdrawn": "Withdrawn",
}


# Open states whose target has passed: both need the owner's attention (reminders, escalation).
PAST_TARGET = ("overdue", "no_update")


def state_expression(
    today: date, prefix: str = "", *, progress: Exists | None = None, as_at: str | None = None
) -> Case:
    """A CASE expression giving each action's state as of today (prefix walks a relation).

    An open action whose target has passed is "overdue" once its owner has recorded progress on
    it (an update, whatever it said, is the owner saying it is still open); with nothing recorded
    it is "no_update", so an imported plan is not all red the day it arrives. Without `progress`
    (an EXISTS of the action's updates) every passed target counts as recorded.

    `as_at` names the field (from the action) of its plan's "status as at" date: a historic plan
    the inspectorate no longer tracks is judged as at that date, and a target after it is only
    "later", never chased."""

    def q(**kwargs: object) -> Q:
        return Q(**{f"{prefix}{k}": v for k, v in kwargs.items()})

    finished = q(status="completed") | (q(target_kind="completed") & ~q(status="withdrawn"))
    judged_on: Any = Value(today)
    frozen: list[When] = []
    if as_at is not None:
        judged_on = Coalesce(F(f"{prefix}{as_at}"), Value(today), output_field=models.DateField())
        frozen = [When(q(**{f"{as_at}__isnull": False}), then=Value("later"))]
    return Case(
        When(q(status="withdrawn"), then=Value("withdrawn")),
        When(finished, then=Value("completed")),
        When(q(status="ongoing") | q(target_kind="ongoing"), then=Value("ongoing")),
        When(q(due_date__isnull=True), then=Value("no_date")),
        When(
            progress if progress is not None else Q(),
            **{f"{prefix}due_date__lt": judged_on},
            then=Value("overdue"),
        ),
        When(q(due_date__lt=judged_on), then=Value("no_update")),
        *frozen,
        When(q(due_date__lte=today + timedelta(days=DUE_SOON_DAYS)), then=Value("due_soon")),
        default=Value("later"),
        output_field=models.CharField(),
    )


class ActionPlanQuerySet(models.QuerySet["ActionPlan"]):
    def visible_to(self, user: Any) -> ActionPlanQuerySet:
        """Published plans for every signed-in user; drafts for their organisation and the
        inspectorate only."""
        standing = standing_of(user)
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if standing.sees_all_drafts:
            return self
        return self.filter(
            Q(status="published") | Q(coordinating_organisation_id__in=standing.organisation_ids)
        )


def _visible_plans(user: Any) -> Any:
    from .models import ActionPlan

    return ActionPlan.objects.visible_to(user).values("pk")


class TrackedQuerySet(models.QuerySet[_Tracked]):
    """State as of a day, for any tracked action (action-plan or improvement)."""

    # The path to the plan's "status as at" date, for actions whose plan can be historic.
    as_at: str | None = None

    def with_state(self, *, today: date) -> Any:
        updates = self.model._meta.get_field("updates").related_model
        progress = Exists(updates.objects.filter(action=OuterRef("pk")))  # type: ignore[union-attr]
        return self.annotate(state=state_expression(today, progress=progress, as_at=self.as_at))

    def overdue(self, *, today: date) -> Any:
        return self.with_state(today=today).filter(state="overdue")

    def due_within(self, *, today: date, days: int) -> Any:
        return self.with_state(today=today).filter(
            state__in=["due_soon", "later"], due_date__lte=today + timedelta(days=days)
        )

    def state_counts(self, *, today: date) -> dict[str, int]:
        rows = self.with_state(today=today).values("state").annotate(n=models.Count("id"))
        counts = dict.fromkeys(STATES, 0)
        counts.update({r["state"]: r["n"] for r in rows})
        return counts


class ActionQuerySet(TrackedQuerySet["Action"]):
    as_at = "response__action_plan__status_as_at"

    def visible_to(self, user: Any) -> ActionQuerySet:
        return self.filter(response__action_plan__in=_visible_plans(user))


class ResponseQuerySet(models.QuerySet["Response"]):
    def visible_to(self, user: Any) -> ResponseQuerySet:
        return self.filter(action_plan__in=_visible_plans(user))

    def decision_counts(self) -> dict[str, int]:
        rows = self.values("decision").annotate(n=models.Count("id"))
        return {r["decision"] or "none": r["n"] for r in rows}
