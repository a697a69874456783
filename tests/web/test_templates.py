"""Every page with a form shows its errors the same way: through web/form_page.html, which puts
the GOV.UK error summary ("There is a problem") above the page, linked to each field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import RequestFactory

import followthrough

SRC = Path(followthrough.__file__).resolve().parent
FORM_PAGE = "web/form_page.html"
SUMMARY = "web/_error_summary.html"
# Templates that may write "There is a problem" themselves, and why.
SUMMARY_WRITERS = {
    SUMMARY: "the summary's markup, rendered only by the form page's {% errorsummary %} tag",
    FORM_PAGE: "the form page itself",
    "web/base.html": "a flash message of level error, which any page may show after a redirect",
}
# Fragments that show field errors in place and are never the whole page, and why.
IN_PLACE = {
    "actionplans/_progress_inline.html": "an htmx fragment swapped into a table row; without "
    "JavaScript its form posts to the progress page, which has the summary",
}
FIELD_ERRORS = ("web/_field.html", "web/_radios.html", "govuk-error-message")
INCLUDE = re.compile(r"""{%\s*include\s+["']([^"']+)["']""")
EXTENDS = re.compile(r"""{%\s*extends\s+["']([^"']+)["']""")


def templates() -> dict[str, str]:
    """Every template under src/followthrough, by the name Django loads it by."""
    found = {}
    for directory in sorted(SRC.glob("*/templates")):
        for path in sorted(directory.rglob("*")):
            if path.is_file():
                found[path.relative_to(directory).as_posix()] = path.read_text()
    return found


TEMPLATES = templates()


def shows_field_errors(name: str, seen: frozenset[str] = frozenset()) -> bool:
    """Whether the template, or a template it includes, renders a field's error message."""
    if name in IN_PLACE or name in seen or name not in TEMPLATES:
        return False
    text = TEMPLATES[name]
    if any(marker in text for marker in FIELD_ERRORS):
        return True
    return any(shows_field_errors(inc, seen | {name}) for inc in INCLUDE.findall(text))


def ancestors(name: str) -> list[str]:
    chain = []
    while (match := EXTENDS.search(TEMPLATES.get(name, ""))) and name not in chain:
        name = match.group(1)
        chain.append(name)
    return chain


def is_page(name: str) -> bool:
    return name.endswith(".html") and not name.rsplit("/", 1)[-1].startswith("_")


def test_the_template_walk_finds_the_form_pages():
    assert FORM_PAGE in TEMPLATES and SUMMARY in TEMPLATES
    assert "actionplans/action_progress.html" in TEMPLATES


def test_only_the_form_page_shows_the_error_summary():
    includers = [n for n, text in TEMPLATES.items() if SUMMARY in INCLUDE.findall(text)]
    writers = [n for n, text in TEMPLATES.items() if "There is a problem" in text]
    assert includers == []
    assert sorted(set(writers) - set(SUMMARY_WRITERS)) == []


def test_every_page_that_shows_field_errors_extends_the_form_page():
    pages = [n for n in TEMPLATES if is_page(n) and shows_field_errors(n)]
    assert "actionplans/action_progress.html" in pages  # through _progress_form.html
    assert [n for n in pages if FORM_PAGE not in ancestors(n)] == []


class NameForm(forms.Form):
    name = forms.CharField()


class TargetForm(forms.Form):
    new_text = forms.CharField()

    def clean(self):
        raise forms.ValidationError("Enter a new target or a reason")


def render(body: str, **context) -> str:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    source = '{% extends "web/form_page.html" %}' + body
    return engines["django"].from_string(source).render(context, request)


def summary(html: str) -> str:
    start = html.find('<div class="govuk-error-summary"')
    return html[start : html.index("</ul>", start)] if start >= 0 else ""


@pytest.mark.django_db
def test_the_summary_lists_the_errors_of_every_form_on_the_page():
    html = render(
        "{% block content %}<h1>Page</h1>{% endblock %}",
        form=NameForm({}),
        target_form=TargetForm({}),
        unbound=NameForm(),
    )
    found = summary(html)
    assert html.count("There is a problem") == 1
    assert html.index("There is a problem") < html.index("<h1>Page</h1>")
    assert '<a href="#id_name">This field is required.</a>' in found
    assert '<a href="#id_new_text">This field is required.</a>' in found
    assert '<a href="#id_new_text">Enter a new target or a reason</a>' in found
    assert found.index("#id_name") < found.index("#id_new_text")


@pytest.mark.django_db
def test_a_form_without_errors_shows_no_summary():
    html = render("{% block content %}<h1>Page</h1>{% endblock %}", form=NameForm({"name": "x"}))
    assert "There is a problem" not in html


@pytest.mark.django_db
def test_errors_the_view_found_without_a_form_go_in_the_error_items_block():
    body = (
        '{% block error_items %}{% if error %}<li><a href="#document">{{ error }}</a></li>'
        "{% endif %}{% endblock %}{% block content %}<h1>Page</h1>{% endblock %}"
    )
    assert "There is a problem" not in render(body, error="")
    found = summary(render(body, error="Choose a <file>"))
    assert '<a href="#document">Choose a &lt;file&gt;</a>' in found


def test_a_form_pages_title_starts_with_error_whenever_its_summary_has_items():
    """GOV.UK: the title starts "Error: " when the page shows errors, so the errors a view lists
    in the error_items block must also be in the title's condition."""
    title = re.compile(r"{% block title %}{% if ([^%]*)%}Error: ")
    items = re.compile(r"{% block error_items %}{% (?:for \w+(?:, \w+)* in|if) ([\w.]+)")
    missing = []
    for name, text in TEMPLATES.items():
        if FORM_PAGE not in ancestors(name) or not (listed := items.search(text)):
            continue
        condition = title.search(text)
        variable = listed.group(1).removesuffix(".items")
        if condition is None or variable not in condition.group(1):
            missing.append(name)
    assert not missing, missing
