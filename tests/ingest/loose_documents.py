"""Made-up lists whose labels, addressees or nesting are loose: numbers before a lower-case word,
no labels at all, "We recommend that X does …", sub-points printed deeper, a numbered addressee
line over lettered points, and a prose response to a group of recommendations (see
list_documents.py for the form)."""

from __future__ import annotations

from tests.ingest.list_documents import TOP, Shape, rec, responded

END = "\n\n## Method\n\nWe visited in the autumn.\n"

LOOSE_LIST_SHAPES = [
    Shape(
        "label_dotted_under_an_addressee",
        TOP.format(what="skate parks") + "## Recommendations\n\nThe Skate Park Trust should:\n\n"
        "1.1 mend the half-pipe before summer (Paragraph 12).\n"
        "1.2 post opening hours at each gate.\n2.1 train a first aider for every session." + END,
        [
            rec("1.1", "The Skate Park Trust", "mend the half-pipe before summer.", refs=["12"]),
            rec("1.2", "The Skate Park Trust", "post opening hours at each gate."),
            rec("2.1", "The Skate Park Trust", "train a first aider for every session."),
        ],
    ),
    Shape(
        "label_bare_number_under_an_addressee",
        TOP.format(what="bike hire") + "## Recommendations\n\nThe Cycle Hire Office should:\n\n"
        "1 fund a spare bike at every dock.\n2 publish repair times each month." + END,
        [
            rec("1", "The Cycle Hire Office", "fund a spare bike at every dock."),
            rec("2", "The Cycle Hire Office", "publish repair times each month."),
        ],
    ),
    Shape(
        "label_number_dot_no_space_clauses",
        TOP.format(what="dog parks")
        + "## Recommendations\n\nThe Parks Team should ensure that:\n\n"
        "1.every gate closes by itself\n2.bins are emptied daily" + END,
        [
            rec("1", "The Parks Team", "every gate closes by itself"),
            rec("2", "The Parks Team", "bins are emptied daily"),
        ],
    ),
    Shape(
        "no_labels_under_an_addressee",
        TOP.format(what="tool sheds") + "## Recommendations\n\nThe Shed Committee should:\n\n"
        "check every tool before it is lent.\n\nrecord who borrows each tool." + END,
        [
            rec("1", "The Shed Committee", "check every tool before it is lent."),
            rec("2", "The Shed Committee", "record who borrows each tool."),
        ],
    ),
    Shape(
        "no_labels_and_no_addressee",
        TOP.format(what="reading rooms") + "Conclusions and recommendations\n\n"
        "Extend the opening hours on Saturdays.\n\nReplace the broken lamps in every room." + END,
        [
            rec("1", None, "Extend the opening hours on Saturdays."),
            rec("2", None, "Replace the broken lamps in every room."),
        ],
    ),
    Shape(
        "we_recommend_that_a_body_does",
        TOP.format(what="ice rinks") + "## Recommendations\n\n"
        "1. We recommend that the Rink Authority resurfaces the ice every evening.\n"
        "2. We recommend that rink marshals records every fall and shares what it shows.\n"
        "3. We recommend that the Rink Trust's staff carries out a check of the barriers each day."
        + END,
        [
            rec("1", "the Rink Authority", "resurfaces the ice every evening."),
            rec("2", "rink marshals", "records every fall and shares what it shows."),
            rec("3", "the Rink Trust's staff", "carries out a check of the barriers each day."),
        ],
    ),
    Shape(
        "bullets_with_deeper_sub_points_then_the_next_bullet",
        TOP.format(what="climbing walls") + "## Recommendations\n\nThe Wall Board should:\n\n"
        "• check every rope monthly.\n• staff the wall at busy times, covering:\n"
        "    ◦ Sunday mornings\n    ◦ half-term weeks\n• replace worn holds each year." + END,
        [
            rec("1", "The Wall Board", "check every rope monthly."),
            rec(
                "2",
                "The Wall Board",
                "staff the wall at busy times, covering:",
                items=["Sunday mornings", "half-term weeks"],
            ),
            rec("3", "The Wall Board", "replace worn holds each year."),
        ],
    ),
    Shape(
        "numbered_addressee_line_over_lettered_points",
        TOP.format(what="kite fields") + "## Recommendations\n\n1. The Kite Board should:\n\n"
        "(a) mark out a safe launch area\n(b) publish wind warnings\n\n"
        "2. The Kite Board should fund a field steward." + END,
        [
            {
                **rec("1", "The Kite Board", ""),
                "items": [
                    {"label": "a", "text": "mark out a safe launch area"},
                    {"label": "b", "text": "publish wind warnings"},
                ],
            },
            rec("2", "The Kite Board", "fund a field steward."),
        ],
    ),
    Shape(
        "response_to_a_group_of_recommendations",
        "# Government response to the made-up review of beach huts\n\n"
        "Recommendation 1\n\nThe Coast Office should repaint every hut.\n\n"
        "Response\n\nThe Government accepts this recommendation.\n\n"
        "Recommendations 2 and 3\n\nThe Coast Office should agree a fair rent.\n\n"
        "Hut owners should insure their huts.\n\n"
        "Response\n\nThe Government does not accept these recommendations.\n",
        [
            responded("1", "The Coast Office", "repaint every hut.", "agreed"),
            responded("2", "The Coast Office", "agree a fair rent.", "not_agreed"),
            responded("3", "Hut owners", "insure their huts.", "not_agreed"),
        ],
        kind="action_plan",
    ),
]

# Tables of text, read in text only (a rendering would make them real tables).
TAB_LIST = Shape(
    "list_printed_as_a_two_column_table",
    TOP.format(what="night buses")
    + "## Summary of recommendations\n\nNo.\tRecommendation\n\tThe Night Bus Board should:\n"
    "1\trun a bus every half hour after midnight.\n2\tlight every stop on the night routes.\n"
    + END,
    [
        rec("1", "The Night Bus Board", "run a bus every half hour after midnight."),
        rec("2", "The Night Bus Board", "light every stop on the night routes."),
    ],
)
WRAPPED_TABLE = Shape(
    "response_table_of_spaces_with_the_addressee_wrapped",
    "# Night market action plan\n\n"
    "No.  Recommendation            Decision      Response              Owner        Target\n"
    "     The Night Market Board\n"
    "     should:\n"
    "1    Light the square each     Agreed        Lamps are ordered.    Site lead    March 2027\n"
    "     evening.\n"
    "2    Publish stall fees        Not agreed    Fees are set by       Treasurer    June 2027\n"
    "     each year.                              the council.\n",
    [
        responded("1", "The Night Market Board", "Light the square each evening.", "agreed"),
        responded("2", "The Night Market Board", "Publish stall fees each year.", "not_agreed"),
    ],
    kind="action_plan",
)
WRAPPED_TABLE.expected[0]["response"].update(owners=["Site lead"], targets=["March 2027"])
WRAPPED_TABLE.expected[1]["response"].update(owners=["Treasurer"], targets=["June 2027"])
