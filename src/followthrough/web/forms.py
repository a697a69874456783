"""The account forms (password reset and change) in GOV.UK style."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import forms as auth_forms

from followthrough.core.forms import GovukFormMixin


class PasswordResetForm(GovukFormMixin, auth_forms.PasswordResetForm):
    """The reset link is built from SITE_URL: the request's Host header is the client's to set,
    and a forged one would send a real person's reset link to the forger's site."""

    def save(self, *args: Any, **kwargs: Any) -> None:
        site = urlsplit(settings.SITE_URL)
        kwargs["domain_override"] = site.netloc
        kwargs["use_https"] = site.scheme == "https"
        super().save(*args, **kwargs)


class SetPasswordForm(GovukFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(GovukFormMixin, auth_forms.PasswordChangeForm):
    pass
