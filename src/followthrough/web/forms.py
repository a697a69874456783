"""GOV.UK styling for Django forms: the classes each widget needs, added in one place."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms

WIDGET_CLASSES = {
    forms.TextInput: "govuk-input",
    forms.EmailInput: "govuk-input",
    forms.PasswordInput: "govuk-input",
    forms.NumberInput: "govuk-input",
    forms.DateInput: "govuk-input",
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
}


class GovukFormMixin:
    """Adds GOV.UK classes to widgets, and the error class to fields that have errors."""

    fields: dict[str, forms.Field]
    field_widths: dict[str, str] = {}  # GOV.UK width classes by field name

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = WIDGET_CLASSES.get(type(field.widget))
            if css:
                field.widget.attrs["class"] = f"{css} {field.widget.attrs.get('class', '')}".strip()
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{name}-hint"
            width = getattr(self, "field_widths", {}).get(name)
            if width:
                field.widget.attrs["class"] = (
                    f"{field.widget.attrs.get('class', '')} {width}".strip()
                )

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in getattr(self, "errors", {}):
            if name in self.fields:
                widget = self.fields[name].widget
                css = WIDGET_CLASSES.get(type(widget), "")
                if css:
                    widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}--error".strip()
                described = widget.attrs.get("aria-describedby", "")
                widget.attrs["aria-describedby"] = f"{described} {name}-error".strip()


class PasswordResetForm(GovukFormMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(GovukFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(GovukFormMixin, auth_forms.PasswordChangeForm):
    pass
