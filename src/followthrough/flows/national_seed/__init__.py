"""A synthetic national dataset on demand (issue 18): at scale 1.0, 200 reports, 5,000
recommendations, 30,000 actions, about 60,000 progress updates with their target ledger,
reviews and plan versions, 150 youth justice services with their partners and self-assessments,
60 logins across the demo roles, and 5,000 resettlement cases with tasks and case audits.
The same seed gives the same data; `seed_national` is its command."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.db.models import DateTimeField

from .actions import actions_build, reviews_build
from .assessments import assessments_build
from .audits import audits_build
from .casework import cases_build
from .people import people_build
from .plans import plans_build, versions_build
from .sizes import Sizes

__all__ = ["Built", "Sizes", "database_holds_data", "dataset_digest", "seed_national"]

# Tables whose rows mean someone already uses this database: the known bodies and the pathways
# come with migrations and ingest, so they do not count.
IN_USE = ("inspections.Report", "cases.Case", "actionplans.ActionPlan", "auth.User")
APPS = ("organisations", "inspections", "actionplans", "selfassessment", "cases", "audits")


@dataclass
class Built:
    """What one run made, for the command's summary line."""

    reports: int = 0
    recommendations: int = 0
    actions: int = 0
    updates: int = 0
    revisions: int = 0
    reviews: int = 0
    versions: int = 0
    services: int = 0
    assessments: int = 0
    users: int = 0
    cases: int = 0
    audits: int = 0
    answers: int = 0

    def summary(self) -> str:
        return (
            f"{self.reports:,} reports, {self.recommendations:,} recommendations, "
            f"{self.actions:,} actions, {self.updates:,} progress updates, "
            f"{self.revisions:,} target changes, {self.reviews:,} reviews, "
            f"{self.versions:,} plan versions, {self.services:,} youth justice services, "
            f"{self.assessments:,} self-assessments, {self.users:,} users, "
            f"{self.cases:,} cases, {self.audits:,} case audits"
        )


def planned_steps(sizes: Sizes) -> int:
    """Rows the progress bar counts, roughly: one per record of the big tables."""
    return (
        sizes.reports * 2
        + sizes.recommendations * 2
        + sizes.actions * 3
        + sizes.services * 2
        + sizes.cases * 3
    )


def database_holds_data() -> bool:
    return any(apps.get_model(label).objects.exists() for label in IN_USE)


def seed_national(
    *,
    scale: float,
    seed: int,
    today: date,
    password: str | None = None,
    advance: Callable[[int], None] = lambda n: None,
) -> Built:
    """Build the dataset into the default database; the caller holds the transaction. Every
    login gets `password`, or none anyone can sign in with."""
    sizes = Sizes.at(scale)

    def rng(part: str) -> random.Random:
        return random.Random(f"{seed}:{part}")  # noqa: S311 (synthetic data, repeatable)

    people = people_build(sizes, rng("people"), password)
    advance(sizes.services)
    plans = plans_build(people, sizes, rng("plans"), today, advance)
    builder = actions_build(people, plans, rng("actions"), today, advance)
    reviews = reviews_build(people, plans, builder, rng("reviews"), today)
    versions = versions_build(people, plans, today, advance)
    recs = [r.recommendation for p in plans for r in p.responses]
    assessments = assessments_build(people, recs, today, advance)
    case_manager = people.user("yjs-case-manager")
    history = {"default_user": case_manager, "custom_historical_attrs": people.stamp(case_manager)}
    cases = cases_build(people.services, sizes.cases, rng("cases"), today, advance, history)
    audits, answers = audits_build(people, today, advance)
    return Built(
        reports=len(plans),
        recommendations=len(recs),
        actions=len(builder.actions),
        updates=len(builder.updates),
        revisions=len(builder.revisions),
        reviews=len(reviews),
        versions=versions,
        services=len(people.services),
        assessments=len(assessments),
        users=sum(len(u) for u in people.users.values()),
        cases=cases,
        audits=audits,
        answers=answers,
    )


def dataset_digest() -> str:
    """A SHA-256 over every row of the domain tables in key order, leaving out when rows were
    written and the frozen snapshots (both differ from run to run); a key is written as its
    row's place in its table, so the same seed gives the same digest in any new or emptied
    database, whatever its sequences have counted (PostgreSQL's do not roll back)."""
    models = [
        m
        for label in APPS
        for m in sorted(apps.get_app_config(label).get_models(), key=lambda m: m.__name__)
        if not m.__name__.startswith("Historical")
    ] + [apps.get_model("auth.User")]
    place = {
        m: {pk: n for n, pk in enumerate(m.objects.order_by("pk").values_list("pk", flat=True))}
        for m in models
    }
    digest = hashlib.sha256()
    for model in models:
        fields = [
            f
            for f in model._meta.concrete_fields
            if not isinstance(f, DateTimeField) and f.name not in ("snapshot", "password")
        ]
        digest.update(model.__name__.encode())
        for row in model.objects.order_by("pk").values_list(*[f.attname for f in fields]):
            values = [
                place[f.related_model if f.is_relation else model][value]
                if value is not None and (f.primary_key or f.related_model in place)
                else value
                for f, value in zip(fields, row, strict=True)
            ]
            digest.update(repr(values).encode())
    return digest.hexdigest()
