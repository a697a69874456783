"""Each layout quirk of the genre, reproduced in small documents written in our own words."""

from __future__ import annotations

import pytest

from followthrough.ingest.extract import extract

# Header words vary between departments; the extractor reads each column's role from them.
HEADER = "\t".join(
    ["No.", "Recommendation", "Decision", "Response and actions", "Owner", "Target date"]
)


def plan(*rows: str, preamble: str = "") -> str:
    head = (
        "Action Plan Submitted: 3rd March 2021\n\nA Response to: An inspection of "
        "sample things\n\nReport Published: 4 November 2020\n\n"
    )
    return head + preamble + HEADER + "\n" + "\n".join(rows) + "\n"


def row(*cells: str) -> str:
    return "\t".join(cells)


def test_row_split_by_a_page_break_is_merged_into_the_row_above():
    text = plan(
        row("", "The Example Board should:", "", "", "", ""),
        row(
            "1",
            "Make sure every plan is shared with the",
            "Agreed",
            "<p>We will share.</p>",
            "Chief Planner",
            "May 2021",
        ),
        "",
        row(
            "",
            "<p>family before the review meeting.</p>",
            "",
            "<p>and check it.</p>",
            "<p>Deputy Planner</p>",
            "<p>June 2021</p>",
        ),
    )
    [rec] = extract(text, "x.txt").recommendations
    assert rec.text == ("Make sure every plan is shared with the family before the review meeting.")
    assert rec.response.owners == ["Chief Planner", "Deputy Planner"]
    assert rec.response.targets == ["May 2021", "June 2021"]
    assert rec.response.text == "We will share. and check it."


def test_html_fragments_become_clean_text():
    text = plan(
        row(
            "1",
            "<p>Publish <i>clear</i> guidance</p>",
            "Agreed",
            "<ul><li>First &amp; foremost</li><li><b>Then</b> the rest</li></ul>",
            "<p>Policy Lead</p>",
            "<p>July 2021</p>",
        )
    )
    [rec] = extract(text, "x.txt").recommendations
    assert rec.text == "Publish clear guidance"
    assert rec.response.text == "First & foremost\n\nThen the rest"


def test_several_owners_and_targets_in_one_cell_become_separate_actions():
    text = plan(
        row(
            "1",
            "Do the thing",
            "Agreed",
            "Yes.",
            "<p>Owner One</p> <p>Owner Two</p> <p>Owner Three</p>",
            "<p>March 2021</p> <p>Completed</p> <p>2021/22</p>",
        )
    )
    [rec] = extract(text, "x.txt").recommendations
    actions = rec.response.actions
    assert [(a.owner, a.target_text) for a in actions] == [
        ("Owner One", "March 2021"),
        ("Owner Two", "Completed"),
        ("Owner Three", "2021/22"),
    ]
    assert [a.target.kind for a in actions] == ["month", "completed", "financial_year"]


def test_owners_and_targets_that_do_not_pair_are_kept_in_order():
    text = plan(
        row("1", "Do the thing", "Agreed", "Yes.", "<p>Owner One</p> <p>Owner Two</p>", ""),
        row("", "", "", "", "", "<p>April 2021</p>"),
    )
    [rec] = extract(text, "x.txt").recommendations
    assert rec.response.owners == ["Owner One", "Owner Two"]
    assert rec.response.targets == ["April 2021"]
    # The second row names no owner: it continues the row above, whose owners share its date.
    assert [(a.owner, a.target_text) for a in rec.response.actions] == [
        ("Owner One", "April 2021"),
        ("Owner Two", "April 2021"),
    ]


@pytest.mark.parametrize(
    ("printed", "decision"),
    [
        ("Agreed", "agreed"),
        ("Partly Agreed", "partly_agreed"),
        ("Partly agreed", "partly_agreed"),
        ("Not Agreed", "not_agreed"),
        ("Accepted", "agreed"),
        ("Partially accepted", "partly_agreed"),
        ("partly accepted", "partly_agreed"),
        ("Not accepted", "not_agreed"),
    ],
)
def test_decision_vocabularies_map_to_three_decisions(printed, decision):
    [rec] = extract(
        plan(row("1", "Do it", printed, "Text.", "Lead", "May 2021")), "x.txt"
    ).recommendations
    assert rec.response.decision == decision
    assert rec.response.decision_text == printed


def test_decision_written_into_the_response_when_there_is_no_decision_column():
    header = "\t".join(
        [
            "Ref",
            "Recommendation",
            "What we have done and will do",
            "Lead / body with oversight",
            "Deadline",
        ]
    )
    text = (
        "Action Plan Submitted: 1 May 2022\n\nA response to: A joint look at examples\n\n"
        + header
        + "\n"
        + row(
            "1",
            "The Example Board should: publish its numbers",
            "Accepted. We will.",
            "Example Board – organisation with oversight",
            "Ongoing",
        )
        + "\n"
        + row(
            "2",
            "Local teams should: meet monthly",
            "<b>Partially accepted.</b> Some of it.",
            "Local lead",
            "2022/23",
        )
        + "\n"
        + row(
            "3",
            "<ul><li>Local teams should: watch for:</li><li>first sign;</li>"
            "<li>second sign.</li></ul>",
            "The Ministry partly accepted this recommendation.",
            "Ministry",
            "December 2022",
        )
        + "\n"
    )
    recs = extract(text, "x.txt").recommendations
    assert [r.response.decision for r in recs] == ["agreed", "partly_agreed", "partly_agreed"]
    assert [r.addressee for r in recs] == ["The Example Board", "Local teams", "Local teams"]
    assert recs[0].text == "publish its numbers"
    assert recs[2].text == "watch for:"
    assert [i.text for i in recs[2].items] == ["first sign;", "second sign."]


