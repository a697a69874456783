"""Organisation admins invite, change and deactivate members; history is never deleted."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from followthrough.core.models import DomainEvent
from followthrough.organisations.models import Membership, Organisation


def members_url() -> str:
    return reverse(
        "organisations:member-list", args=[Organisation.objects.get(short_name="YJB").pk]
    )


def yjb() -> Organisation:
    return Organisation.objects.get(short_name="YJB")


def test_an_admin_invites_someone_who_then_chooses_a_password(client, body_admin):
    client.force_login(body_admin)
    response = client.post(
        reverse("organisations:member-invite", args=[yjb().pk]),
        {"email": "New.Person@Example.invalid", "role": "contributor"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="new.person@example.invalid")
    assert membership.role == "contributor" and membership.is_active
    assert not membership.user.has_usable_password()
    [email] = mail.outbox
    assert email.to == ["new.person@example.invalid"]
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+)", email.body)[1]
    client.logout()
    page = client.get(link, follow=True)
    assert b"Choose a new password" in page.content
    assert DomainEvent.objects.filter(code="organisations.membership.invited").count() == 1
    followed = client.get(members_url())
    assert followed.status_code == 302  # the invited person is not signed in yet


def test_invite_errors_are_explained(client, body_admin):
    client.force_login(body_admin)
    url = reverse("organisations:member-invite", args=[yjb().pk])
    html = client.post(url, {"email": "not-an-email", "role": ""}).content.decode()
    assert "There is a problem" in html
    assert "Enter an email address in the correct format, like name@example.com" in html
    assert "Select a role" in html
    reviewer_role = client.post(url, {"email": "a@example.invalid", "role": "reviewer"})
    assert b"Select a role from the list" in reviewer_role.content  # reviewers are inspectorate


def test_inviting_an_existing_member_says_so(client, body_admin):
    client.force_login(body_admin)
    html = client.post(
        reverse("organisations:member-invite", args=[yjb().pk]),
        {"email": body_admin.email, "role": "viewer"},
    ).content
    assert b"is already a member of YJB" in html


def test_deactivating_keeps_the_account_and_its_history(client, body_admin, body_contributor):
    membership = Membership.objects.get(user=body_contributor)
    client.force_login(body_admin)
    url = reverse("organisations:member-change", args=[yjb().pk, membership.pk])
    assert client.post(url, {"action": "deactivate"}).status_code == 302
    membership.refresh_from_db()
    assert not membership.is_active
    assert get_user_model().objects.filter(pk=body_contributor.pk).exists()
    assert membership.history.count() == 2
    client.force_login(body_contributor)
    assert client.get(members_url()).status_code == 404
    client.force_login(body_admin)
    client.post(url, {"action": "reactivate"})
    client.post(url, {"action": "role", "role": "approver"})
    membership.refresh_from_db()
    assert membership.is_active and membership.role == "approver"
    codes = list(DomainEvent.objects.values_list("code", flat=True).order_by("id"))
    assert codes[-3:] == [
        "organisations.membership.deactivated",
        "organisations.membership.reactivated",
        "organisations.membership.role_changed",
    ]


def test_the_last_admin_cannot_leave_and_nobody_deactivates_themselves(client, body_admin):
    client.force_login(body_admin)
    own = Membership.objects.get(user=body_admin)
    url = reverse("organisations:member-change", args=[yjb().pk, own.pk])
    html = client.post(url, {"action": "role", "role": "viewer"}).content
    assert b"YJB needs at least one active administrator" in html
    html = client.post(url, {"action": "deactivate"}).content
    assert b"There is a problem" in html
    own.refresh_from_db()
    assert own.is_active and own.role == "admin"


def test_admins_of_other_organisations_get_404(client, other_body_admin, body_admin):
    client.force_login(other_body_admin)
    assert client.get(members_url()).status_code == 404
    membership = Membership.objects.get(user=body_admin)
    url = reverse("organisations:member-change", args=[yjb().pk, membership.pk])
    assert client.post(url, {"action": "deactivate"}).status_code == 404
    membership.refresh_from_db()
    assert membership.is_active


def test_markup_typed_into_the_invite_form_is_shown_inert(client, body_admin):
    client.force_login(body_admin)
    html = client.post(
        reverse("organisations:member-invite", args=[yjb().pk]),
        {"email": "<script>alert(1)</script>@x", "role": "viewer"},
    ).content
    assert b"<script>alert(1)</script>" not in html
    assert b"&lt;script&gt;" in html


def test_the_members_page_leads_its_admins_to_their_webhooks(client, body_admin):
    client.force_login(body_admin)
    page = client.get(members_url()).content.decode()
    webhooks = reverse("webhooks:endpoint-list", args=[yjb().pk])
    assert f'href="{webhooks}"' in page
    assert client.get(webhooks).status_code == 200
