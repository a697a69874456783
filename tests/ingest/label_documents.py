"""More made-up lists: labels with a letter after the number and addressees in "To X:" lines
(see list_documents.py for the form)."""

from __future__ import annotations

from tests.ingest.list_documents import TOP, Shape, rec

MORE_LIST_SHAPES = [
    Shape(
        "label_number_with_letter",
        TOP.format(what="tram stops")
        + "## Recommendations\n\n1a. The Tram Office should add seats at every stop.\n"
        "1b. The Tram Office should show waiting times.\n2. Drivers should announce each stop.\n"
        "\n## Method\n",
        [
            rec("1a", "The Tram Office", "add seats at every stop."),
            rec("1b", "The Tram Office", "show waiting times."),
            rec("2", "Drivers", "announce each stop."),
        ],
    ),
    Shape(
        "addressee_to_heading",
        TOP.format(what="harbour moorings")
        + "Recommendations\n\nTo the Harbour Board:\n\nR1 Publish the mooring waiting list.\n"
        "R2 Repair the slipway before winter.\n\nFor boat owners:\n\n"
        "R3 Register every tender.\n\n## Context\n",
        [
            rec("R1", "the Harbour Board", "Publish the mooring waiting list."),
            rec("R2", "the Harbour Board", "Repair the slipway before winter."),
            rec("R3", "boat owners", "Register every tender."),
        ],
    ),
]
MORE_LIST_SHAPES += [
    Shape(
        "addressee_after_a_deadline",
        TOP.format(what="water safety")
        + "## Recommendations\n\nBy 31 March 2027, the Water Safety Board should:\n\n"
        "- survey every open-water site\n- put up warning signs\n\n## Method\n",
        [
            rec("1", "the Water Safety Board", "survey every open-water site"),
            rec("2", "the Water Safety Board", "put up warning signs"),
        ],
    ),
    Shape(
        "recommendation_word_then_a_deadline",
        TOP.format(what="lido openings") + "## Recommendations\n\nRecommendation 1\n\n"
        "Within six months, lido managers should publish water temperatures.\n\n"
        "Recommendation 2\n\nBy the end of 2027, the Lido Trust should reopen the diving pool."
        "\n\n## Method\n",
        [
            rec("1", "lido managers", "publish water temperatures."),
            rec("2", "the Lido Trust", "reopen the diving pool."),
        ],
    ),
    Shape(
        "heading_then_a_dash_and_the_first_sentence",
        TOP.format(what="paddling pools")
        + "Recommendations – The Pools Team should drain every pool weekly.\n\n"
        "Pool attendants should log water checks.\n\n## Method\n",
        [
            rec("1", "The Pools Team", "drain every pool weekly."),
            rec("2", "Pool attendants", "log water checks."),
        ],
    ),
]
