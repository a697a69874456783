"""Organisations: resolving the names documents use, and managing who belongs to each."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from followthrough.core.events import record_event

from .aliases import BODIES, Body, bodies_named_in
from .models import Membership, Organisation


def organisation_ensure(*, body: Body) -> Organisation:
    """The organisation for one of the canonical bodies, made the first time it is needed."""
    organisation, _ = Organisation.objects.get_or_create(
        name=body.name,
        defaults={"short_name": body.short_name, "kind": body.kind, "aliases": list(body.aliases)},
    )
    return organisation


def organisations_ensure_known() -> list[Organisation]:
    """Create every body of the alias table that does not exist yet."""
    existing = {o.name: o for o in Organisation.objects.filter(name__in=[b.name for b in BODIES])}
    return [existing.get(b.name) or organisation_ensure(body=b) for b in BODIES]


def organisations_resolve(*, text: str | None) -> list[Organisation]:
    """The organisations a document names in text, in order; unknown names resolve to none."""
    bodies = bodies_named_in(text)
    if not bodies:
        return []
    by_name = {o.name: o for o in Organisation.objects.filter(Q(name__in=[b.name for b in bodies]))}
    return [by_name.get(b.name) or organisation_ensure(body=b) for b in bodies]


def _active_admins(organisation: Organisation) -> int:
    return Membership.objects.filter(
        organisation=organisation, role=Membership.Role.ADMIN, is_active=True
    ).count()


def membership_invite(
    *, organisation: Organisation, email: str, role: str, actor: Any
) -> Membership:
    """Add someone to an organisation. A new address gets an account at once (the emailed link
    to choose a password proves it is theirs); an account someone already uses is only invited,
    and joins when its owner accepts, so one organisation's admin cannot enrol another's member."""
    User = get_user_model()
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    established = user is not None and (
        user.has_usable_password()
        or user.last_login is not None  # signs in through the identity provider
        or user.memberships.filter(is_active=True).exists()
    )
    if user is None:
        user = User(username=email, email=email)
        user.set_unusable_password()
        user.full_clean()
        user.save()
    membership = Membership.objects.filter(user=user, organisation=organisation).first()
    if membership is not None and membership.is_active:
        raise ValidationError(f"{email} is already a member of {organisation.short_name}")
    if membership is not None and membership.pending:
        raise ValidationError(f"{email} has already been invited to {organisation.short_name}")
    if membership is None:
        membership = Membership(
            user=user, organisation=organisation, role=role, accepted=not established
        )
        code = "organisations.membership.invited"
    else:
        membership.role = role
        code = (
            "organisations.membership.reinvited"
            if established
            else ("organisations.membership.reactivated")
        )
    membership.is_active, membership.pending = not established, established
    membership.full_clean()
    membership._history_user = actor
    membership.save()
    record_event(
        membership,
        code,
        actor=actor,
        data={"email": email, "role": role, "awaiting_acceptance": established},
    )
    return membership


def membership_answer(*, membership: Membership, accept: bool, actor: Any) -> Membership:
    """The invited person accepts or declines; either way the invitation is answered once."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not membership.pending or membership.user_id != getattr(actor, "pk", None):
        raise ValidationError("This invitation has already been answered")
    membership.pending = False
    membership.is_active = membership.accepted = accept
    membership._history_user = actor
    membership.save()
    verb = "accepted" if accept else "declined"
    record_event(membership, f"organisations.membership.{verb}", actor=actor, data={})
    return membership


