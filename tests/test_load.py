"""`make load`'s locustfile imports, and every request it names is a real address of the site, with
filters the inspectorate dashboard understands (issue 18). The load run itself is not a test."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from django.urls import resolve

from followthrough.actionplans.models import Decision
from followthrough.reporting.selectors.recommendations import REC_STATUSES

LOAD = Path(__file__).resolve().parents[1] / "benchmarks" / "load"
# locust patches the standard library with gevent when imported: import it in a process of its own
SHOW = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); import locustfile as f; "
    "print(json.dumps({'routes': f.ROUTES, 'decisions': f.DECISIONS, 'statuses': f.STATUSES, "
    "'users': sorted(n for n, c in vars(f).items() "
    "if n.endswith('User') and c.__module__ == f.__name__ and c.weight)}))"
)
EXPECTED_VIEWS = {
    "overview": "reporting:overview",
    "reports": "reporting:report-list",
    "report": "reporting:report-detail",
    "recommendation": "reporting:recommendation-detail",
    "organisations": "reporting:organisation-list",
    "organisation": "reporting:organisation-detail",
    "inspectorate": "reporting:inspectorate",
    "progress page": "actionplans:action-progress",
    "progress post": "actionplans:action-progress",
    "self-assessment item": "selfassessment:item-edit",
    "self-assessment answer": "selfassessment:item-edit",
}


def _locustfile() -> dict:
    shown = subprocess.run(
        [sys.executable, "-c", SHOW, str(LOAD)], capture_output=True, text=True, check=True
    )
    return json.loads(shown.stdout)


def test_the_locustfile_names_real_addresses_and_filters():
    found = _locustfile()
    assert found["users"] == [
        "ContributorUser",
        "InspectorUser",
        "ReaderUser",
        "ServiceUser",
        "WriterUser",
    ]
    resolved = {
        name: resolve(path.format(id=1)).view_name for name, path in found["routes"].items()
    }
    assert resolved == EXPECTED_VIEWS
    source = (LOAD / "locustfile.py").read_text()
    used = set(re.findall(r'(?:self\.get\(|ROUTES\[|name=)"([^"]+)"', source))
    assert used == set(found["routes"])
    assert set(found["decisions"]) - {""} <= set(Decision.values)
    assert set(found["statuses"]) - {""} <= set(REC_STATUSES)
