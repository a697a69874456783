"""The audit log obeys the case audits' own visibility (issue 14): an audit's or a standard
review's history only to those who may read it; a sampled case's answers and moderation only to
the service's own case workers, never the inspectorate or superusers; criteria sets open to all
readers of the log."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from followthrough.auditlog.selectors import audit_entries
from followthrough.audits.models import Answer, Moderation
from followthrough.audits.services import key_question_save, review_start
from followthrough.cases.models import Case
from tests.audits.conftest import (  # noqa: F401 (fixtures)
    audit,
    criteria_set,
    released_cases,
    second_case_manager,
)

NOTE = "Synthetic marker note about the child"
REASON = "Synthetic moderation reason"
EVIDENCE = "Synthetic evidence the service has not shared"


@pytest.fixture
def marked(audit, case_manager):  # noqa: F811
    audit_case = audit.cases.first()
    criterion = audit.criteria_set.criteria.first()
    answer = Answer(audit_case=audit_case, criterion=criterion, marker=1, value="yes", note=NOTE)
    answer._history_user = case_manager
    answer.save()
    Moderation.objects.create(audit_case=audit_case, criterion=criterion, value="no", reason=REASON)
    return audit


@pytest.fixture
def review(youth_justice_service, service_manager):
    with transaction.atomic():
        review = review_start(
            organisation=youth_justice_service, year=2026, audit=None, actor=service_manager
        )
        key_question_save(
            review=review,
            code="policy",
            evidence=EVIDENCE,
            rating="good",
            version=0,
            actor=service_manager,
        )
    return review


def _log_and_export(user) -> str:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    page = client.get(reverse("auditlog:log"))
    export = client.get(reverse("auditlog:export"))
    assert page.status_code == export.status_code == 200
    return page.content.decode() + b"".join(export.streaming_content).decode()


@pytest.mark.parametrize("who", ["inspectorate_admin", "superuser"])
def test_the_log_never_shows_a_markers_note_nor_an_unshared_review(who, marked, review, request):
    seen = _log_and_export(request.getfixturevalue(who))
    leaked = [secret for secret in (NOTE, REASON, EVIDENCE) if secret in seen]
    if who == "superuser":
        # A superuser may read every review, but never a sampled case's notes.
        leaked = [secret for secret in leaked if secret != EVIDENCE]
    assert not leaked, f"the audit log shows what it should not: {leaked}"
    # Reference data stays open to every reader of the log.
    assert "Synthetic resettlement criteria" in seen


def test_the_inspectorate_reads_no_childs_case_record_in_the_log(
    released_cases,  # noqa: F811
    inspectorate_admin,
    superuser,
):
    reference = released_cases[0].reference
    assert Case.history.filter(reference=reference).exists()
    for user in (inspectorate_admin, superuser):
        assert reference not in _log_and_export(user)


def test_a_shared_review_is_in_the_inspectorates_log(review, inspectorate_admin):
    assert EVIDENCE not in _log_and_export(inspectorate_admin)
    review.shared_with_inspectorate = True
    review.save()
    assert EVIDENCE in _log_and_export(inspectorate_admin)


def test_case_workers_read_the_answers_history_but_not_the_log_page(marked, case_manager):
    # The whole log is for the inspectorate's administrators and superusers; the history itself
    # is the service's case workers' to read.
    client = Client()
    client.force_login(case_manager)
    assert client.get(reverse("auditlog:log")).status_code == 404
    summaries = [e.summary for e in audit_entries(user=case_manager, model_label="audits.Answer")]
    assert any(NOTE in s for s in summaries)
    summaries = [
        e.summary for e in audit_entries(user=case_manager, model_label="audits.Moderation")
    ]
    assert any(REASON in s for s in summaries)
