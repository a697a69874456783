"""Resolving the names documents use into Organisation rows."""

from __future__ import annotations

from django.db.models import Q

from .aliases import BODIES, Body, bodies_named_in
from .models import Organisation


def organisation_for_body(body: Body) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        name=body.name,
        defaults={"short_name": body.short_name, "kind": body.kind, "aliases": list(body.aliases)},
    )
    return organisation


def organisations_ensure_known() -> list[Organisation]:
    """Create every body of the alias table that does not exist yet."""
    existing = {o.name: o for o in Organisation.objects.filter(name__in=[b.name for b in BODIES])}
    return [existing.get(b.name) or organisation_for_body(b) for b in BODIES]


def organisations_resolve(*, text: str | None) -> list[Organisation]:
    """The organisations a document names in text, in order; unknown names resolve to none."""
    bodies = bodies_named_in(text)
    if not bodies:
        return []
    by_name = {o.name: o for o in Organisation.objects.filter(Q(name__in=[b.name for b in bodies]))}
    return [by_name.get(b.name) or organisation_for_body(b) for b in bodies]
