"""Emails that go with membership changes: the invitation to choose a password."""

from __future__ import annotations

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import Membership


def invitation_send(*, membership: Membership, request: HttpRequest) -> None:
    """Send the new member a link to choose their password (the password-reset link)."""
    user = membership.user
    context = {
        "user": user,
        "organisation": membership.organisation,
        "role": membership.get_role_display(),
        "domain": request.get_host(),
        "protocol": "https" if request.is_secure() else "http",
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    send_mail(
        subject=f"You have been added to {membership.organisation.short_name} on Followthrough",
        message=render_to_string("organisations/invitation_email.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
