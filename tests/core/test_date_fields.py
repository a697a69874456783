"""Every date box shows its date the way its hint asks for one, so a pre-filled form can be
sent back as it stands and a person copying the hint's example is understood."""

from __future__ import annotations

import importlib
import pkgutil
import re
from datetime import date

import pytest
from django import forms

import followthrough


def _form_classes() -> list[type[forms.Form]]:
    found: set[type[forms.Form]] = set()
    for info in pkgutil.walk_packages(followthrough.__path__, "followthrough."):
        if ".forms" not in info.name and not info.name.endswith("forms"):
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, forms.BaseForm):
                found.add(value)
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__name__}")


DATE_FIELDS = [
    pytest.param(form, name, id=f"{form.__name__}.{name}")
    for form in _form_classes()
    for name, field in form.base_fields.items()
    if isinstance(field, forms.DateField)
]


def test_the_project_has_date_boxes_to_check():
    assert len(DATE_FIELDS) >= 15


@pytest.mark.parametrize(("form", "name"), DATE_FIELDS)
def test_a_date_box_shows_dates_as_its_hint_writes_them(form, name):
    field = form.base_fields[name]
    example = re.search(r"for example (.+?)(?:[.;,]|$)", str(field.help_text), re.IGNORECASE)
    assert example, f"{name}'s hint gives no example date"
    written = example.group(1).strip()
    understood = field.clean(written)
    assert isinstance(understood, date)
    assert field.widget.format_value(understood) == written
    # What the box shows is read back as the same date.
    assert field.clean(field.widget.format_value(date(2026, 3, 7))) == date(2026, 3, 7)


def test_the_progress_form_opens_with_today_written_as_the_hint_asks(
    client, body_contributor, sample_plan
):
    from django.urls import reverse

    from followthrough.actionplans.models import Action

    action = Action.objects.filter(owner_organisation__short_name="YJB").first()
    client.force_login(body_contributor)
    page = client.get(reverse("actionplans:action-progress", args=[action.pk])).content.decode()
    today = date.today()
    assert f'value="{today.day} {today:%B %Y}"' in page
    assert "For example 23 November 2026" in page
    assert "2026-11-23" not in page
