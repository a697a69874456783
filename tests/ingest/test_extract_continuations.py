"""Rows that continue the row above, and who answers a recommendation, in our own words."""

from __future__ import annotations

from followthrough.ingest.extract import detect_kind, extract
from tests.conftest import CORPUS, needs_corpus
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
