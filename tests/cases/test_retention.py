"""`followthrough retention`: closed cases past the retention period are anonymised in the record
and in its history, keeping what the aggregates count; --dry-run changes nothing."""

from __future__ import annotations

from datetime import date

from django.core.management import call_command
from django.utils import timezone

from followthrough.cases.models import Case, CasePathway
from followthrough.cases.selectors import case_rows
from followthrough.cases.services import case_update
from tests.cases.factories import CaseFactory, TaskFactory


def test_old_closed_cases_are_anonymised_in_record_and_history(youth_justice_service, capsys):
    today = timezone.localdate()
    old = CaseFactory(
        service=youth_justice_service,
        reference="NB-0001",
        sentence_date=date(2012, 1, 9),
        earliest_release=date(2012, 7, 9),
        release_date=date(2012, 7, 9),
        order_end=date(2013, 1, 9),
        closed_on=date(2013, 1, 9),
    )
    old = case_update(
        case=old, version=old.version, actor=None, rotl_purpose="Synthetic: visit to the college"
    )
    row = CasePathway.objects.create(case=old, pathway_id=1, child_words="Synthetic words")
    TaskFactory(case=old, owner=youth_justice_service, note="Synthetic note")
    recent = CaseFactory(
        service=youth_justice_service, reference="NB-0002", closed_on=date(2026, 1, 5)
    )

    def counted():
        rows = case_rows(Case.objects.filter(service=youth_justice_service), today=today)
        return sorted((r.phase, r.case.sex) for r in rows)

    before = counted()
    call_command("retention", "--dry-run")
    assert "Would anonymise Riverside YJS NB-0001" in capsys.readouterr().out
    assert Case.objects.get(pk=old.pk).reference == "NB-0001"
    call_command("retention")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.reference == f"ANON-{old.pk}" and old.anonymised_on == today
    assert old.rotl_purpose == "" and recent.reference == "NB-0002"
    references = set(old.history.values_list("reference", flat=True))
    assert references == {f"ANON-{old.pk}"}
    assert not old.history.exclude(rotl_purpose="").exists()
    row.refresh_from_db()
    assert row.child_words == "" and not row.history.exclude(child_words="").exists()
    assert not old.tasks.exclude(note="").exists()
    assert old.sex and old.release_date  # what the aggregates count stays
    assert counted() == before  # the aggregates still count it
