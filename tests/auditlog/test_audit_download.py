"""The audit trail's CSV is prepared by the worker, like reporting's long downloads, and handed
only to the person who asked."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.urls import reverse

from followthrough.core.tasks import run_queued_tasks
from followthrough.reporting.models import Download


def _download_link(page: str) -> str:
    match = re.search(r'href="(/downloads/[0-9a-f-]+/)">Check if your download is ready', page)
    assert match, "the page links to where the download will be"
    return match.group(1)


@pytest.mark.django_db
def test_the_log_links_to_a_csv_the_worker_prepares_for_the_person_who_asked(
    client, inspectorate_admin, superuser, sample_plan
):
    client.force_login(inspectorate_admin)
    log = client.get(reverse("auditlog:log"), {"record": "actionplans.ActionPlan"})
    asked = reverse("auditlog:download") + "?record=actionplans.ActionPlan"
    assert asked in log.content.decode()

    preparing = client.get(asked)
    assert preparing.status_code == 200
    assert "Preparing your download" in preparing.content.decode()
    link = _download_link(preparing.content.decode())
    assert run_queued_tasks() == 1

    ready = client.get(link)
    assert ready["Content-Type"].startswith("text/csv")
    assert "attachment" in ready["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(ready.content.decode())))
    assert rows[0][:4] == ["When (UTC)", "User", "Organisations", "Record"]
    assert len(rows) > 1 and {row[3] for row in rows[1:]} == {"Action plan"}
    direct = client.get(reverse("auditlog:export"), {"record": "actionplans.ActionPlan"})
    assert b"".join(direct.streaming_content) == ready.content  # the same file as streamed

    # Only the person who asked: even another who may read the log gets 404.
    client.force_login(superuser)
    assert client.get(link).status_code == 404


@pytest.mark.django_db
def test_only_audit_readers_may_ask_and_bad_filters_are_refused(
    client, inspector, inspectorate_admin
):
    client.force_login(inspector)
    assert client.get(reverse("auditlog:download")).status_code == 404
    client.force_login(inspectorate_admin)
    assert client.get(reverse("auditlog:download"), {"since": "yesterday"}).status_code == 404
    assert not Download.objects.exists()
