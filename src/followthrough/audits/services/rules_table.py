"""The rating rules: the bands that turn a case percentage into a rating, and the standard's
rule. Data, versioned: a change makes the next version, and finished audits keep theirs."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

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
    # Lock the newest version (PostgreSQL locks no aggregate): whoever saves second waits here,
    # then reads the first one's version and is refused as stale.
    newest = RatingRules.objects.select_for_update().order_by("-version").first()
    latest = newest.version if newest is not None else 0
    if latest != based_on:
        raise ValidationError(_stale(latest))
    rules = RatingRules(
        version=latest + 1,
        bands=bands,
        standard_rule=DEFAULT_STANDARD_RULE,
        note=note.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _stamp(rules, actor)
    try:
        with transaction.atomic():
            rules.save()
    except IntegrityError:
        # Saved meanwhile where there was no row to lock (the very first version): the same
        # refusal as a stale page.
        raise ValidationError(_stale(latest + 1)) from None
    return rules


def _stale(version: int) -> str:
    return (
        f"Someone saved version {version} of the rules since you opened this page: "
        "open it again to see their change"
    )
