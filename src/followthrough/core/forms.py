"""GOV.UK forms: the classes each widget needs, added in one place, and how a service's
ValidationError or a stale version comes back onto the form."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, QueryDict
from django.utils.dateparse import parse_date

from .concurrency import StaleEdit

# How a date is shown in a form and what people may type: the box shows the date the way the
# hint asks for it, and every common way of writing a date is still read.
DATE_HINT = "For example 23 November 2026"
DATE_INPUT_FORMATS = ["%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d-%m-%Y"]


class GovukDateInput(forms.DateInput):
    """A date box showing its value as the hint writes dates ("3 March 2026")."""

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, date):
            return f"{value.day} {value:%B %Y}"
        return super().format_value(value)


WIDGET_CLASSES: dict[type, str] = {
    forms.TextInput: "govuk-input",
    forms.EmailInput: "govuk-input",
    forms.PasswordInput: "govuk-input",
    forms.NumberInput: "govuk-input",
    forms.DateInput: "govuk-input",
    GovukDateInput: "govuk-input",
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


class PlausibleDateField(forms.DateField):
    """A date from 1990 to 2099, shown and hinted in words: a mistyped year is an error on the
    form, not a broken page."""

    widget = GovukDateInput

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and not date(1990, 1, 1) <= value <= date(2099, 12, 31):
            raise forms.ValidationError(
                f"{self.label} must be between 1990 and 2099", code="out_of_range"
            )


def date_field(
    label: str, *, required: bool = True, hint: str = "", help_text: str = ""
) -> PlausibleDateField:
    """A GOV.UK date box: the hint, the value shown and the error all write dates one way.
    `hint` follows the example; `help_text` replaces the whole hint."""
    example = DATE_HINT[len("For example ") :]
    return PlausibleDateField(
        label=label,
        required=required,
        help_text=help_text or (f"{DATE_HINT}. {hint}" if hint else DATE_HINT),
        input_formats=DATE_INPUT_FORMATS,
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a real date, for example {example}",
        },
    )


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form, against the fields it names."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def posted_with_version(posted: QueryDict, version: int) -> QueryDict:
    """The posted form again, as typed, carrying the version saved since: `posted | {...}` would
    turn every value into the list QueryDict keeps underneath."""
    data = posted.copy()
    data["version"] = str(version)
    return data


def save_versioned(request: HttpRequest, form_class: type[forms.Form], save, what: str):  # type: ignore[no-untyped-def]
    """Run a save on a valid form; a stale version or a rule broken comes back on the form.

    Returns (form, stale record or None, saved)."""
    form = form_class(request.POST)
    if not form.is_valid():
        return form, None, False
    try:
        with transaction.atomic():
            save(form.cleaned_data)
    except StaleEdit as exc:
        form = form_class(posted_with_version(request.POST, exc.current.version))
        form.is_valid()
        form.add_error(
            None,
            f"Someone else saved this {what} after you opened it. Their "
            "version is shown below; save again to replace it with yours.",
        )
        return form, exc.current, False
    except ValidationError as exc:
        apply_errors(form, exc)
        return form, None, False
    return form, None, True


# Ids and years in query strings stay within what a database integer holds.
LARGEST_ID = 2**31 - 1


def int_param(value: object) -> int | None:
    """A whole number typed into a URL (an id, a year), or None for anything else: ASCII digits
    only ("²" is a digit to Python but not a number), and no larger than a database id."""
    text = str(value or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 10:
        return None
    number = int(text)
    return number if number <= LARGEST_ID else None


def date_param(value: object) -> date | None:
    """A date typed as YYYY-MM-DD, or None for anything else, including impossible dates such as
    2026-02-30 or 0000-00-00."""
    text = str(value or "").strip()
    try:
        return parse_date(text) if text else None
    except ValueError:
        return None


def text_param(value: object, *, limit: int = 200) -> str:
    """Text typed into a URL, trimmed and without NUL characters, which PostgreSQL refuses in any
    string (so a query carrying one would fail, not find nothing)."""
    return str(value or "").replace("\x00", "").strip()[:limit]
