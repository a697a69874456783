"""Made-up documents holding two lists of recommendations: two distinct lists (each to its own
body, the numbering starting again), and a summary list repeated in full later (the same labels,
the full list's text a little longer). See list_documents.py for the form."""

from __future__ import annotations

from typing import Any

from tests.ingest.list_documents import TOP, Shape, rec

END = "\n\n## Method\n\nWe visited in the spring.\n"


def additional(label: str, addressee: str | None, text: str) -> dict[str, Any]:
    return {**rec(label, addressee, text), "section": "additional"}


TWO_DISTINCT_LISTS = Shape(
    "two_lists_to_different_bodies",
    TOP.format(what="lido services")
    + "## Recommendations for the service\n\nThe Lido Service should:\n\n"
    "1. publish opening hours for every pool.\n"
    "2. train each lifeguard in first aid every year.\n"
    "3. keep a daily log of water tests.\n\n"
    "## What we found\n\nThe pools were clean and the staff were kind to swimmers. The changing "
    "rooms were cold and two showers did not work during our visits.\n\n"
    "## Recommendations for the partnership board\n\nThe Leisure Partnership Board should:\n\n"
    "1. fund repairs to the changing rooms.\n"
    "2. review the lido budget every quarter." + END,
    [
        rec("1", "The Lido Service", "publish opening hours for every pool."),
        rec("2", "The Lido Service", "train each lifeguard in first aid every year."),
        rec("3", "The Lido Service", "keep a daily log of water tests."),
        additional("1", "The Leisure Partnership Board", "fund repairs to the changing rooms."),
        additional("2", "The Leisure Partnership Board", "review the lido budget every quarter."),
    ],
)

SUMMARY_THEN_FULL_LIST = Shape(
    "a_summary_list_repeated_in_full",
    TOP.format(what="model railway clubs")
    + "## Summary of recommendations\n\nThe Railway Clubs Council should:\n\n"
    "1. check the wiring of every layout.\n"
    "2. publish a timetable of open days.\n"
    "3. keep a first aid kit in each club room.\n\n"
    "## Our findings\n\nMost clubs ran safe layouts, but some wiring was old and open days were "
    "hard to find out about.\n\n"
    "## Recommendations\n\nThe Railway Clubs Council should:\n\n"
    "1. check the wiring of every layout once a year, using a qualified electrician.\n"
    "2. publish a timetable of open days on its website.\n"
    "3. keep a first aid kit in each club room." + END,
    [
        rec(
            "1",
            "The Railway Clubs Council",
            "check the wiring of every layout once a year, using a qualified electrician.",
        ),
        rec("2", "The Railway Clubs Council", "publish a timetable of open days on its website."),
        rec("3", "The Railway Clubs Council", "keep a first aid kit in each club room."),
    ],
)

KEY_THEN_FULL_WITH_NO_ADDRESSEE = Shape(
    "key_recommendations_repeated_in_full_with_no_addressee",
    TOP.format(what="harbour moorings") + "## Key recommendations\n\n"
    "1. Dredge the harbour mouth each spring.\n"
    "2. Publish mooring fees before each season.\n\n"
    "## The harbour today\n\nSilt has built up near the mouth and fees changed twice last year "
    "without notice.\n\n"
    "## Our recommendations\n\n"
    "1. Dredge the harbour mouth each spring, before the sailing season opens.\n"
    "2. Publish mooring fees before each season.\n"
    "3. Mark the safe channel with new buoys." + END,
    [
        rec("1", None, "Dredge the harbour mouth each spring, before the sailing season opens."),
        rec("2", None, "Publish mooring fees before each season."),
        rec("3", None, "Mark the safe channel with new buoys."),
    ],
)

TWO_LIST_SHAPES = [TWO_DISTINCT_LISTS, SUMMARY_THEN_FULL_LIST, KEY_THEN_FULL_WITH_NO_ADDRESSEE]
