"""Small GOV.UK presentation helpers: tags for decisions and action states, and the error
summary of a form page."""

from datetime import timedelta
from html import escape
from typing import Any

from django import template
from django.forms import BaseForm
from django.template.base import Parser, Token
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from followthrough.actionplans.querysets import STATES
from followthrough.core.once import FIELD, once_token

register = template.Library()

DECISION_TAGS = {
    "agreed": ("Agreed", "govuk-tag--green"),
    "partly_agreed": ("Partly agreed", "govuk-tag--yellow"),
    "not_agreed": ("Not agreed", "govuk-tag--red"),
}
STATE_TAGS = {
    "completed": "govuk-tag--green",
    "ongoing": "govuk-tag--blue",
    "overdue": "govuk-tag--red",
    "no_update": "govuk-tag--orange",
    "due_soon": "govuk-tag--yellow",
    "later": "govuk-tag--grey",
    "no_date": "govuk-tag--grey",
    "withdrawn": "govuk-tag--grey",
}


@register.simple_tag
def decision_tag(decision: str) -> str:
    label, css = DECISION_TAGS.get(decision or "", ("No decision", "govuk-tag--grey"))
    return format_html('<strong class="govuk-tag {}">{}</strong>', css, label)


@register.simple_tag
def state_tag(state: str) -> str:
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        STATE_TAGS.get(state, "govuk-tag--grey"),
        STATES.get(state, state),
    )


@register.filter
def duration_words(delta: timedelta | None) -> str:
    """A length of time as people say it: "15 minutes", "1 hour 30 minutes"."""
    if delta is None:
        return ""
    minutes = round(delta.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    units = ((hours, "hour"), (minutes, "minute"))
    parts = [f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in units if n]
    return " ".join(parts) or "a minute"


@register.filter
def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


RATING_TAGS = {
    "outstanding": ("Outstanding", "ft-tag--outstanding"),
    "good": ("Good", "govuk-tag--turquoise"),
    "requires_improvement": ("Requires improvement", "govuk-tag--yellow"),
    "inadequate": ("Inadequate", "govuk-tag--red"),
}
ANSWER_TAGS = {
    "yes": ("Yes", "govuk-tag--green"),
    "partly": ("Partly", "govuk-tag--yellow"),
    "no": ("No", "govuk-tag--red"),
    "not_applicable": ("Not applicable", "govuk-tag--grey"),
}


@register.simple_tag
def rating_tag(rating: str, prefix: str = "") -> str:
    """A self-assessment rating on the four-point scale; the words carry the meaning, the
    colour only repeats it."""
    label, css = RATING_TAGS.get(rating or "", ("Not rated", "govuk-tag--grey"))
    return format_html('<strong class="govuk-tag {}">{}{}</strong>', css, prefix, label)


@register.simple_tag
def answer_tag(answer: str) -> str:
    label, css = ANSWER_TAGS.get(answer or "", ("Not answered", "govuk-tag--grey"))
    return format_html('<strong class="govuk-tag {}">{}</strong>', css, label)


class ErrorSummaryNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        items = self.nodelist.render(context).strip()
        forms = forms_with_errors(context)
        if not forms and not items:
            return ""
        summary = context.template.engine.get_template("web/_error_summary.html")
        # items is template output, escaped when it was rendered.
        return summary.render(context.new({"forms": forms, "items": mark_safe(items)}))  # noqa: S308


@register.tag
def errorsummary(parser: Parser, token: Token) -> ErrorSummaryNode:
    """The GOV.UK error summary for every bound form in the context with errors, followed by the
    <li> items between the tags; nothing when there are neither. Used only by web/form_page.html."""
    nodelist = parser.parse(("enderrorsummary",))
    parser.delete_first_token()
    return ErrorSummaryNode(nodelist)


def forms_with_errors(context: template.Context) -> list[BaseForm]:
    """The bound forms in the context that have errors, in the order the view gave them."""
    found: list[BaseForm] = []
    for value in context.flatten().values():
        # The same form may sit in the context under two names; forms compare by identity.
        if isinstance(value, BaseForm) and value.is_bound and value.errors and value not in found:
            found.append(value)
    return found


@register.simple_tag
def once_field() -> str:
    """A fresh one-time token for a form that creates something (`core/once.py`)."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, once_token())


@register.filter
def error_anchor(field: Any) -> str:
    """Where an error summary link lands: the field's input, or the first option of radios and
    checkboxes (their group has no id of its own), or the form's first visible field for a
    hidden one."""
    if field.is_hidden:
        visible = field.form.visible_fields()
        return str(visible[0].id_for_label) if visible else ""
    if field.id_for_label:
        return str(field.id_for_label)
    return f"{field.auto_id}_0" if field.auto_id else ""


@register.simple_tag(takes_context=True)
def page_query(context: template.Context, param: str, number: int) -> str:
    """This page's query string with one list's page number changed: a page with two paginated
    lists keeps the other list's place and any filter. (Django's `querystring` tag takes only
    literal parameter names.)"""
    query = context["request"].GET.copy()
    query[param] = str(number)
    return f"?{query.urlencode()}"


@register.simple_tag
def select_options(choices: Any, chosen: Any = "") -> str:
    """The <option>s of a long select (hundreds of reports or organisations at national scale),
    escaped and joined in one pass: a template loop renders several nodes for every option."""
    picked = "" if chosen is None else str(chosen)
    parts = []
    for value, label in choices:
        text = str(value)
        selected = " selected" if text == picked else ""
        parts.append(f'<option value="{escape(text)}"{selected}>{escape(str(label))}</option>')
    return mark_safe("".join(parts))  # noqa: S308 (every value and label escaped above)
