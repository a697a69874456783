"""Rows that continue the row above, and who answers a recommendation, in our own words."""

from __future__ import annotations

from importlib import import_module

import pytest

from followthrough.actionplans.models import Response
from followthrough.ingest.extract import detect_kind, extract
from followthrough.ingest.extract.decisions import responder_of
from followthrough.organisations.aliases import bodies_named_in
from followthrough.organisations.models import Organisation
from tests.conftest import CORPUS, ingest_text, needs_corpus
from tests.ingest.test_extract_quirks import plan, row


def test_rows_naming_no_owner_continue_the_row_above_instead_of_adding_ownerless_actions():
    text = plan(
        row(
            "1",
            "Improve the reading offer",
            "Agreed",
            "We will start.",
            "Head of Reading",
            "2021/22",
        ),
        row("", "", "", "Wales will act.", "Wales Director of Schools and", "Done"),
        row("", "", "", "Action: a working group will meet.", "of Colleges", "Ongoing"),
        "",
        row("", "", "", "A framework is being revised.", "", "First phase began in May 2021. A"),
        row("", "", "", "review follows.", "", "review is expected in 2023."),
        row("", "", "", "a sentence cut by the page.", "", ""),
    )
    [rec] = extract(text, "x.txt").recommendations
    actions = [(a.owner, a.target_text) for a in rec.response.actions]
    assert actions == [
        ("Head of Reading", "2021/22"),
        (
            "Wales Director of Schools and of Colleges",
            "Done Ongoing First phase began in May 2021. A review is expected in 2023.",
        ),
    ]
    assert all(a.owner for a in rec.response.actions)


def test_a_placeholder_owner_still_starts_an_action_of_its_own():
    text = plan(
        row("1", "Do the thing", "Agreed", "Yes.", "Owner One", "March 2021"),
        row("", "", "", "More.", "No owner", "April 2021"),
    )
    [rec] = extract(text, "x.txt").recommendations
    assert [(a.owner, a.target_text) for a in rec.response.actions] == [
        ("Owner One", "March 2021"),
        ("", "April 2021"),
    ]


@needs_corpus
def test_the_corpus_plans_have_no_action_without_an_owner():
    for path in sorted(CORPUS.glob("*.txt")):
        if detect_kind(path.read_text()) != "action_plan":
            continue
        for rec in extract(path.read_text(), path.name).recommendations:
            owners = [a.owner for a in rec.response.actions]
            assert all(owners), f"{path.stem} recommendation {rec.label}: {owners}"


@pytest.mark.parametrize(
    ("addressee", "owners", "answering"),
    [
        # A national body answers for local bodies through the owner column.
        ("Youth Offending Team management boards", ["YJB – organisation with oversight"], "YJB"),
        ("Police forces", ["Home Office policing unit"], "Home Office"),
        # An addressee the owner column names is the one answering, even if named second.
        ("The YCS and the YJB", ["YJB lead"], "YJB"),
        # A department answers through its units; no owner body keeps the addressee.
        ("HM Prison and Probation Service", ["Head of YCS policy"], "HMPPS"),
        ("Department for Education", ["Deputy Director of Schools"], "DfE"),
    ],
)
def test_the_owner_column_says_which_body_answers(addressee, owners, answering):
    [body] = bodies_named_in(responder_of(addressee, owners))[:1]
    assert body.short_name == answering


def test_a_board_recommendation_answered_by_the_yjb_is_stored_as_the_yjb_s_response(db):
    text = plan(
        row("", "Youth Offending Team management boards should:", "", "", "", ""),
        row("1", "Check every plan", "Agreed", "We will ask.", "YJB – with oversight", "2023/24"),
        row("", "The Ministry of Justice should:", "", "", "", ""),
        row("2", "Publish data", "Agreed", "We will.", "Head of Data, MoJ", "2023/24"),
    )
    ingest_text(text, "plan.txt")
    answered = {
        r.recommendation.label: r.responding_organisation.short_name
        for r in Response.objects.select_related("recommendation", "responding_organisation")
    }
    assert answered == {"1": "YJB", "2": "MoJ"}


def test_the_data_migration_moves_stored_answers_to_the_body_the_owner_column_names(db):
    from django.apps import apps

    text = plan(
        row("", "Youth Offending Team management boards should:", "", "", "", ""),
        row("1", "Check every plan", "Agreed", "We will ask.", "YJB – with oversight", "2023/24"),
    )
    ingest_text(text, "plan.txt")
    boards = bodies_named_in("YOT management boards")[0]
    response = Response.objects.get()
    boards_org = Organisation.objects.get(name=boards.name)
    Response.objects.filter(pk=response.pk).update(responding_organisation=boards_org)
    module = "followthrough.ingest.migrations.0002_responders_from_owner_column"
    import_module(module).answer_from_owner_column(apps, None)
    response.refresh_from_db()
    assert response.responding_organisation.short_name == "YJB"
