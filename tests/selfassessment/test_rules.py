"""A service's assessment is its own: members see it, writers answer, managers sign it off; the
inspectorate reads it only when the service shares it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from followthrough.organisations.models import Membership, Organisation
from followthrough.selfassessment.models import SelfAssessment


@pytest.fixture
def assessment(db):
    service = Organisation.objects.create(name="Riverside Youth Justice Service", short_name="RYJS")
    return SelfAssessment.objects.create(organisation=service, year=2026)


def member(make_user, name, organisation, role):
    user = make_user(name, "Youth Justice Board", Membership.Role.VIEWER)
    Membership.objects.filter(user=user).update(organisation=organisation, role=role)
    return get_user_model().objects.get(pk=user.pk)


@pytest.mark.parametrize(
    "role, view, change, signoff",
    [
        (Membership.Role.VIEWER, True, False, False),
        (Membership.Role.CONTRIBUTOR, True, True, False),
        (Membership.Role.APPROVER, True, True, True),
        (Membership.Role.ADMIN, True, True, True),
    ],
)
def test_the_services_own_members(make_user, assessment, role, view, change, signoff):
    user = member(make_user, f"u-{role}", assessment.organisation, role)
    assert user.has_perm("selfassessment.view_selfassessment", assessment) is view
    assert user.has_perm("selfassessment.change_selfassessment", assessment) is change
    assert user.has_perm("selfassessment.signoff_selfassessment", assessment) is signoff
    assert SelfAssessment.objects.visible_to(user).filter(pk=assessment.pk).exists()


def test_others_and_the_inspectorate_until_shared(make_user, inspector, assessment):
    outsider = make_user("outsider", "Youth Justice Board", Membership.Role.APPROVER)
    for user in (outsider, inspector):
        assert not user.has_perm("selfassessment.view_selfassessment", assessment)
        assert not SelfAssessment.objects.visible_to(user).exists()
    assessment.shared_with_inspectorate = True
    assessment.save()
    assert inspector.has_perm("selfassessment.view_selfassessment", assessment)
    assert not inspector.has_perm("selfassessment.change_selfassessment", assessment)
    assert SelfAssessment.objects.visible_to(inspector).exists()
    assert not SelfAssessment.objects.visible_to(outsider).exists()


def test_a_signed_off_assessment_is_read_only(make_user, assessment):
    manager = member(make_user, "manager", assessment.organisation, Membership.Role.APPROVER)
    assessment.status = SelfAssessment.Status.SIGNED_OFF
    assessment.save()
    assert manager.has_perm("selfassessment.view_selfassessment", assessment)
    assert not manager.has_perm("selfassessment.change_selfassessment", assessment)
    assert not manager.has_perm("selfassessment.signoff_selfassessment", assessment)
