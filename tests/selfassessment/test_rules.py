"""A service's assessment is its own: members see it, writers answer, managers sign it off; the
inspectorate reads it only when the service shares it."""

from __future__ import annotations

import pytest

from followthrough.organisations.models import Membership
from followthrough.selfassessment.models import SelfAssessment
from tests.organisations.factories import MembershipFactory
from tests.selfassessment.factories import SelfAssessmentFactory


@pytest.fixture
def assessment(youth_justice_service):
    return SelfAssessmentFactory(organisation=youth_justice_service, year=2026)


@pytest.mark.parametrize(
    "role, view, change, signoff",
    [
        (Membership.Role.VIEWER, True, False, False),
        (Membership.Role.CONTRIBUTOR, True, True, False),
        (Membership.Role.APPROVER, True, True, True),
        (Membership.Role.ADMIN, True, True, True),
    ],
)
def test_the_services_own_members(assessment, role, view, change, signoff):
    user = MembershipFactory(
        user__username=f"service-{role}", organisation=assessment.organisation, role=role
    ).user
    assert user.has_perm("selfassessment.view_selfassessment", assessment) is view
    assert user.has_perm("selfassessment.change_selfassessment", assessment) is change
    assert user.has_perm("selfassessment.signoff_selfassessment", assessment) is signoff
    assert SelfAssessment.objects.visible_to(user).filter(pk=assessment.pk).exists()


def test_others_and_the_inspectorate_until_shared(body_approver, inspector, assessment):
    for user in (body_approver, inspector):
        assert not user.has_perm("selfassessment.view_selfassessment", assessment)
        assert not SelfAssessment.objects.visible_to(user).exists()
    assessment.shared_with_inspectorate = True
    assessment.save()
    assert inspector.has_perm("selfassessment.view_selfassessment", assessment)
    assert not inspector.has_perm("selfassessment.change_selfassessment", assessment)
    assert SelfAssessment.objects.visible_to(inspector).exists()
    assert not SelfAssessment.objects.visible_to(body_approver).exists()


def test_a_signed_off_assessment_is_read_only(service_manager, assessment):
    assessment.status = SelfAssessment.Status.SIGNED_OFF
    assessment.save()
    assert service_manager.has_perm("selfassessment.view_selfassessment", assessment)
    assert not service_manager.has_perm("selfassessment.change_selfassessment", assessment)
    assert not service_manager.has_perm("selfassessment.signoff_selfassessment", assessment)
