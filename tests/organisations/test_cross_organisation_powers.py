"""One organisation's admin cannot take over another organisation's member (issue 12, item 3):
inviting an existing account waits for that person's acceptance, and a second factor that
another organisation requires is not reset by this one."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from followthrough.core.models import DomainEvent
from followthrough.organisations.access import standing_of
from followthrough.organisations.models import Membership, Organisation


def yjb() -> Organisation:
    return Organisation.objects.get(short_name="YJB")


def invite(client, admin, email: str, role: str = "viewer"):
    client.force_login(admin)
    return client.post(
        reverse("organisations:member-invite", args=[yjb().pk]), {"email": email, "role": role}
    )


def answer(client, membership: Membership, choice: str):
    return client.post(
        reverse("organisations:invitation-answer", args=[membership.pk]), {"answer": choice}
    )


def test_inviting_an_existing_account_waits_for_its_owner_to_accept(client, body_admin, inspector):
    assert invite(client, body_admin, inspector.email).status_code == 302
    membership = Membership.objects.get(user=inspector, organisation=yjb())
    assert membership.pending and not membership.is_active
    inspector.refresh_from_db()
    assert yjb().pk not in standing_of(inspector).organisation_ids
    [email] = mail.outbox
    assert "/account/" in email.body and "/password/reset/" not in email.body
    # The inviting admin cannot switch it on for them.
    change = reverse("organisations:member-change", args=[yjb().pk, membership.pk])
    page = client.post(change, {"action": "reactivate"})
    assert "has not accepted the invitation yet" in page.content.decode()
    membership.refresh_from_db()
    assert not membership.is_active
    # The person sees it on their account page and accepts.
    client.force_login(inspector)
    assert "Youth Justice Board" in client.get(reverse("web:account")).content.decode()
    assert answer(client, membership, "accept").status_code == 302
    membership.refresh_from_db()
    assert membership.is_active and not membership.pending
    assert DomainEvent.objects.filter(code="organisations.membership.accepted").count() == 1


def test_a_declined_invitation_grants_nothing(client, body_admin, inspector):
    invite(client, body_admin, inspector.email)
    membership = Membership.objects.get(user=inspector, organisation=yjb())
    client.force_login(inspector)
    answer(client, membership, "decline")
    membership.refresh_from_db()
    assert not membership.is_active and not membership.pending
    assert DomainEvent.objects.filter(code="organisations.membership.declined").count() == 1
    assert answer(client, membership, "accept").status_code == 404  # answered once


def test_only_the_invited_person_answers_an_invitation(
    client, body_admin, inspector, other_body_admin, superuser
):
    invite(client, body_admin, inspector.email)
    membership = Membership.objects.get(user=inspector, organisation=yjb())
    for someone in (body_admin, other_body_admin, superuser):
        client.force_login(someone)
        assert answer(client, membership, "accept").status_code == 404
    membership.refresh_from_db()
    assert membership.pending and not membership.is_active


def test_a_new_address_still_gets_an_account_at_once(client, body_admin):
    invite(client, body_admin, "someone.new@example.invalid")
    membership = Membership.objects.get(user__email="someone.new@example.invalid")
    assert membership.is_active and not membership.pending


def test_an_admin_cannot_reach_a_membership_of_another_organisation(client, body_admin, inspector):
    theirs = Membership.objects.get(user=inspector)
    client.force_login(body_admin)
    for action in ("deactivate", "reset_second_factor"):
        url = reverse("organisations:member-change", args=[yjb().pk, theirs.pk])
        assert client.post(url, {"action": action}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_active


def test_a_second_factor_another_organisation_requires_is_not_reset(client, body_admin, inspector):
    probation = Organisation.objects.get(short_name="HMI Probation")
    probation.require_two_factor = True
    probation.save()
    ours = Membership.objects.create(user=inspector, organisation=yjb(), role="viewer")
    TOTPDevice.objects.create(user=inspector, name="Synthetic phone", confirmed=True)
    client.force_login(body_admin)
    url = reverse("organisations:member-change", args=[yjb().pk, ours.pk])
    page = client.post(url, {"action": "reset_second_factor"})
    assert "HMI Probation requires it" in page.content.decode()
    assert TOTPDevice.objects.filter(user=inspector).count() == 1


def test_a_second_factor_only_this_organisation_relies_on_is_reset(client, body_admin, body_viewer):
    TOTPDevice.objects.create(user=body_viewer, name="Synthetic phone", confirmed=True)
    client.force_login(body_admin)
    ours = Membership.objects.get(user=body_viewer)
    url = reverse("organisations:member-change", args=[yjb().pk, ours.pk])
    assert client.post(url, {"action": "reset_second_factor"}).status_code == 302
    assert not TOTPDevice.objects.filter(user=body_viewer).exists()


def test_a_declined_or_withdrawn_invitation_cannot_be_switched_on_by_the_admin(
    client, body_admin, inspector
):
    invite(client, body_admin, inspector.email, role="admin")
    membership = Membership.objects.get(user=inspector, organisation=yjb())
    client.force_login(inspector)
    answer(client, membership, "decline")
    client.force_login(body_admin)
    change = reverse("organisations:member-change", args=[yjb().pk, membership.pk])
    page = client.post(change, {"action": "reactivate"}).content.decode()
    assert "has not accepted an invitation to YJB" in page
    membership.refresh_from_db()
    assert not membership.is_active
    # Invited again, then withdrawn by the admin: still not theirs to switch on.
    invite(client, body_admin, inspector.email)
    client.post(change, {"action": "deactivate"})
    client.post(change, {"action": "reactivate"})
    membership.refresh_from_db()
    assert not membership.is_active


def test_an_invitation_does_not_let_an_admin_reset_the_invited_persons_authenticator(
    client, body_admin, inspector
):
    TOTPDevice.objects.create(user=inspector, name="Synthetic phone", confirmed=True)
    invite(client, body_admin, inspector.email)
    membership = Membership.objects.get(user=inspector, organisation=yjb())
    url = reverse("organisations:member-change", args=[yjb().pk, membership.pk])
    page = client.post(url, {"action": "reset_second_factor"}).content.decode()
    assert "only of an active member of YJB" in page
    assert TOTPDevice.objects.filter(user=inspector).count() == 1
