"""Every curl line in docs/api.md, replayed with the test client against a real token: the
examples work, and the ones shown failing fail as shown."""

from __future__ import annotations

import itertools
import re
import shlex
from datetime import date
from pathlib import Path

from followthrough.actionplans.models import ActionPlan
from followthrough.api.services import token_create
from followthrough.inspections.models import Recommendation
from tests.inspections.test_pages import load_plans

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def examples() -> list[tuple[str, int, str]]:
    """Each curl command in the doc's sh blocks, with the status its comment shows (200 else)
    and the problem's title shown."""
    found: list[tuple[str, int, str]] = []
    for block in re.findall(r"```sh\n(.*?)```", DOC.read_text(), re.S):
        for line in block.splitlines():
            if line.startswith("curl -X "):
                break  # a block of writes: tests/api/test_docs_writes.py replays those
            if line.startswith("curl "):
                found.append((line, 200, ""))
            elif (shown := re.match(r"# (\d{3}) ", line)) and found:
                title = re.search(r'"title": "([^"]+)"', line)
                found[-1] = (found[-1][0], int(shown.group(1)), title.group(1) if title else "")
    return found


def records_of_the_report(plan) -> None:
    """A version, progress, target revision and review for each record of the plan, and a
    finding and a practice example of its report, so the examples that read them answer."""
    from followthrough.inspections.models import Finding, PracticeExample
    from tests.api.test_plan_records import records_for_every_plan

    records_for_every_plan()
    Finding.objects.create(report=plan.report, statement="judged suitable", values={"Yes": 5})
    PracticeExample.objects.create(
        report=plan.report, title="A synthetic panel", kind="good", text="Met weekly"
    )


def test_the_doc_has_examples_of_every_endpoint():
    text = " ".join(line for line, _, _ in examples())
    for path in ("reports/", "recommendations/", "action-plans/", "organisations/"):
        assert f"/api/{path}" in text


def test_every_curl_example_in_the_doc_answers_as_shown(client, body_viewer):
    load_plans(1, 6)
    plan = ActionPlan.objects.get()
    records_of_the_report(plan)
    rec = Recommendation.objects.exclude(themes=[]).exclude(addressees=None).first()
    _, token = token_create(
        owner=body_viewer, name="Docs", scope="read", days=30, today=date.today()
    )
    values = {
        "FT": "",
        "FT_TOKEN": token,
        "REPORT": str(plan.report_id),
        "PLAN": str(plan.pk),
        "RECOMMENDATION": str(rec.pk),
        "ORGANISATION": str(rec.addressees.first().pk),
        "THEME": rec.themes[0],
    }
    ran = 0
    for line, status, title in examples():
        words = shlex.split(re.sub(r"\$(\w+)", lambda m: values[m.group(1)], line))
        headers = {}
        for flag, value in itertools.pairwise(words):
            if flag == "-H":
                name, _, given = value.partition(": ")
                headers["HTTP_" + name.upper().replace("-", "_")] = given
        url = next(w for w in words if w.startswith("/api/"))
        response = client.get(url, **headers)
        assert response.status_code == status, line
        if status == 200:
            body = response.json()
            assert body.get("results", [body]), f"{line} answered nothing"
        else:
            assert response["Content-Type"] == "application/problem+json"
            assert response.json()["title"] == title, line
        ran += 1
    assert ran >= 12
