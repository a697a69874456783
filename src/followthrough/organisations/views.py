from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from followthrough.core.access import access

from .access import (
    get_invitation_for_user,
    get_membership_for_user,
    get_organisation_for_user,
)
from .forms import InvitationAnswerForm, InviteForm, MemberChangeForm, TwoFactorPolicyForm
from .models import Organisation
from .selectors import members_of
from .services import (
    invitation_send,
    membership_answer,
    membership_change,
    membership_invite,
    membership_reset_second_factor,
    organisation_set_two_factor,
)


def _page(
    request: HttpRequest,
    organisation: Organisation,
    *,
    invite: InviteForm | None = None,
    change_error: str | None = None,
    status: int = 200,
) -> HttpResponse:
    members = members_of(organisation)
    return render(
        request,
        "organisations/member_list.html",
        {
            "organisation": organisation,
            "members": members,
            "invite": invite or InviteForm(organisation=organisation),
            "change_error": change_error,
            "roles": MemberChangeForm(organisation=organisation).fields["role"].choices,
        },
        status=status,
    )


@access("organisation_admin")
def member_list(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, get_organisation_for_user(request.user, pk, for_write=True))


@access("organisation_admin", methods=("POST",))
def member_invite(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk, for_write=True)
    form = InviteForm(request.POST, organisation=organisation)
    if form.is_valid():
        try:
            with transaction.atomic():
                membership = membership_invite(
                    organisation=organisation,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                    actor=request.user,
                )
                invitation_send(membership=membership)
        except ValidationError as exc:
            form.add_error("email", exc.messages[0])
        else:
            role = membership.get_role_display().lower()
            messages.success(
                request,
                f"{membership.user.email} has been invited as {role}: they join when they "
                "accept the invitation"
                if membership.pending
                else f"{membership.user.email} has been invited as {role}",
            )
            return redirect("organisations:member-list", pk=organisation.pk)
    return _page(request, organisation, invite=form)


@access("organisation_admin", methods=("POST",))
def member_change(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    membership = get_membership_for_user(request.user, pk, membership_pk)
    organisation = membership.organisation
    form = MemberChangeForm(request.POST, organisation=organisation)
    if not form.is_valid():
        error = next(iter(form.errors.values()))[0]
        return _page(request, organisation, change_error=error)
    try:
        with transaction.atomic():
            if form.cleaned_data["action"] == "reset_second_factor":
                membership_reset_second_factor(membership=membership, actor=request.user)
            else:
                membership_change(
                    membership=membership,
                    action=form.cleaned_data["action"],
                    role=form.cleaned_data.get("role"),
                    actor=request.user,
                )
    except ValidationError as exc:
        return _page(request, organisation, change_error=exc.messages[0])
    messages.success(
        request,
        f"{membership.user.get_username()}: "
        f"{dict(MemberChangeForm.ACTIONS)[form.cleaned_data['action']].lower()} "
        "done",
    )
    return redirect("organisations:member-list", pk=organisation.pk)


@access("organisation_admin", methods=("POST",))
def two_factor_policy(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk, for_write=True)
    form = TwoFactorPolicyForm(request.POST)
    form.is_valid()  # a single checkbox: absent means off
    required = bool(form.cleaned_data.get("require_two_factor"))
    with transaction.atomic():
        organisation_set_two_factor(
            organisation=organisation, required=required, actor=request.user
        )
    messages.success(
        request,
        f"Members of {organisation.short_name} "
        + ("must now" if required else "no longer need to")
        + " sign in with an authenticator app",
    )
    return redirect("organisations:member-list", pk=organisation.pk)


@access("invitee", methods=("POST",))
def invitation_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The invited person accepts or declines, from their account page."""
    membership = get_invitation_for_user(request.user, pk)
    form = InvitationAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Select whether to accept or decline the invitation")
        return redirect("web:account")
    accept = form.cleaned_data["answer"] == "accept"
    try:
        with transaction.atomic():
            membership_answer(membership=membership, accept=accept, actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        name = membership.organisation.name
        messages.success(
            request,
            f"You are now a member of {name}" if accept else f"You declined to join {name}",
        )
    return redirect("web:account")
