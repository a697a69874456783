"""The account forms (password reset and change) in GOV.UK style."""

from django.contrib.auth import forms as auth_forms

from followthrough.core.forms import GovukFormMixin


class PasswordResetForm(GovukFormMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(GovukFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(GovukFormMixin, auth_forms.PasswordChangeForm):
    pass
