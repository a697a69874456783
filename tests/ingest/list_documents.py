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

LIST_SHAPES = [
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
        "lead_in_in_a_council_minute",
        "Minutes of the made-up Leisure Scrutiny Panel\n\n12. INSPECTION OF PLAY SCHEMES\n\n"
        "The panel heard that the schemes were rated good.\n\n"
        "RESOLVED that the panel notes the inspection's recommendations, which are:\n\n"
        "(1) The Play Service should check every site before the summer.\n"
        "(2) The Play Service should publish its opening times.\n\n"
        "13. ANY OTHER BUSINESS\n\nNone.\n",
        [
            rec("1", "The Play Service", "check every site before the summer."),
            rec("2", "The Play Service", "publish its opening times."),
        ],
    ),
    Shape(
        "bullets_addressed_inline_in_a_summary",
        "Briefing on the made-up inspection of night shelters\n\n"
        "Its recommendations include:\n\n"
        "• The Shelter Office should publish bed numbers each night.\n"
        "• Shelter staff should\n  record every refusal.\n\n"
        "We think these are a good start.\n",
        [
            rec("1", "The Shelter Office", "publish bed numbers each night."),
            rec("2", "Shelter staff", "record every refusal."),
        ],
    ),
    Shape(
        "list_crossing_a_page_break",
        "An inspection of made-up bowling greens\n\nRecommendations\n\n"
        "The Greens Trust should:\n\n1. cut every green weekly during the season, including\n"
        "greens used only by schools\n2. mend the benches\n\n7\n\n"
        "Inspection of made-up bowling greens\n\n3. open one green to beginners.\n\n"
        "Introduction\n\nThis inspection took place in June.\n",
        [
            rec(
                "1",
                "The Greens Trust",
                "cut every green weekly during the season, including greens used only by schools",
            ),
            rec("2", "The Greens Trust", "mend the benches"),
            rec("3", "The Greens Trust", "open one green to beginners."),
        ],
    ),
    Shape(
        "label_recommendation_word_on_its_own_line",
        TOP.format(what="mobile libraries")
        + "Recommendations\n\nRecommendation 1\nVans should stop at every village weekly.\n\n"
        "Recommendation 2\nThe Mobile Library Unit should carry large-print books.\n\n"
        "About this report\n",
        [
            rec("1", "Vans", "stop at every village weekly."),
            rec("2", "The Mobile Library Unit", "carry large-print books."),
        ],
    ),
    Shape(
        "lettered_after_we_recommend_that",
        TOP.format(what="fire stations")
        + "We recommend that:\n\na) the Fire Authority reviews its crewing model;\n"
        "b) station managers share learning each month; and\n"
        "c) the Fire Authority publishes response times.\n\nNext steps\n",
        [
            rec("a", "the Fire Authority", "reviews its crewing model"),
            rec("b", "station managers", "share learning each month"),
            rec("c", "the Fire Authority", "publishes response times."),
        ],
    ),
    Shape(
        "areas_for_improvement_with_nested_points",
        "Inspection of a made-up sixth form\n\nAreas for improvement\n\n"
        "Leaders should:\n- raise attendance at maths lessons\n"
        "- make sure students get careers advice\n  - in their first term\n"
        "  - before they leave\n\nProvider details\n",
        [
            rec("1", "Leaders", "raise attendance at maths lessons"),
            rec(
                "2",
                "Leaders",
                "make sure students get careers advice",
                items=["in their first term", "before they leave"],
            ),
        ],
    ),
]
COUNT_MISMATCH = (
    TOP.format(what="sailing schools")
    + "This report makes four recommendations.\n\n## Recommendations\n\n"
    "1. The Sailing Board should check every boat.\n"
    "2. The Sailing Board should publish course fees.\n"
    "3. The Sailing Board should keep a lifejacket for every pupil.\n\n## Findings\n"
)

INTRODUCED_LIST = (
    TOP.format(what="rowing clubs")
    + "## Recommendations\n\nAll the recommendations below should be read together.\n\n"
    "Clubs should agree a shared calendar first of all.\n\n"
    "1. The Rowing Board should publish safety rules.\n"
    "2. The Rowing Board should fund new boats.\n\n## Method\n"
)
