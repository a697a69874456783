"""The 2015 criteria set built from the ingested thematic's findings tables, checked against the
findings themselves: one criterion per finding (a distribution is one categorical criterion),
the conditional criteria after the assessment-quality one, the numbers of cases the methodology
gives, the national figures, and the same set on a second call. Its spreadsheet reads back to
the same cells."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from followthrough.audits.imports import criteria_set_import, criteria_set_xlsx
from followthrough.audits.models import CriteriaSet, Criterion
from followthrough.audits.services import criteria_set_create, criteria_set_from_report
from followthrough.inspections.models import Report
from tests.conftest import needs_corpus


def _cells(content: bytes) -> list[tuple]:
    book = load_workbook(io.BytesIO(content), read_only=True)
    return [tuple(row) for row in book["Criteria"].iter_rows(values_only=True)]


@needs_corpus
def test_the_2015_set_matches_its_findings_tables_and_reads_back_from_its_spreadsheet(
    corpus_ingested, known_bodies
):
    report = Report.objects.filter(findings__isnull=False).distinct().get()
    findings = {f.pk: f for f in report.findings.all()}
    built = criteria_set_from_report(report=report)
    assert criteria_set_from_report(report=report) == built  # idempotent
    assert CriteriaSet.objects.filter(report=report).count() == 1
    assert built.status == CriteriaSet.Status.PUBLISHED
    criteria = list(built.criteria.select_related("parent", "finding"))

    # One criterion per finding with a statement; a distribution's rows make one criterion.
    categorical = [c for c in criteria if c.answer_type == Criterion.AnswerType.CATEGORIES]
    stated = [f for f in findings.values() if f.statement.strip()]
    folded = sum(len(c.categories) - 1 for c in categorical)
    assert len(criteria) == len(stated) - folded
    assert len(criteria) > 100

    # The complied-with-supervision distribution: its shares add to 100.
    assert categorical, "the thematic has a distribution of answers"
    for criterion in categorical:
        assert len(criterion.categories) >= 2
        assert set(criterion.national_values) == {code for code, _ in criterion.categories}
        assert 97 <= sum(criterion.national_values.values()) <= 103
        assert criterion.national_percent is None
    assert any(sum(c.national_values.values()) == 100 for c in categorical)

    # "Where the assessment was judged insufficient …" asked after No to its quality.
    insufficient = [c for c in criteria if "judged insufficient" in c.lead_in]
    assert len(insufficient) >= 3
    quality = insufficient[0].parent
    assert quality is not None and "accurate and of good quality" in quality.statement
    assert all(c.parent == quality and c.parent_answer == "no" for c in insufficient)
    assert all(quality.order < c.order for c in insufficient)

    # The number of cases read, from the methodology: 22 boys and 9 girls in custody, 21 and 8
    # followed up in the community.
    custody = {c.national_n for c in criteria if c.phase == Criterion.Phase.CUSTODY}
    community = {c.national_n for c in criteria if c.phase != Criterion.Phase.CUSTODY}
    assert custody == {31}
    assert community == {29}
    assert "31 cases in custody" in built.national_note

    # Every yes / no criterion's national % is its finding's Yes.
    for criterion in criteria:
        if criterion.answer_type == Criterion.AnswerType.YES_NO:
            finding = criterion.finding
            assert finding is not None, criterion.code
            yes = finding.values.get("Yes", next(iter(finding.values.values()), None))
            assert criterion.national_percent == yes, criterion.code

    # The spreadsheet of the set, read into a new draft, gives back the same cells.
    exported = criteria_set_xlsx(built)
    draft = criteria_set_create(
        owner=built.owner, name="The 2015 criteria, copied", actor=None, description=""
    )
    draft.report = report
    draft.save()
    result = criteria_set_import(
        criteria_set=draft, content=exported, row_version=draft.row_version, actor=None
    )
    assert result.errors == []
    assert result.criteria == len(criteria)
    assert _cells(criteria_set_xlsx(draft)) == _cells(exported)
    copied = draft.criteria.get(code=insufficient[0].code)
    assert copied.parent.code == quality.code and copied.parent_answer == "no"
