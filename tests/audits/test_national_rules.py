"""Reading findings tables into criteria, on rows of our own in the genre's shapes: shares that
add to 100 are one categorical criterion, "where … not" rows are asked after a No, the sample
sizes come from the methodology, and criteria find the recommendations they evidence."""

from __future__ import annotations

from followthrough.audits.national import FindingRow, build, rank_recommendations, sample_sizes


def _row(section, lead_in, statement, yes, no=None):
    return FindingRow(None, section, lead_in, statement, {"Yes": yes, "No": no})


def test_rows_become_sections_criteria_conditions_and_categories():
    rows = [
        _row("Planning in custody", "", "The plan was of good quality.", 40, 60),
        _row(
            "Planning in custody",
            "Where the plan was not good enough, it missed:",
            "health",
            30,
            70,
        ),
        _row(
            "Planning in custody",
            "Where the plan was not good enough, it missed:",
            "housing",
            55,
            45,
        ),
        _row("Planning in custody", "", "Where appropriate, carers were told.", 60, 40),
        _row("After release", "The child kept to supervision:", "fully", 20),
        _row("After release", "The child kept to supervision:", "in part", 70),
        _row("After release", "The child kept to supervision:", "not at all", None, 10),
        _row("Outcomes", "", "Overall the work was successful.", 44, 56),
        _row("Outcomes", "", "", None, 35),  # figures with no statement are left out
    ]
    planning, after, outcomes = build(rows)
    assert [c.code for c in planning.criteria] == ["1.1", "1.2", "1.3", "1.4"]
    assert planning.criteria[1].parent_code == "1.1" and planning.criteria[1].parent_answer == "no"
    assert planning.criteria[1].statement == "health"  # continues its lead-in: no capital
    assert planning.criteria[1].inspectorate == "health"
    assert planning.criteria[3].where_appropriate
    assert planning.criteria[0].phase == "custody" and after.criteria[0].phase == "release"
    (kept,) = after.criteria
    assert kept.answer_type == "categories"
    assert kept.statement == "The child kept to supervision"
    assert kept.national_values == {"fully": 20, "in_part": 70, "not_at_all": 10}
    assert not outcomes.rated and outcomes.criteria[0].is_key
    assert len(outcomes.criteria) == 1


def test_yes_no_rows_that_do_not_add_up_stay_separate_criteria():
    rows = [
        _row("Release", "Services started promptly:", "health", 40),
        _row("Release", "Services started promptly:", "education", 35),
    ]
    (release,) = build(rows)
    assert [c.answer_type for c in release.criteria] == ["yes_no", "yes_no"]


def test_sample_sizes_from_the_methodology():
    text = (
        "Of the 29 cases that we read, 2 children had temporary release in the community. "
        "In the custodial phase we inspected the cases of 20 boys and 6 girls. "
        "We interviewed 12 boys. "
        "We followed up the cases of 18 boys and 5 girls in the community."
    )
    assert sample_sizes(text) == {"custody": 26, "community": 23}
    assert sample_sizes("Of the 40 cases in the community, 3 were recalled.") == {"community": 40}
    assert sample_sizes("No counts here.") == {}


def test_criteria_find_the_recommendations_they_evidence():
    recommendations = [
        (
            1,
            "Fund housing so that accommodation is ready two months before release",
            ["resettlement", "accommodation"],
        ),
        (
            2,
            "Improve the quality of education in custody",
            ["resettlement", "custody", "education"],
        ),
        (3, "Use release on temporary licence routinely", ["resettlement"]),
        (4, "Strengthen resettlement governance", ["resettlement", "partnership"]),
    ]
    assert (
        rank_recommendations("The child knows where they will live in good time", recommendations)[
            0
        ]
        == 1
    )
    assert rank_recommendations("Did the child go out on ROTL?", recommendations)[0] == 3
    assert rank_recommendations("ETE activities were maintained", recommendations)[0] == 2
    assert rank_recommendations("Enforcement was prompt.", recommendations) == []


def test_a_report_with_findings_tables_brings_its_criteria_set_and_a_reimport_keeps_it(db):
    """Ingesting a report with findings tables builds the set; re-reading the report (its
    findings read afresh) keeps the set and its national figures."""
    from followthrough.audits.models import CriteriaSet
    from followthrough.organisations.services import organisations_ensure_known
    from tests.conftest import ingest_text

    organisations_ensure_known()
    text = (
        "# A thematic inspection of synthetic resettlement\n\n"
        "HM Inspectorate of Probation\n\n"
        "## Recommendations\n\n"
        "Youth offending teams should:\n\n"
        "1. make sure somewhere to live is arranged well before release\n\n"
        "#### Appendix 1: Scope and methodology\n\n"
        "In the custodial phase we inspected the cases of 10 boys and 2 girls.\n\n"
        "#### Appendix 2: Findings tables\n\n"
        "#### Release\n\n"
        "The child knew where they would live in good time.\tYes\tNo\n"
        "Somewhere to live was ready on the day.\t60%\t40%\n\n"
        "#### Appendix 3: References\n"
    )
    ingest_text(text, "synthetic-thematic.txt")
    criteria_set = CriteriaSet.objects.get()
    assert criteria_set.status == "published"
    (criterion,) = criteria_set.criteria.all()
    assert (criterion.national_percent, criterion.finding_id is not None) == (60, True)
    ingest_text(text.replace("60%\t40%", "61%\t39%"), "synthetic-thematic.txt", replace=True)
    criterion.refresh_from_db()
    assert CriteriaSet.objects.count() == 1
    assert criterion.national_percent == 60 and criterion.finding_id is None
