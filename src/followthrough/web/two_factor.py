"""Setting up and entering a second factor: a six-digit code from an authenticator app."""

from __future__ import annotations

from typing import Any

import segno
from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from followthrough.core.access import access
from followthrough.core.events import record_event
from followthrough.core.forms import GovukFormMixin

FORM_METHODS = ("GET", "HEAD", "POST")


class CodeForm(GovukFormMixin, forms.Form):
    code = forms.RegexField(
        label="Code from your authenticator app",
        help_text="The six numbers the app shows for Followthrough",
        regex=r"^\s*\d{6}\s*$",
        error_messages={
            "required": "Enter the code from your authenticator app",
            "invalid": "Enter the code as six numbers, like 123456",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
                "class": self.fields["code"].widget.attrs.get("class", "")
                + " govuk-input--width-10",
            }
        )


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else "/"


@access("signed_in", methods=FORM_METHODS)
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return render(request, "web/two_factor_setup.html", {"already": True})
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            record_event(user, "accounts.user.second_factor_added", actor=user)
            return redirect(_next(request))
        form.add_error("code", "The code is wrong or has expired: enter the code the app shows now")
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "web/two_factor_setup.html",
        {
            "form": form,
            "qr": qr.svg_data_uri(scale=5, dark="#0b0c0c"),
            "secret": _grouped(device.config_url),
            "next": _next(request),
        },
    )


def _grouped(config_url: str) -> str:
    secret = config_url.split("secret=", 1)[1].split("&", 1)[0]
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@access("signed_in", methods=FORM_METHODS)
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].strip())
        if device is not None:
            otp_login(request, device)
            record_event(request.user, "accounts.user.second_factor_verified", actor=request.user)
            return redirect(_next(request))
        form.add_error("code", "The code is wrong or has expired: enter the code the app shows now")
    return render(request, "web/two_factor_verify.html", {"form": form, "next": _next(request)})
