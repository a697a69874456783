"""`make demo`'s case audits: last year's audit of twenty released cases is finished, five marked
twice and every difference settled, and rated; this half-year's is being marked (issue 14)."""

from __future__ import annotations

from django.core.management import call_command
from django.utils import timezone

from followthrough.audits.models import Answer, Audit, Moderation
from followthrough.audits.selectors.findings import audit_findings
from followthrough.audits.services import disagreements
from followthrough.cases.models import Case
from followthrough.flows.demo import demo_users_ensure
from followthrough.flows.demo_audits import demo_audits_ensure
from followthrough.flows.demo_cases import demo_cases_ensure


def _counts() -> tuple[int, ...]:
    return (
        Audit.objects.count(),
        Case.objects.count(),
        Answer.objects.count(),
        Moderation.objects.count(),
    )


def test_the_demo_has_a_finished_audit_and_one_being_marked(corpus_ingested):
    today = timezone.localdate()
    demo_users_ensure(password="a-demo-password-1")
    demo_cases_ensure(today=today)
    made = demo_audits_ensure(today=today)
    assert made.finished is not None and made.marking is not None, made.note
    finished = Audit.objects.get(pk=made.finished.pk)
    assert finished.status == Audit.Status.FINISHED and finished.shared_with_inspectorate
    assert finished.cases.count() == 20 and finished.population_size == 22
    assert finished.cases.filter(double_marked=True).count() == 5
    assert finished.criteria_set.report.findings.exists()
    differences = disagreements(finished)
    settled = set(
        Moderation.objects.filter(audit_case__audit=finished).values_list(
            "audit_case_id", "criterion_id"
        )
    )
    assert differences and set(differences) == settled
    assert all(m.reason for m in Moderation.objects.filter(audit_case__audit=finished))
    assert not Moderation.objects.filter(
        moderated_by__username__in=["yjs-case-manager", "yjs-admin"]
    ).exists()
    findings = audit_findings(finished)
    assert findings.standard.rating and all(s.rating.rating for s in findings.sections if s.rating)
    assert 0.6 < (findings.overall_agreement.kappa or 0) < 1
    meeting = next(r for s in findings.sections for r in s.rows if r.criterion.code == "3.1")
    assert meeting.n == 20 and meeting.criterion.national_percent is not None
    marking = Audit.objects.get(pk=made.marking.pk)
    assert marking.status == Audit.Status.MARKING
    assert 0 < marking.cases.filter(first_done_on__isnull=False).count() < marking.cases.count()
    before = _counts()
    again = demo_audits_ensure(today=today)
    assert again.finished is None and "nothing changed" in again.note
    assert _counts() == before


def test_without_findings_tables_the_demo_makes_no_audits(db, capsys):
    demo_users_ensure(password="a-demo-password-1")
    call_command("demo_audits")
    assert "no demo audits made" in capsys.readouterr().out
    assert not Audit.objects.exists()
