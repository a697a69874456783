"""Schemathesis fuzzes every operation of the live schema (/api/schema/, read from the app
itself) as a signed-in contributor of the Youth Justice Board, with a draft plan they are writing,
and as the inspectorate's reviewer: no server errors, and every answer's status, content type and
body as the schema documents them.

Bounded so the file runs in well under three minutes: a few examples per operation, no deadline.
Half the generated record numbers are replaced by records that exist (the draft plan's response
and actions, a target revision), so writes reach the forms and services, not only the 404.
Stateful links are not used: drf-spectacular writes no OpenAPI links, and the write chains worth
following (record, add an action, edit it, report progress) are covered step by step in
tests/api/test_writes_*.py and end to end in test_round_trip_docx.py.

The count of generated cases is written to test-artefacts/schemathesis.txt and to the terminal.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from followthrough.actionplans.models import Action, TargetRevision
from tests.api.writing import drafting, token_for

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
ARTEFACT = Path(__file__).resolve().parents[2] / "test-artefacts" / "schemathesis.txt"
CASES: Counter[str] = Counter()
SEEN: set[tuple[str, str, str]] = set()


@pytest.fixture(scope="module", autouse=True)
def case_count(pytestconfig):  # type: ignore[no-untyped-def]
    """Report how many cases were generated and how many failed, once the file has run."""
    CASES.clear()
    yield
    CASES["operations"] = len(SEEN)
    line = (
        f"schemathesis: {CASES['cases']} cases over {CASES['operations']} operation runs "
        f"(contributor and reviewer), {CASES['failures']} failures"
    )
    ARTEFACT.parent.mkdir(exist_ok=True)
    ARTEFACT.write_text(line + "\n")
    reporter = pytestconfig.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line("\n" + line)


@pytest.fixture(autouse=True)
def _connection_kept():  # type: ignore[no-untyped-def]
    """schemathesis calls the WSGI application itself, so each request's end would close the
    test's database connection (on PostgreSQL, with the test's transaction in it). Django's own
    test client keeps it open the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(sample_plan, known_bodies, body_contributor, inspector) -> dict[str, Any]:
    response = drafting(sample_plan, known_bodies["YJB"])
    actions = list(Action.objects.filter(response=response).values_list("pk", flat=True))
    revision = TargetRevision.objects.filter(action__response__action_plan=sample_plan).first()
    return {
        "response": response.pk,
        "actions": actions or [0],
        "revision": revision.pk if revision else 0,
        "plan": sample_plan.pk,
        "recommendation": response.recommendation_id,
        "organisation": known_bodies["YJB"].pk,
        "contributor": token_for(body_contributor),
        "reviewer": token_for(inspector),
    }


def _real_id(path: str, world: dict[str, Any], generated: int) -> int:
    """A record that exists for the path, chosen by the generated number."""
    if path.startswith("/api/responses/"):
        return world["response"]
    if path.startswith("/api/actions/"):
        return world["actions"][generated % len(world["actions"])]
    if path.startswith("/api/target-revisions/"):
        return world["revision"]
    if path.startswith("/api/action-plans/"):
        return world["plan"]
    if path.startswith("/api/recommendations/"):
        return world["recommendation"]
    if path.startswith("/api/organisations/"):
        return world["organisation"]
    return generated


def _fuzz(world: dict[str, Any], token: str) -> list[str]:
    """Every operation of the live schema, a few examples each: what failed, one line each."""
    from followthrough.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        SEEN.add((token, operation.method, operation.path))

        @given(case=operation.as_strategy())
        @FUZZ
        def run(case: Any) -> None:
            generated = (case.path_parameters or {}).get("id")
            if isinstance(generated, int) and generated % 2 == 0:
                case.path_parameters["id"] = _real_id(case.path, world, generated)
            CASES["cases"] += 1
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

        try:
            run()
        except (Exception, BaseExceptionGroup) as exc:  # every failure of every operation
            CASES["failures"] += 1
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    return failures


FUZZ = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is reported as found
    suppress_health_check=list(HealthCheck),
)


def test_the_api_answers_a_contributor_as_its_schema_says(world):  # type: ignore[no-untyped-def]
    failures = _fuzz(world, world["contributor"])
    assert not failures, "\n\n".join(failures)


def test_the_api_answers_a_reviewer_as_its_schema_says(world):  # type: ignore[no-untyped-def]
    failures = _fuzz(world, world["reviewer"])
    assert not failures, "\n\n".join(failures)
