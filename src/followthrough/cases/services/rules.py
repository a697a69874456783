"""A service's own milestone rules: the national defaults with the number of days (or months)
changed, never the direction. Rows are kept, never deleted: going back to the default is one
more change in the rule's history."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q

from followthrough.organisations.models import Organisation

from ..milestones import DEFAULT_PATHWAYS, DEFAULT_RULES
from ..models import MilestoneRule, Pathway
from .cases import _stamp

# How far a service may move a rule: a year of days, two years of months.
LIMITS = {"days": 365, "months": 24}


def milestone_rules_set(
    *, service: Organisation, amounts: dict[str, int], seen: dict[str, int], actor: Any
) -> list[str]:
    """Set each rule's amount (days or months, counted in the national rule's direction) for
    the service. `seen` is what the page showed: if anyone changed a rule since, nothing is
    saved. Returns the codes changed."""
    # The service's own row is locked first: two administrators changing the rules at once
    # take turns, and the second sees the first's rows (PostgreSQL reads them after the lock).
    Organisation.objects.select_for_update().filter(pk=service.pk).first()
    rows = list(
        MilestoneRule.objects.select_for_update()
        .filter(Q(service__isnull=True) | Q(service=service))
        .order_by("pk")
    )
    national = {r.code: r for r in rows if r.service_id is None}
    own = {r.code: r for r in rows if r.service_id is not None}
    current = {code: abs((own.get(code) or rule).offset) for code, rule in national.items()}
    if {code: current[code] for code in seen if code in current} != seen:
        raise ValidationError(
            "Someone else changed these rules after you opened this page. Their values are "
            "shown below; make your change again."
        )
    errors = {}
    for code, amount in amounts.items():
        rule = national.get(code)
        if rule is None:
            raise ValidationError(f"There is no milestone rule {code}")
        limit = LIMITS.get(rule.unit, 365)
        if not 0 <= amount <= limit:
            errors[code] = f"Enter a number from 0 to {limit}"
    if errors:
        raise ValidationError(errors)
    changed = []
    for code, amount in amounts.items():
        if amount == current[code]:
            continue
        rule = national[code]
        row = own.get(code) or MilestoneRule(
            service=service,
            code=code,
            label=rule.label,
            anchor=rule.anchor,
            unit=rule.unit,
            source=rule.source,
        )
        row.offset = -amount if rule.offset < 0 else amount
        _stamp(row, actor)
        row.save()
        changed.append(code)
    return changed


def reference_data_seed(pathway_model: Any, rule_model: Any) -> None:
    """Make the pathways and national milestone rules that are missing, with the models given:
    the migration's historical ones, or the current ones (reference_data_ensure)."""
    for order, (code, name) in enumerate(DEFAULT_PATHWAYS):
        pathway_model.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    for rule in DEFAULT_RULES:
        rule_model.objects.get_or_create(
            service=None,
            code=rule.code,
            defaults={
                "label": rule.label,
                "anchor": rule.anchor,
                "offset": rule.offset,
                "unit": rule.unit,
                "source": rule.source,
            },
        )


def reference_data_ensure() -> None:
    """The pathways and national milestone rules the migration seeds, made again where they are
    missing (a database emptied by tests, or one loaded without its migrations' data)."""
    reference_data_seed(Pathway, MilestoneRule)
