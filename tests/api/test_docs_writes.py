"""The write examples in docs/api.md, replayed in order with a read and write token against a
published plan's action: each answers as the doc shows."""

from __future__ import annotations

import itertools
import json
import re
import shlex
from datetime import date

from followthrough.actionplans.models import Action
from followthrough.cases.models import Case
from tests.api.test_docs_examples import DOC
from tests.api.writing import token_for


def write_examples() -> list[tuple[str, int, str]]:
    """Each `curl -X` line with the status and problem title its comment shows."""
    found: list[tuple[str, int, str]] = []
    for block in re.findall(r"```sh\n(.*?)```", DOC.read_text(), re.S):
        if "curl -X " not in block:
            continue
        for line in block.splitlines():
            if line.startswith("curl -X "):
                found.append((line, 0, ""))
            elif (shown := re.match(r"# (\d{3}) ", line)) and found:
                title = re.search(r'"title": "([^"]+)"', line)
                found[-1] = (found[-1][0], int(shown.group(1)), title.group(1) if title else "")
    return found


def test_every_write_example_answers_as_shown(
    client, sample_plan, body_contributor, known_bodies, case_manager
):
    action = Action.objects.filter(
        owner_organisation=known_bodies["YJB"],
        response__responding_organisation=known_bodies["YJB"],
    ).first()
    values = {
        "FT": "",
        "FT_TOKEN": token_for(body_contributor),
        "CASE_TOKEN": token_for(case_manager),  # the case examples: a service's case manager
        "ACTION": str(action.pk),
        "VERSION": str(action.version),
        "TODAY": date.today().isoformat(),
    }
    ran = 0
    for line, status, title in write_examples():
        words = shlex.split(re.sub(r"\$(\w+)", lambda m: values[m.group(1)], line))
        headers, body = {}, ""
        for flag, value in itertools.pairwise(words):
            if flag == "-H":
                name, _, given = value.partition(": ")
                headers["HTTP_" + name.upper().replace("-", "_")] = given
            elif flag == "-d":
                body = value
        method = words[words.index("-X") + 1].lower()
        url = next(w for w in words if w.startswith("/api/"))
        content_type = headers.pop("HTTP_CONTENT_TYPE")
        json.loads(body)  # the example's body is JSON as written
        response = getattr(client, method)(url, body, content_type=content_type, **headers)
        assert response.status_code == status, (line, response.content)
        if title:
            assert response["Content-Type"] == "application/problem+json"
            assert response.json()["title"] == title, line
        ran += 1
    assert ran >= 6
    assert action.updates.filter(text="Draft guidance sent to the board").count() == 1
    case = Case.objects.get(reference="NB-0042")
    assert case.release_date == date(2027, 1, 22) and case.tasks.get().status == "done"