def test_numbering_that_restarts_for_additional_recommendations_is_kept_apart():
    text = plan(
        row("", "The Example Board should:", "", "", "", ""),
        row("1", "First main", "Agreed", "Yes.", "Lead", "May 2021"),
        row("2", "Second main", "Agreed", "Yes.", "Lead", "May 2021"),
        row("", "We make the additional further recommendations:", "", "", "", ""),
        row("", "Local teams should:", "", "", "", ""),
        row("1", "First additional", "Agreed", "Yes.", "Lead", "May 2021"),
    )
    recs = extract(text, "x.txt").recommendations
    assert [(r.section, r.label, r.addressee) for r in recs] == [
        ("main", "1", "The Example Board"),
        ("main", "2", "The Example Board"),
        ("additional", "1", "Local teams"),
    ]


def test_restart_without_a_heading_is_read_as_additional_with_a_warning():
    text = plan(
        row("1", "First", "Agreed", "Yes.", "Lead", "May 2021"),
        row("2", "Second", "Agreed", "Yes.", "Lead", "May 2021"),
        row("1", "Again", "Agreed", "Yes.", "Lead", "May 2021"),
    )
    result = extract(text, "x.txt")
    assert [r.section for r in result.recommendations] == ["main", "main", "additional"]
    assert any("restarts" in w for w in result.warnings)


def test_missing_label_is_inferred_from_sequence_with_a_warning():
    text = plan(
        row("1", "Local teams should: first", "Agreed", "Yes.", "Lead", "May 2021"),
        row("should: garbled secon", "d part of it", "Agreed", "Yes.", "Lead", "May 2021"),
    )
    result = extract(text, "x.txt")
    assert [r.label for r in result.recommendations] == ["1", "2"]
    assert result.recommendations[1].label_inferred
    assert result.recommendations[1].addressee == "Local teams"
    assert any("inferred as 2" in w for w in result.warnings)


def test_notes_below_the_table_are_kept():
    text = plan(row("1", "Do it", "Agreed", "Yes.", "Lead", "May 2021")) + (
        "\nNote Recommendation 2 was withdrawn because it repeated recommendation 1.\n"
    )
    assert extract(text, "x.txt").notes == [
        "Recommendation 2 was withdrawn because it repeated recommendation 1."
    ]


def test_owner_cut_by_a_page_break_is_joined_again():
    text = plan(
        row("1", "Do it", "Agreed", "Yes.", "Director of Plans and Deputy Director", "Ongoing"),
        row("", "", "", "", "of Example Services", ""),
    )
    [rec] = extract(text, "x.txt").recommendations
    assert rec.response.owners == ["Director of Plans and Deputy Director of Example Services"]


def test_other_label_and_heading_styles_of_the_genre():
    text = plan(
        row("", "Recommendations to the Example Board:", "", "", "", ""),
        row("Rec 1", "First", "Agreed", "Yes.", "Lead", "May 2021"),
        row("R2", "Second", "Agreed", "Yes.", "Lead", "May 2021"),
        row("3.", "Third", "Agreed", "Yes.", "Lead", "May 2021"),
    )
    recs = extract(text, "x.txt").recommendations
    assert [(r.label, r.addressee) for r in recs] == [
        ("1", "The Example Board"),
        ("2", "The Example Board"),
        ("3", "The Example Board"),
    ]


def test_header_repeated_on_a_new_page_is_not_a_recommendation():
    repeated = HEADER.replace("Owner", "Owner ").replace("No.", "No")
    text = plan(
        row("1", "First", "Agreed", "Yes.", "Lead", "May 2021"),
        "",
        repeated,
        row("2", "Second", "Agreed", "Yes.", "Lead", "May 2021"),
    )
    result = extract(text, "x.txt")
    assert [r.label for r in result.recommendations] == ["1", "2"]
    assert not result.warnings


def test_a_number_repeated_on_the_next_page_continues_the_row():
    text = plan(
        row("1", "Keep every plan up", "Agreed", "<p>First part.</p>", "Lead", "May 2021"),
        row("1", "to date.", "", "<p>Second part.</p>", "Deputy", "June 2021"),
        row("2", "Second", "Agreed", "Yes.", "Lead", "May 2021"),
    )
    recs = extract(text, "x.txt").recommendations
    assert [r.label for r in recs] == ["1", "2"]
    assert recs[0].text == "Keep every plan up to date."
    assert recs[0].response.owners == ["Lead", "Deputy"]


def test_an_addressee_column_names_each_row_s_addressee():
    header = "\t".join(
        ["#", "Addressee", "Recommendation", "Decision", "Action", "Lead", "Timescale"]
    )
    text = (
        "A response to: A short look at samples\n\n"
        + header
        + "\n"
        + row("1", "The Example Board", "Do one thing", "Accepted", "Yes.", "Chair", "2024/25")
        + "\n"
        + row("2", "Local teams", "Do another", "Not accepted", "No.", "Lead", "N/A")
        + "\n"
    )
    recs = extract(text, "x.txt").recommendations
    assert [(r.label, r.addressee, r.response.decision) for r in recs] == [
        ("1", "The Example Board", "agreed"),
        ("2", "Local teams", "not_agreed"),
    ]
    assert recs[0].response.actions[0].target.kind == "financial_year"
