"""Made-up documents, one per shape a recommendation list or a prose response is printed in, each
with what a careful reader takes from it (in the gold files' form, so the shared scorer scores
them). All about made-up services, in our own words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Shape:
    name: str
    text: str
    expected: list[dict[str, Any]]
    kind: str = "inspection_report"


def rec(
    label: str,
    addressee: str | None,
    text: str,
    *,
    items: list[str] | None = None,
    refs: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "label": label,
        "section": "main",
        "addressee": addressee,
        "text": text,
        "items": [{"label": None, "text": t} for t in items or []],
        "paragraph_refs": refs or [],
    }


def responded(
    label: str,
    addressee: str | None,
    text: str,
    decision: str | None,
    refs: list[str] | None = None,
) -> dict[str, Any]:
    out = rec(label, addressee, text, refs=refs)
    out["response"] = {"decision": decision, "owners": [], "targets": []}
    return out


TOP = "# A look at made-up {what}\n\nPublished May 2025\n\nSome words on how the work was done.\n\n"

SHAPES = [
    Shape(
        "heading_recommendations",
        TOP.format(what="canal boat clubs")
        + "## Recommendations\n\n1. The Canal Trust should publish a safety plan.\n"
        "2. Boat clubs should train every volunteer each year.\n\n## Background\n\nMore.\n",
        [
            rec("1", "The Canal Trust", "publish a safety plan."),
            rec("2", "Boat clubs", "train every volunteer each year."),
        ],
    ),
    Shape(
        "heading_conclusions_and_recommendations",
        TOP.format(what="park wardens") + "Conclusions and recommendations\n\n"
        "1. Wardens do good work in hard conditions. (Paragraph 12)\n\n"
        "2. The Parks Board should set out how wardens are trained. (Paragraph 15)\n\n"
        "Annex\n\nList of witnesses.\n",
        [
            rec("1", None, "Wardens do good work in hard conditions.", refs=["12"]),
            rec("2", "The Parks Board", "set out how wardens are trained.", refs=["15"]),
        ],
    ),
    Shape(
        "heading_summary_of_recommendations",
        TOP.format(what="tool libraries")
        + "SUMMARY OF RECOMMENDATIONS\n\nThe Tool Library Network should:\n\n"
        "1. keep a record of every loan\n2. check each tool before it goes out again\n\n"
        "Introduction\n\nThis review began in spring.\n",
        [
            rec("1", "The Tool Library Network", "keep a record of every loan"),
            rec("2", "The Tool Library Network", "check each tool before it goes out again"),
        ],
    ),
    Shape(
        "heading_report_recommendations_dotted",
        TOP.format(what="choir services")
        + "### Report recommendations\n\n1.1 The Choir Office should agree a rota.\n"
        "1.2 The Choir Office should name a lead for each concert.\n"
        "2.1 Local choirs should share music with each other.\n\n### Next steps\n",
        [
            rec("1.1", "The Choir Office", "agree a rota."),
            rec("1.2", "The Choir Office", "name a lead for each concert."),
            rec("2.1", "Local choirs", "share music with each other."),
        ],
    ),
    Shape(
        "heading_areas_for_improvement",
        TOP.format(what="ferry crossings")
        + "Areas for improvement\n\n- Tickets should show the crossing time clearly.\n"
        "- Waiting rooms should be heated in winter.\n\n## Ratings\n",
        [
            rec("1", "Tickets", "show the crossing time clearly."),
            rec("2", "Waiting rooms", "be heated in winter."),
        ],
    ),
    Shape(
        "heading_on_the_first_item_line",
        TOP.format(what="orchard co-operatives")
        + "Recommendations: 1. The Orchard Board should count every tree it plants.\n"
        "2. Co-operatives should report spoiled fruit each season.\n\n## Method\n",
        [
            rec("1", "The Orchard Board", "count every tree it plants."),
            rec("2", "Co-operatives", "report spoiled fruit each season."),
        ],
    ),
    Shape(
        "lead_in_sentence_without_heading",
        TOP.format(what="kite festivals")
        + "The inspection made three recommendations, as follows:\n\n"
        "1) The Festival Office should publish wind limits.\n"
        "2) Stewards should carry radios.\n"
        "3) The Festival Office should review each event within a month.\n\n"
        "These will be checked next year.\n",
        [
            rec("1", "The Festival Office", "publish wind limits."),
            rec("2", "Stewards", "carry radios."),
            rec("3", "The Festival Office", "review each event within a month."),
        ],
    ),
    Shape(
        "label_number_without_space",
        TOP.format(what="bus shelters")
        + "## Recommendations\n\n1.The Shelter Team should fix broken panels within a week.\n"
        "2.The Shelter Team should light every shelter after dark.\n\n## Findings\n",
        [
            rec("1", "The Shelter Team", "fix broken panels within a week."),
            rec("2", "The Shelter Team", "light every shelter after dark."),
        ],
    ),
    Shape(
        "label_letter_and_number_codes",
        TOP.format(what="river patrols")
        + "## Recommendations\n\nRP1 The Patrol Service should log every call-out.\n"
        "RP2 The Patrol Service should publish response times.\n\n## Context\n",
        [
            rec("RP1", "The Patrol Service", "log every call-out."),
            rec("RP2", "The Patrol Service", "publish response times."),
        ],
    ),
    Shape(
        "label_bracketed_letters",
        TOP.format(what="village halls")
        + "## Recommendations\n\nThe Halls Committee should:\n\n(a) agree opening hours\n"
        "(b) keep the hall accessible to wheelchair users\n\n## Approach\n",
        [
            rec("a", "The Halls Committee", "agree opening hours"),
            rec("b", "The Halls Committee", "keep the hall accessible to wheelchair users"),
        ],
    ),
    Shape(
        "label_numbers_inline_in_one_paragraph",
        TOP.format(what="street markets")
        + "## Recommendations\n\nThe Market Board should (1) publish pitch fees; "
        "(2) inspect stalls every quarter; and (3) meet traders twice a year.\n\n## Scope\n",
        [
            rec("1", "The Market Board", "publish pitch fees"),
            rec("2", "The Market Board", "inspect stalls every quarter"),
            rec("3", "The Market Board", "meet traders twice a year."),
        ],
    ),
    Shape(
        "label_recommendation_word",
        TOP.format(what="cycle hubs")
        + "## Recommendations\n\nRecommendation 1: The Cycle Hub should lend helmets free.\n\n"
        "Recommendation 2: The Cycle Hub should repair bikes for people on low incomes.\n\n"
        "## How we inspected\n",
        [
            rec("1", "The Cycle Hub", "lend helmets free."),
            rec("2", "The Cycle Hub", "repair bikes for people on low incomes."),
        ],
    ),
    Shape(
        "label_none_paragraphs",
        TOP.format(what="reading cafes")
        + "## Recommendations\n\nThe Cafe Trust should stock books in community languages.\n\n"
        "Volunteers should be thanked publicly each year.\n\n## Thanks\n\nTo everyone.\n",
        [
            rec("1", "The Cafe Trust", "stock books in community languages."),
            rec("2", "Volunteers", "be thanked publicly each year."),
        ],
    ),
    Shape(
        "bullets_of_every_mark",
        TOP.format(what="allotment sites")
        + "## Recommendations\n\nThe Allotment Office should:\n\n"
        "• agree a waiting list policy\n• mend the fences on every site\n\n"
        "Site secretaries should:\n\n– publish water charges\n\n"
        "Plot holders should:\n\n* compost green waste\n\n## Afterword\n",
        [
            rec("1", "The Allotment Office", "agree a waiting list policy"),
            rec("2", "The Allotment Office", "mend the fences on every site"),
            rec("3", "Site secretaries", "publish water charges"),
            rec("4", "Plot holders", "compost green waste"),
        ],
    ),
    Shape(
        "bullets_nested_under_addressee_bullets",
        TOP.format(what="lifeguard rotas") + "## Recommendations\n\n"
        "• The pool manager should:\n    ◦ check rotas weekly\n    ◦ record every rescue\n"
        "• The Leisure Board should:\n    ◦ fund a second lifeguard at busy times, covering:\n"
        "        ▪ weekends\n        ▪ school holidays\n\n## Findings\n",
        [
            rec("1", "The pool manager", "check rotas weekly"),
            rec("2", "The pool manager", "record every rescue"),
            rec(
                "3",
                "The Leisure Board",
                "fund a second lifeguard at busy times, covering:",
                items=["weekends", "school holidays"],
            ),
        ],
    ),
    Shape(
        "bullets_numbered",
        TOP.format(what="repair cafes")
        + "## Recommendations\n\n- 1. The Repair Network should keep spare parts.\n"
        "- 2. The Repair Network should train new fixers.\n\n## Method\n",
        [
            rec("1", "The Repair Network", "keep spare parts."),
            rec("2", "The Repair Network", "train new fixers."),
        ],
    ),
    Shape(
        "addressee_should_ensure_that",
        TOP.format(what="school crossings")
        + "## Recommendations\n\nThe Road Safety Team should ensure that:\n\n"
        "1. every crossing patrol has a high-visibility coat\n"
        "2. patrols are covered during sickness\n\n## Notes\n",
        [
            rec("1", "The Road Safety Team", "every crossing patrol has a high-visibility coat"),
            rec("2", "The Road Safety Team", "patrols are covered during sickness"),
        ],
    ),
    Shape(
        "addressee_recommendations_to_a_body",
        TOP.format(what="museum outreach")
        + "## Recommendations to the Museum Trust\n\n1. Open on one evening a week.\n\n"
        "## Recommendations to local schools\n\n2. Plan one museum visit a year.\n\n"
        "## What we saw\n\nMore.\n",
        [
            rec("1", "the Museum Trust", "Open on one evening a week."),
            rec("2", "local schools", "Plan one museum visit a year."),
        ],
    ),
    Shape(
        "addressee_we_recommend_that",
        TOP.format(what="seed banks")
        + "## Recommendations\n\n1. We recommend that the Seed Council publishes its stock.\n"
        "2. We recommend that growers should label each packet.\n\n## Method\n",
        [
            rec("1", "the Seed Council", "publishes its stock."),
            rec("2", "growers", "label each packet."),
        ],
    ),
    Shape(
        "addressee_none",
        TOP.format(what="tidy towns")
        + "## Recommendations\n\n1. Empty litter bins daily in summer.\n"
        "2. Plant trees on every new street.\n\n## Scores\n",
        [
            rec("1", None, "Empty litter bins daily in summer."),
            rec("2", None, "Plant trees on every new street."),
        ],
    ),
    Shape(
        "paragraph_references_in_every_form",
        TOP.format(what="lighthouse visits")
        + "## Recommendations\n\n1. The Lights Board should open two towers. (Paragraph 15)\n"
        "2. The Lights Board should train guides (para 3.16).\n"
        "3. The Lights Board should count visitors (see 4.4).\n\n## Findings\n",
        [
            rec("1", "The Lights Board", "open two towers.", refs=["15"]),
            rec("2", "The Lights Board", "train guides.", refs=["3.16"]),
            rec("3", "The Lights Board", "count visitors.", refs=["4.4"]),
        ],
    ),
    Shape(
        "response_headed_recommendation_and_response",
        "# Government response to the made-up Committee report on canal towpaths\n\n"
        "Recommendation 1\n\nThe Department should resurface every towpath by 2030.\n\n"
        "Response\n\nThe Government accepts this recommendation and will fund it.\n\n"
        "Recommendation 2\n\nThe Department should light towpaths near towns.\n\n"
        "Response\n\nThe Government accepts this recommendation in part. Lighting harms bats.\n\n"
        "Recommendation 3\n\nThe Department should ban bicycles on towpaths.\n\n"
        "Response\n\nThe Government does not accept this recommendation.\n\n"
        "Recommendation 4\n\nThe Department should map every towpath.\n\n"
        "Response\n\nThe Government agrees in principle and will look at the cost.\n\n"
        "Recommendation 5\n\nThe Department should report on towpath use each year.\n\n"
        "Response\n\nThe Government notes this recommendation.\n",
        [
            responded("1", "The Department", "resurface every towpath by 2030.", "agreed"),
            responded("2", "The Department", "light towpaths near towns.", "partly_agreed"),
            responded("3", "The Department", "ban bicycles on towpaths.", "not_agreed"),
            responded("4", "The Department", "map every towpath.", "partly_agreed"),
            responded("5", "The Department", "report on towpath use each year.", None),
        ],
        kind="action_plan",
    ),
    Shape(
        "response_after_the_recommendation_text",
        "# The Ministry's response to the made-up review of harbour pilots\n\n"
        "We recommend that the Harbour Authority should publish pilot rotas.\n\n"
        "The Ministry accepts this recommendation. Rotas will be online by spring.\n\n"
        "We recommend that the Harbour Authority should double night cover.\n\n"
        "The Ministry rejects this recommendation, as night traffic is light.\n",
        [
            responded("1", "the Harbour Authority", "publish pilot rotas.", "agreed"),
            responded("2", "the Harbour Authority", "double night cover.", "not_agreed"),
        ],
        kind="action_plan",
    ),
    Shape(
        "response_to_numbered_conclusions",
        "# Government response to the made-up Committee on city farms\n\n"
        "1. City farms should open at weekends. (Paragraph 12)\n\n"
        "The Government agrees. Funding will follow.\n\n"
        "2. The Farms Office should recruit more volunteers. (Paragraph 20)\n\n"
        "The Government partially accepts this recommendation. Recruitment is local.\n",
        [
            responded("1", "City farms", "open at weekends.", "agreed", ["12"]),
            responded("2", "The Farms Office", "recruit more volunteers.", "partly_agreed", ["20"]),
        ],
        kind="action_plan",
    ),
]
COUNT_MISMATCH = (
    TOP.format(what="sailing schools")
    + "This report makes four recommendations.\n\n## Recommendations\n\n"
    "1. The Sailing Board should check every boat.\n"
    "2. The Sailing Board should publish course fees.\n"
    "3. The Sailing Board should keep a lifejacket for every pupil.\n\n## Findings\n"
)
