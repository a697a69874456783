"""The rating rules: the bands that turn a case percentage into a rating, and the standard's
rule. Data, versioned: a change makes the next version, and finished audits keep theirs."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max

from ..models import RatingRules
from ..ratings import DEFAULT_BANDS, DEFAULT_STANDARD_RULE, bands_problems
from .sets import _stamp

DEFAULT_NOTE = "The defaults commonly published for case-based key questions."


def rating_rules_current() -> RatingRules:
    """The rules in force: the newest version (migration 0002 saves the published defaults as
    version 1; unsaved defaults stand in only if that row is gone)."""
    current = RatingRules.objects.order_by("-version").first()
    return current or RatingRules(version=1, bands=DEFAULT_BANDS, note=DEFAULT_NOTE)


def rating_rules_record(
    *, bands: list[dict[str, Any]], note: str, based_on: int, actor: Any
) -> RatingRules:
    """The next version of the rules. `based_on` is the version the form showed: a version made
    meanwhile is not silently replaced."""
    problems = bands_problems(bands)
    if problems:
        raise ValidationError(problems)
    if not note.strip():
        raise ValidationError({"note": "Say why the rules are changing"})
    latest = RatingRules.objects.select_for_update().aggregate(v=Max("version"))["v"] or 0
    if latest != based_on:
        raise ValidationError(
            f"Someone saved version {latest} of the rules since you opened this page: "
            "open it again to see their change"
        )
    rules = RatingRules(
        version=latest + 1,
        bands=bands,
        standard_rule=DEFAULT_STANDARD_RULE,
        note=note.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _stamp(rules, actor)
    rules.save()
    return rules
