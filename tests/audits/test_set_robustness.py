"""Criteria sets and rating rules under real use (issue 14): the sections and criteria a new
version copies, or a report's findings make, carry who made them in their history; a new
version locks its family before numbering; rating rules lock their newest row (PostgreSQL locks
no aggregate) and a clash on the version number is refused like a stale page."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from followthrough.audits.models import CriteriaSet, Criterion, RatingRules, Section
from followthrough.audits.ratings import DEFAULT_BANDS
from followthrough.audits.services import criteria_set_from_report, criteria_set_new_version
from followthrough.audits.services.rules_table import rating_rules_record
from followthrough.inspections.models import Finding, Report


def _history_users(model, criteria_set) -> set:  # type: ignore[no-untyped-def]
    return set(
        model.history.filter(criteria_set=criteria_set).values_list("history_user", flat=True)
    )


def test_a_new_versions_sections_and_criteria_carry_who_made_them(criteria_set, service_manager):
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        copy = criteria_set_new_version(criteria_set=criteria_set, actor=service_manager)
    assert copy.version == criteria_set.version + 1
    assert _history_users(Section, copy) == {service_manager.pk}
    assert _history_users(Criterion, copy) == {service_manager.pk}
    locks = [q["sql"] for q in queries.captured_queries if "FOR UPDATE" in q["sql"]]
    if connection.features.has_select_for_update:
        assert locks, "the family is not locked before the next version is numbered"
    # Asked again, the family's open draft comes back rather than a second draft.
    with transaction.atomic():
        assert criteria_set_new_version(criteria_set=criteria_set, actor=service_manager) == copy


def test_a_set_built_from_a_report_carries_who_built_it(known_bodies, inspectorate_admin):
    report = Report.objects.create(title="Synthetic thematic inspection")
    for order, statement in enumerate(
        ["The plan was ready before release.", "Somewhere to live was confirmed."], start=1
    ):
        Finding.objects.create(
            report=report,
            order=order,
            section="Planning",
            statement=statement,
            values={"yes": 60, "no": 40},
        )
    built = criteria_set_from_report(report=report, actor=inspectorate_admin)
    assert built.criteria.exists()
    assert _history_users(Section, built) == {inspectorate_admin.pk}
    assert _history_users(Criterion, built) == {inspectorate_admin.pk}
    assert CriteriaSet.history.filter(id=built.pk).get().history_user == inspectorate_admin


def _record(based_on, actor):  # type: ignore[no-untyped-def]
    with transaction.atomic():
        return rating_rules_record(
            bands=DEFAULT_BANDS, note="Synthetic change", based_on=based_on, actor=actor
        )


def test_rating_rules_make_the_next_version_and_refuse_a_stale_page(superuser):
    newest = RatingRules.objects.order_by("-version").first()
    latest = newest.version if newest else 0
    made = _record(latest, superuser)
    assert made.version == latest + 1
    with pytest.raises(ValidationError, match=f"Someone saved version {latest + 1} of the rules"):
        _record(latest, superuser)


def test_a_clash_on_the_version_number_is_refused_like_a_stale_page(superuser):
    newest = RatingRules.objects.order_by("-version").first()
    latest = newest.version if newest else 0
    with (
        mock.patch.object(RatingRules, "save", side_effect=IntegrityError("duplicate key")),
        pytest.raises(ValidationError, match=f"Someone saved version {latest + 1} of the rules"),
    ):
        _record(latest, superuser)
    assert RatingRules.objects.order_by("-version").first() == newest
