"""The audit log and its export obey each record's own visibility: an inspectorate administrator
who may not open an unshared self-assessment does not read it in the log either (issue 12,
item 2)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from followthrough.core.events import record_event
from tests.selfassessment.factories import (
    AssessedRecommendationFactory,
    EnquiryAnswerFactory,
    EvidenceHeldFactory,
    ImprovementActionFactory,
    ImprovementUpdateFactory,
    SelfAssessmentFactory,
)

SECRETS = [
    "Synthetic rationale nobody outside the service reads",
    "Synthetic comment from the practitioner",
    "Synthetic evidence note kept by the service",
    "Synthetic improvement the service plans",
    "Synthetic progress on the improvement",
    "Synthetic event detail",
]
# What the log shows to those who may read the assessment (an update's text is one of the quiet
# fields the log leaves out for every record).
SHOWN = [secret for secret in SECRETS if "progress" not in secret]


@pytest.fixture
def assessment(youth_justice_service, practitioner):
    assessment = SelfAssessmentFactory(organisation=youth_justice_service)
    item = AssessedRecommendationFactory(assessment=assessment, rating="good", rationale=SECRETS[0])
    EnquiryAnswerFactory(item=item, comment=SECRETS[1])
    EvidenceHeldFactory(item=item, note=SECRETS[2])
    action = ImprovementActionFactory(item=item, description=SECRETS[3])
    ImprovementUpdateFactory(action=action, text=SECRETS[4])
    record_event(item, "selfassessment.item.saved", actor=practitioner, data={"note": SECRETS[5]})
    return assessment


def _log_and_export(user) -> str:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    page = client.get(reverse("auditlog:log"))
    export = client.get(reverse("auditlog:export"))
    assert page.status_code == export.status_code == 200
    return page.content.decode() + b"".join(export.streaming_content).decode()


def test_an_unshared_assessment_is_not_in_the_inspectorates_audit_log(
    assessment, inspectorate_admin
):
    seen = _log_and_export(inspectorate_admin)
    leaked = [secret for secret in SECRETS if secret in seen]
    assert not leaked, f"the audit log shows an unshared assessment: {leaked}"


def test_a_shared_assessment_is_in_the_inspectorates_audit_log(assessment, inspectorate_admin):
    assessment.shared_with_inspectorate = True
    assessment.save()
    seen = _log_and_export(inspectorate_admin)
    assert all(secret in seen for secret in SHOWN)


def test_a_superuser_reads_every_assessment_in_the_log(assessment, superuser):
    seen = _log_and_export(superuser)
    assert all(secret in seen for secret in SHOWN)
