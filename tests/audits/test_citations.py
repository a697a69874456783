""" "How do we know", live: a self-assessment item cites an audit finding or a casework measure,
read afresh wherever shown; withdrawn, never deleted; the recommendation page lists the criteria
that evidence it with the service's local finding; and who may see or cite what."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.audits.models import Audit, AuditCase, EvidenceCitation
from followthrough.audits.selectors.citations import item_evidence
from followthrough.audits.services import Given, answers_record, citation_add
from tests.audits.conftest import PERIOD
from tests.selfassessment.made import make_assessment, make_thematics

TODAY = date(2026, 8, 1)


@pytest.fixture
def item(youth_justice_service, service_manager):
    make_thematics(reports=1, per_report=2, lines=1)
    return make_assessment(youth_justice_service, 2026, service_manager).items.first()


def _answer(audit, user, code, values):
    """The first marker's answers to one criterion, case by case in sample order, each marking
    then counted as finished (only finished markings count in a finding)."""
    criterion = audit.criteria_set.criteria.get(code=code)
    for row, value in zip(audit.cases.order_by("order"), values, strict=False):
        AuditCase.objects.filter(pk=row.pk).update(first_done_on=None)
        row.refresh_from_db()
        with transaction.atomic():
            answers_record(
                audit_case=row,
                marker=1,
                version=row.first_version,
                actor=user,
                given={criterion.pk: Given(value)},
            )
        AuditCase.objects.filter(pk=row.pk).update(first_done_on=date(2026, 7, 1))
    return criterion


def _cite(item, actor, **kw):
    with transaction.atomic():
        return citation_add(item=item, note="", actor=actor, **kw)


def test_a_cited_finding_is_read_live_as_the_audits_answers_change(
    item, audit, case_manager, practitioner
):
    criterion = _answer(audit, case_manager, "1.1", ["yes"] * 6 + ["no"] * 2)
    _cite(item, practitioner, kind="finding", audit=audit, criterion=criterion, measure="")
    (view,) = item_evidence(item, user=practitioner, today=TODAY).citations
    assert (view.figure.percent, view.figure.n, view.figure.national_percent) == (75, 8, 70)
    _answer(audit, case_manager, "1.1", ["no"] * 8)
    (view,) = item_evidence(item, user=practitioner, today=TODAY).citations
    assert (view.figure.percent, view.figure.n) == (0, 8)


def test_a_finding_is_cited_only_from_the_services_own_drawn_audits(
    item, audit, practitioner, outsider
):
    criterion = audit.criteria_set.criteria.get(code="3.1")
    with pytest.raises(ValidationError, match="answered yes or no"):
        _cite(item, practitioner, kind="finding", audit=audit, criterion=criterion, measure="")
    Audit.objects.filter(pk=audit.pk).update(organisation=outsider.memberships.get().organisation)
    audit.refresh_from_db()
    with pytest.raises(ValidationError, match="service's audits"):
        _cite(item, practitioner, kind="finding", audit=audit, criterion=criterion, measure="")
    with pytest.raises(ValidationError, match="Select a casework measure"):
        _cite(item, practitioner, kind="measure", audit=None, criterion=None, measure="nope")


def test_a_withdrawn_citation_is_kept_but_not_shown(client, item, practitioner, time_machine):
    time_machine.move_to(TODAY)
    citation = _cite(
        item, practitioner, kind="measure", audit=None, criterion=None, measure="accommodation"
    )
    client.force_login(practitioner)
    page = reverse("audits:item-evidence", args=[item.pk])
    assert "Suitable accommodation at release" in client.get(page).content.decode()
    response = client.post(reverse("audits:citation-withdraw", args=[citation.pk]))
    assert response.status_code == 302
    citation.refresh_from_db()
    assert citation.withdrawn_on == TODAY
    content = client.get(page).content.decode()
    assert "Suitable accommodation at release" not in content and "1 earlier citation" in content
    assert EvidenceCitation.objects.filter(pk=citation.pk).exists()


def test_citing_through_the_page(client, item, audit, case_manager, practitioner, time_machine):
    time_machine.move_to(TODAY)
    criterion = _answer(audit, case_manager, "2.1", ["yes"] * 3)
    client.force_login(practitioner)
    url = reverse("audits:citation-new", args=[item.pk])
    assert f"{audit.pk}:{criterion.pk}" in client.get(url).content.decode()
    refused = client.post(url, {"kind": "finding", "finding": ""})
    assert "Select an audit finding" in refused.content.decode()
    response = client.post(url, {"kind": "finding", "finding": f"{audit.pk}:{criterion.pk}"})
    assert response.status_code == 302
    page = client.get(reverse("audits:item-evidence", args=[item.pk])).content.decode()
    assert "local 100% (n = 3)" in page and "audit marking, so far" in page


def test_who_may_see_and_cite(
    client, item, practitioner, board_member, outsider, health_partner, inspector
):
    citation = _cite(
        item, practitioner, kind="measure", audit=None, criterion=None, measure="accommodation"
    )
    evidence = reverse("audits:item-evidence", args=[item.pk])
    cite = reverse("audits:citation-new", args=[item.pk])
    withdraw = reverse("audits:citation-withdraw", args=[citation.pk])
    for user in (outsider, health_partner, inspector):
        client.force_login(user)
        assert client.get(evidence).status_code == 404
        assert client.get(cite).status_code == 404
        assert client.post(withdraw).status_code == 404
    client.force_login(board_member)
    assert client.get(evidence).status_code == 200
    assert client.get(cite).status_code == 404
    assert client.post(withdraw).status_code == 404
    item.assessment.shared_with_inspectorate = True
    item.assessment.save()
    client.force_login(inspector)
    assert client.get(evidence).status_code == 200
    assert client.get(cite).status_code == 404


def _linked(audit, recommendation, codes):
    for criterion in audit.criteria_set.criteria.filter(code__in=codes):
        criterion.recommendations.add(recommendation)


def test_the_recommendation_page_links_criteria_and_the_local_finding_in_flat_queries(
    client, item, audit, case_manager, practitioner, outsider
):
    recommendation = item.recommendation
    _answer(audit, case_manager, "1.2", ["yes", "no"])
    _answer(audit, case_manager, "2.1", ["yes"] * 12)
    Audit.objects.filter(pk=audit.pk).update(status=Audit.Status.FINISHED, finished_on=PERIOD[1])
    _linked(audit, recommendation, ["1.1"])
    client.force_login(practitioner)
    url = reverse("reporting:recommendation-detail", args=[recommendation.pk])
    with CaptureQueriesContext(connection) as small:
        page = client.get(url).content.decode()
    assert "Audit criteria that evidence it" in page and "1.1 The first planning meeting" in page
    assert "Planning rated" in page and "audit finished 30 June 2026" in page
    assert reverse("audits:criteria-detail", args=[audit.criteria_set_id]) + "#c1.1" in page
    _linked(audit, recommendation, ["1.2", "1.3", "2.1", "2.2"])
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(small.captured_queries) == len(large.captured_queries)
    # Another service's member: the criteria, without this service's finding.
    client.force_login(outsider)
    page = client.get(url).content.decode()
    assert "Audit criteria that evidence it" in page and "Planning rated" not in page


def test_the_evidence_page_issues_the_same_queries_however_many_citations(
    client, item, audit, case_manager, practitioner
):
    criterion = _answer(audit, case_manager, "1.1", ["yes"] * 2)
    _cite(item, practitioner, kind="finding", audit=audit, criterion=criterion, measure="")
    _cite(item, practitioner, kind="measure", audit=None, criterion=None, measure="ete")
    client.force_login(practitioner)
    url = reverse("audits:item-evidence", args=[item.pk])
    client.get(url)  # counts the service's board pack once (cases/board/national.py)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for code in ("1.2", "2.1", "2.2"):
        other = audit.criteria_set.criteria.get(code=code)
        _cite(item, practitioner, kind="finding", audit=audit, criterion=other, measure="")
    for measure in ("accommodation", "health_screened", "arrested_3"):
        _cite(item, practitioner, kind="measure", audit=None, criterion=None, measure=measure)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(small.captured_queries) == len(large.captured_queries)


def test_a_figure_from_an_audit_not_shared_is_not_shown_to_the_inspectorate(
    client, item, audit, case_manager, practitioner, inspector, time_machine
):
    time_machine.move_to(TODAY)
    criterion = _answer(audit, case_manager, "2.1", ["yes"] * 8 + ["no"] * 4)
    _cite(item, practitioner, kind="finding", audit=audit, criterion=criterion, measure="")
    item.assessment.shared_with_inspectorate = True
    item.assessment.save()
    client.force_login(inspector)
    page = client.get(reverse("audits:item-evidence", args=[item.pk])).content.decode()
    assert "Not shown: the service has not shared this audit" in page
    assert "67%" not in page
    client.force_login(practitioner)
    assert (
        "local 67% (n = 12)"
        in client.get(reverse("audits:item-evidence", args=[item.pk])).content.decode()
    )
