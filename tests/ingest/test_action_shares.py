"""An imported action carries what it commits to: the response text when its row has one action,
and when the row has several, the paragraphs that name the action's owner or its target."""

from __future__ import annotations

import re

from followthrough.actionplans.models import Action
from followthrough.ingest.extract.text import share_of
from tests.conftest import ingest_text

HEADER = (
    "Rec No\tRecommendation\tAgreed/ Partly Agreed/ Not Agreed\t"
    "Response Action Taken/Planned\tResponsible Owner\tTarget Date"
)


def _row(label: str, rec: str, paragraphs: list[str], owners: list[str], targets: list[str]):
    cell = lambda parts: " ".join(f"<p>{p}</p>" for p in parts)  # noqa: E731
    return f"{label}\t{cell([rec])}\tAgreed\t{cell(paragraphs)}\t{cell(owners)}\t{cell(targets)}"


SHARED = [
    "Agreed. Three bodies will each take a part of this synthetic work.",
    "The MoJ will write a synthetic charter for every panel.",
    "NHS England will fund synthetic health checks at every site.",
    "The Welsh Government will translate the synthetic charter by its target.",
]
PLAN = "\n".join(
    [
        "Action Plan Submitted: 11 December 2024",
        "",
        "A Response to: A synthetic inspection of shared promises",
        "",
        "Report Published: 12 September 2024",
        "",
        HEADER,
        "\tThe Ministry of Justice should:\t\t\t\t",
        _row(
            "1",
            "Write a synthetic charter for every panel.",
            SHARED,
            [
                "Head of Synthetic Policy, MoJ",
                "Director of Synthetic Health, NHS England",
                "Crime and Justice Team, Welsh Government",
            ],
            ["March 2027", "June 2027", "September 2027"],
        ),
        _row(
            "2",
            "Publish a synthetic register of panels.",
            ["Agreed. We will publish a synthetic register of every panel each year."],
            ["Head of Synthetic Policy, MoJ"],
            ["December 2027"],
        ),
    ]
)


def test_each_action_of_a_shared_response_takes_the_paragraphs_naming_its_owner(db):
    ingest_text(PLAN, "shared-promises.txt")
    moj, nhs, wales, register = (a.description for a in Action.objects.order_by("pk"))
    assert moj == SHARED[1]
    assert nhs == SHARED[2]
    assert wales == SHARED[3]
    assert register == "Agreed. We will publish a synthetic register of every panel each year."


def test_a_response_naming_no_owner_gives_each_action_the_whole_text():
    text = "\n\n".join(["First synthetic paragraph.", "Second synthetic paragraph."])
    assert share_of(text, owner="Head of Practice", target="Ongoing", of=2) == text
    assert share_of(text, owner=None, target=None, of=1) == text


def test_every_action_of_the_corpus_plans_says_what_it_will_do(corpus_ingested):
    actions = list(Action.objects.select_related("response").exclude(response__narrative=""))
    assert actions and all(a.description for a in actions)
    shared, split = 0, 0
    for action in actions:
        narrative = action.response.narrative.strip()
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", narrative)]
        if action.response.actions.count() == 1:
            assert action.description == narrative
            continue
        shared += 1
        if action.description != narrative:
            split += 1
            assert all(p in paragraphs for p in action.description.split("\n\n"))
    assert shared and split, "some rows of several actions give each its own paragraphs"
