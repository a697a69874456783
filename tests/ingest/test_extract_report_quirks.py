"""Reports of the genre read the way they are printed: recommendations with items and paragraph
references, addressees named inline, bullets and labels in words; unrelated text refused."""

from __future__ import annotations

import pytest

from followthrough.ingest.extract import ExtractionError, extract

REPORT = """# An inspection of sample arrangements

An Inspection by HM Inspectorate of Probation and Ofsted Published June 2018

## Recommendations

Some introduction that is not a recommendation.

## The Example Department should:

- 1. write down the rules (*Paragraphs 2.1, 2.4*)
- 2. publish them to:
  - staff (Paragraph 2.5)
  - families (*Paragraphs 2.6 3.1*)

#### Local teams should:

3. check the plans each month (Paragraph 4.2)
- 4. improve practice including:
  - a. listening to children (*Paragraph 4.3*)

- b. writing plain letters (*Paragraph 4.4*)

# Findings

- 1.1. Not a recommendation.
"""


def test_report_recommendations_with_items_and_paragraph_references():
    result = extract(REPORT, "r.txt")
    assert result.document.kind == "inspection_report"
    assert result.document.published == "2018-06"
    assert result.document.inspectorates == ["HM Inspectorate of Probation", "Ofsted"]
    recs = {r.label: r for r in result.recommendations}
    assert list(recs) == ["1", "2", "3", "4"]
    assert recs["1"].text == "write down the rules"
    assert recs["1"].paragraph_refs == ["2.1", "2.4"]
    assert [i.text for i in recs["2"].items] == ["staff", "families"]
    assert recs["2"].paragraph_refs == ["2.5", "2.6", "3.1"]
    assert recs["3"].addressee == "Local teams"
    assert [(i.label, i.text) for i in recs["4"].items] == [
        ("a", "listening to children"),
        ("b", "writing plain letters"),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \n\n", "empty"),
        ("A shopping list\n\neggs\tmilk\n", "not an inspection document"),
        ("Rec No\tRecommendation\tTarget Date\n---\t---\t---\n", "no numbered recommendations"),
    ],
)
def test_unrelated_or_empty_text_is_refused_with_the_reason(text, reason):
    with pytest.raises(ExtractionError, match=reason):
        extract(text, "x.txt")


def test_report_recommendations_that_name_their_addressee_inline():
    text = (
        "# A look at sample services\n\nPublished 2 March 2024\n\n## Recommendations\n\n"
        "1. The Example Department should publish its guidance (Paragraph 1.1)\n"
        "2. Local teams should meet every month.\n\n# Next chapter\n"
    )
    recs = extract(text, "r.txt").recommendations
    assert [(r.addressee, r.text, r.paragraph_refs) for r in recs] == [
        ("The Example Department", "publish its guidance", ["1.1"]),
        ("Local teams", "meet every month.", []),
    ]


def test_report_recommendations_given_as_bullets_are_numbered_in_order_with_a_warning():
    text = (
        "# Sample services looked at again\n\nPublished 3 May 2023\n\n## Recommendations\n\n"
        "### The Example Board should:\n\n"
        "- agree a plan for every child (Paragraph 2.2)\n"
        "- check the plans, looking at:\n"
        "  - housing\n"
        "  - school\n\n"
        "### Local teams should:\n\n"
        "- meet each family before release\n\n"
        "## What we found\n"
    )
    result = extract(text, "r.txt")
    recs = result.recommendations
    assert [(r.label, r.addressee) for r in recs] == [
        ("1", "The Example Board"),
        ("2", "The Example Board"),
        ("3", "Local teams"),
    ]
    assert all(r.label_inferred for r in recs)
    assert [i.text for i in recs[1].items] == ["housing", "school"]
    assert recs[0].paragraph_refs == ["2.2"]
    assert sum("not numbered" in w for w in result.warnings) == 3


def test_report_recommendations_labelled_in_words_and_wrapped_over_a_blank_line():
    text = (
        "# Another sample\n\nPublished 2020\n\n## Recommendations\n\n"
        "#### The Example Department should:\n\n"
        "Recommendation 1: publish the figures every quarter so that\n\n"
        "boards can act on them (Paragraph 1.4)\n\n"
        "Recommendation 2: name a lead.\n\n"
        "This closing paragraph is not a recommendation.\n\n"
        "3. Not part of the list either.\n"
    )
    recs = extract(text, "r.txt").recommendations
    assert [(r.label, r.text) for r in recs] == [
        ("1", "publish the figures every quarter so that boards can act on them"),
        ("2", "name a lead."),
    ]
    assert recs[0].paragraph_refs == ["1.4"]