def membership_change(
    *, membership: Membership, action: str, role: str | None, actor: Any
) -> Membership:
    """Change a member's role, or deactivate or reactivate them; never delete the history."""
    admin = str(Membership.Role.ADMIN)
    leaving_admin = (
        membership.role == admin
        and membership.is_active
        and (action == "deactivate" or (action == "role" and role != admin))
    )
    if leaving_admin and _active_admins(membership.organisation) <= 1:
        raise ValidationError(
            f"{membership.organisation.short_name} needs at least one active administrator"
        )
    who = membership.user.email or membership.user.get_username()
    if action == "reactivate" and membership.pending:
        raise ValidationError(f"{who} has not accepted the invitation yet")
    if action == "reactivate" and not membership.accepted:
        raise ValidationError(
            f"{who} has not accepted an invitation to {membership.organisation.short_name}: "
            "invite them again"
        )
    if action == "deactivate" and membership.user_id == getattr(actor, "pk", None):
        raise ValidationError("You cannot deactivate your own membership")
    before = {"role": membership.role, "is_active": membership.is_active}
    if action == "role":
        membership.role = role or membership.role
    elif action in ("deactivate", "reactivate"):
        membership.is_active = action == "reactivate"
        membership.pending = False  # deactivating withdraws an invitation not yet answered
    else:
        raise ValidationError("Select what to change")
    membership.full_clean()
    membership._history_user = actor
    membership.save()
    after = {"role": membership.role, "is_active": membership.is_active}
    if after != before:
        verb = {"role": "role_changed", "deactivate": "deactivated", "reactivate": "reactivated"}[
            action
        ]
        record_event(
            membership,
            f"organisations.membership.{verb}",
            actor=actor,
            data={"before": before, "after": after},
        )
    return membership


def organisation_set_two_factor(
    *, organisation: Organisation, required: bool, actor: Any
) -> Organisation:
    """Require (or stop requiring) a code from an authenticator app for every member."""
    if organisation.require_two_factor == required:
        return organisation
    organisation.require_two_factor = required
    organisation._history_user = actor
    organisation.save()
    record_event(
        organisation,
        "organisations.organisation.two_factor_" + ("required" if required else "relaxed"),
        actor=actor,
    )
    return organisation


def membership_reset_second_factor(*, membership: Membership, actor: Any) -> int:
    """Remove a member's authenticator (a lost phone); they set a new one up at next sign-in.
    The authenticator is the account's, not the membership's: where another organisation the
    person belongs to requires it, only that organisation's admin may reset it."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not membership.is_active or membership.pending:
        raise ValidationError(
            "You can reset the authenticator only of an active member of "
            f"{membership.organisation.short_name}"
        )
    others = (
        Membership.objects.filter(
            user_id=membership.user_id, is_active=True, organisation__require_two_factor=True
        )
        .exclude(organisation_id=membership.organisation_id)
        .values_list("organisation__short_name", flat=True)
        .order_by("organisation__short_name")
    )
    if others:
        raise ValidationError(
            f"You cannot reset this authenticator: {', '.join(others)} requires it. "
            "Ask an administrator there to reset it"
        )
    removed: int  # django_otp has no type information
    removed, _ = TOTPDevice.objects.filter(user=membership.user).delete()
    record_event(
        membership,
        "organisations.membership.second_factor_reset",
        actor=actor,
        data={"devices_removed": removed},
    )
    return removed


def invitation_send(*, membership: Membership) -> None:
    """Email the person: a new account gets a link to choose a password; an existing one is
    asked to sign in and accept. Links are built from the configured SITE_URL, never from the
    request's Host header, which a client chooses."""
    user = membership.user
    context = {
        "user": user,
        "organisation": membership.organisation,
        "role": membership.get_role_display(),
        "site_url": settings.SITE_URL.rstrip("/"),
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "pending": membership.pending,
    }
    subject = (
        f"You are invited to join {membership.organisation.short_name} on Followthrough"
        if membership.pending
        else f"You have been added to {membership.organisation.short_name} on Followthrough"
    )
    send_mail(
        subject=subject,
        message=render_to_string("organisations/invitation_email.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )


def stamp_organisations(sender: Any, history_instance: Any = None, **kwargs: Any) -> None:
    user_id = getattr(history_instance, "history_user_id", None)
    if (
        history_instance is None
        or not user_id
        or not hasattr(history_instance, "history_organisations")
    ):
        return
    names = Membership.objects.filter(user_id=user_id, is_active=True).values_list(
        "organisation__short_name", flat=True
    )
    history_instance.history_organisations = ", ".join(sorted(names))[:300]
