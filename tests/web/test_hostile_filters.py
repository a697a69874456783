"""Every GET parameter of every list page and export, given values a hurried user or an attacker
types: the page answers with its own wording, never a 500 (issue 12, item 11)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

HOSTILE = [
    "2026-13-45",
    "2026-02-30",
    "0000-00-00",
    "9999-99-99",
    "",
    " ",
    "99999999999999999999",
    "-1",
    "1e9",
    "²",
    "٣",
    "\x00",
    "x" * 3000,
    "'; select 1; --",
    "<script>alert(1)</script>",
]

AUDIT_PARAMS = ["since", "until", "user", "record"]
INSPECTORATE_PARAMS = [
    "report",
    "organisation",
    "decision",
    "theme",
    "status",
    "overdue",
    "year",
    "sort",
    "page",
]


@pytest.fixture
def admin_client(inspectorate_admin, sample_plan) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(inspectorate_admin)
    return client


def _pages(plan) -> list[tuple[str, list[str]]]:  # type: ignore[no-untyped-def]
    report = plan.report_id
    return [
        (reverse("auditlog:log"), AUDIT_PARAMS),
        (reverse("auditlog:export"), AUDIT_PARAMS),
        (reverse("reporting:inspectorate"), INSPECTORATE_PARAMS),
        *[
            (reverse("reporting:inspectorate-export", args=[fmt]), INSPECTORATE_PARAMS)
            for fmt in ("csv", "xlsx")
        ],
        (reverse("reporting:search"), ["q"]),
        (reverse("reporting:my-organisation"), ["org"]),
        (reverse("actionplans:report-action-plan", args=[report]), ["plan"]),
        (reverse("reporting:action-plan-export", args=[report, "csv"]), ["plan"]),
        (reverse("ingest:source-passage", args=[plan.source_id]), ["start", "end"]),
        (reverse("selfassessment:assessment-list"), ["page"]),
    ]


def test_no_hostile_filter_value_answers_500(admin_client, sample_plan) -> None:
    failures = []
    for url, params in _pages(sample_plan):
        for param in params:
            for value in HOSTILE:
                response = admin_client.get(url, {param: value})
                if response.status_code >= 500:
                    failures.append(f"{url}?{param}={value[:20]!r}: {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("value", ["2026-13-45", "2026-02-30", "0000-00-00"])
def test_an_impossible_audit_date_is_explained_in_govuk_wording(admin_client, value) -> None:
    response = admin_client.get(reverse("auditlog:log"), {"since": value})
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b"Enter the start date as YYYY-MM-DD, for example 2026-03-31" in response.content


def test_an_impossible_audit_date_refuses_the_export(admin_client) -> None:
    response = admin_client.get(reverse("auditlog:export"), {"until": "2026-02-30"})
    assert response.status_code == 404


@pytest.mark.parametrize("value", ["99999999999999999999", "²", "-1"])
def test_an_impossible_number_is_dropped_from_the_inspectorate_filters(admin_client, value):
    for param in ("year", "report", "organisation"):
        response = admin_client.get(reverse("reporting:inspectorate"), {param: value})
        assert response.status_code == 200, (param, value)


def _patterns(resolver, prefix=""):  # type: ignore[no-untyped-def]
    for entry in resolver.url_patterns:
        if hasattr(entry, "url_patterns"):
            yield from _patterns(entry, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern), entry.pattern.converters


def test_no_address_takes_an_id_the_database_could_not_hold():
    from django.urls import get_resolver
    from django.urls.converters import IntConverter

    routes = list(_patterns(get_resolver()))
    with_ids = [route for route, converters in routes if converters]
    assert len(with_ids) > 80
    unbounded = [  # the Django admin's addresses are its own, for superusers
        route
        for route, converters in routes
        if any(isinstance(c, IntConverter) for c in converters.values())
        and not route.startswith("admin/")
    ]
    assert not unbounded, f"use <id:…> (at most 18 digits), not <int:…>: {unbounded}"


@pytest.mark.django_db
def test_a_page_asked_for_an_id_past_any_record_is_not_found(client, inspector):
    client.force_login(inspector)
    for path in ("/reports/99999999999999999999/", "/reports/999999999999999999/"):
        assert client.get(path).status_code == 404
