"""A shared standard review shares only itself: last year's review appears beside it only if the
reader may read that one too, and the linked case audit's findings and rating steps only if the
reader may read the audit (issue 14)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from followthrough.audits.models import Audit
from followthrough.audits.selectors.reviews import WITHHELD, review_page
from followthrough.audits.services import key_question_save, review_start

TODAY = date(2026, 5, 1)
LAST_YEAR = "Synthetic evidence from last year nobody outside the service reads"


def _review(service, year, actor, evidence, audit=None):
    with transaction.atomic():
        review = review_start(organisation=service, year=year, audit=audit, actor=actor)
        key_question_save(
            review=review, code="policy", evidence=evidence, rating="good", version=0, actor=actor
        )
    return review


@pytest.fixture
def reviews(audit, youth_justice_service, service_manager):
    """2025's review unshared; 2026's shared with the inspectorate, read from an audit the
    service has not shared."""
    Audit.objects.filter(pk=audit.pk).update(status=Audit.Status.FINISHED, finished_on=TODAY)
    audit.refresh_from_db()
    _review(youth_justice_service, 2025, service_manager, LAST_YEAR)
    current = _review(youth_justice_service, 2026, service_manager, "Our policy papers", audit)
    current.shared_with_inspectorate = True
    current.save()
    return current


def test_the_inspectorate_reads_neither_last_years_unshared_review_nor_the_unshared_audit(
    reviews, inspector
):
    page = review_page(reviews, user=inspector, today=TODAY)
    assert page.previous is None
    assert page.findings is None and page.findings_withheld == WITHHELD
    assert page.previous_findings is None
    client = Client()
    client.force_login(inspector)
    html = client.get(reverse("audits:review-detail", args=[reviews.pk])).content.decode()
    assert LAST_YEAR not in html
    assert "Our policy papers" in html


def test_once_shared_the_inspectorate_reads_them_too(reviews, inspector):
    reviews.audit.shared_with_inspectorate = True
    reviews.audit.save()
    last_year = reviews.organisation.standard_reviews.get(year=2025)
    last_year.shared_with_inspectorate = True
    last_year.save()
    page = review_page(reviews, user=inspector, today=TODAY)
    assert page.previous == last_year
    assert page.findings is not None and page.findings_withheld == ""


def test_the_service_reads_its_own_previous_review_and_audit(reviews, service_manager):
    page = review_page(reviews, user=service_manager, today=TODAY)
    assert page.previous is not None and page.previous.year == 2025
    assert page.findings is not None and page.findings_withheld == ""
