from __future__ import annotations

from typing import Any

from django import forms

from followthrough.core.forms import GovukFormMixin

from .models import Membership, Organisation


def role_choices(organisation: Organisation) -> list[tuple[str, str]]:
    """Reviewers belong to inspectorates and case managers to youth justice services; other
    bodies have the four working roles."""
    roles = [(r.value, r.label) for r in Membership.Role]
    if organisation.kind != Organisation.Kind.INSPECTORATE:
        roles = [r for r in roles if r[0] != Membership.Role.REVIEWER]
    if organisation.kind != Organisation.Kind.YOUTH_JUSTICE_SERVICE:
        roles = [r for r in roles if r[0] != Membership.Role.CASE_MANAGER]
    return roles


class InviteForm(GovukFormMixin, forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="They will get an email with a link to choose their password",
        error_messages={
            "required": "Enter an email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    role = forms.ChoiceField(label="Role", error_messages={"required": "Select a role"})

    field_widths = {"email": "govuk-!-width-two-thirds"}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", "Select a role"), *role_choices(organisation)]
        self.fields["role"].error_messages["invalid_choice"] = "Select a role from the list"


class MemberChangeForm(GovukFormMixin, forms.Form):
    ACTIONS = [
        ("role", "Change role"),
        ("deactivate", "Deactivate"),
        ("reactivate", "Reactivate"),
        ("reset_second_factor", "Reset authenticator"),
    ]
    action = forms.ChoiceField(
        choices=ACTIONS,
        error_messages={
            "required": "Select what to change",
            "invalid_choice": "Select what to change",
        },
    )
    role = forms.ChoiceField(required=False, label="Role")

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = role_choices(organisation)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("action") == "role" and not data.get("role"):
            self.add_error("role", "Select a role")
        return data


class TwoFactorPolicyForm(forms.Form):
    require_two_factor = forms.BooleanField(required=False)


class InvitationAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("accept", "Accept"), ("decline", "Decline")])
