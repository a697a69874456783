"""The audit log in pages: the newest entries first, then 'Older entries' page by page, each entry
once, filters exact on every page, the same entries as the download, and a page's queries the
same however long the trail grows (issue 18)."""

from __future__ import annotations

import html
import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from followthrough.actionplans.models import ActionPlan
from followthrough.auditlog.selectors.page import Position, audit_page
from followthrough.auditlog.selectors.stream import audit_stream
from followthrough.auditlog.views import PAGE_SIZE
from followthrough.core.events import record_event
from followthrough.core.models import DomainEvent
from followthrough.organisations.models import Organisation

OLDER = re.compile(r'href="\?([^"]*older=[^"]*)" rel="next"')
# A generated entry's label in the Record column (its changes name it too).
LABEL = re.compile(r'<span class="govuk-body-s">(Generated \w+ \d+)</span>')


def _yesterday_noon():  # type: ignore[no-untyped-def]
    """A time whose day holds every generated entry and nothing the fixtures wrote."""
    return timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0) - timedelta(
        days=1
    )


def _generate(model, obj, count: int, user, *, start, every: int = 1) -> None:  # type: ignore[no-untyped-def]
    """`count` changes to one record, written straight into its history table; `every` rows share
    each second, so entries tie on time within a table and across tables."""
    history = model.history.model
    first = history.objects.filter(id=obj.pk).values().first()
    assert first is not None
    del first["history_id"]
    label_field = "name" if model is Organisation else "title"
    history.objects.bulk_create(
        [
            history(
                **{
                    **first,
                    label_field: f"Generated {model.__name__} {n}",
                    "history_date": start + timedelta(seconds=n // every),
                    "history_type": "~",
                    "history_user_id": user.pk,
                }
            )
            for n in range(count)
        ]
    )


def _walk(client, params: dict) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    """Every page of the log from the newest, by its 'Older entries' links: the labels shown, and
    how many pages."""
    shown: list[str] = []
    query = None
    pages = 0
    while True:
        response = client.get(reverse("auditlog:log") + (f"?{query}" if query else ""), params)
        assert response.status_code == 200
        body = response.content.decode()
        shown += LABEL.findall(body)
        pages += 1
        link = OLDER.search(body)
        if link is None:
            return shown, pages
        query, params = html.unescape(link.group(1)), {}


def test_older_entries_page_through_the_whole_log_showing_each_entry_once(
    client, inspectorate_admin, sample_plan
) -> None:
    start = _yesterday_noon()
    organisation = Organisation.objects.order_by("pk").first()
    # Three entries to a second in each table, the two tables at the same seconds: ties on time
    # fall across the pages' edges.
    _generate(Organisation, organisation, 130, inspectorate_admin, start=start, every=3)
    _generate(ActionPlan, sample_plan, 130, inspectorate_admin, start=start, every=3)
    client.force_login(inspectorate_admin)
    shown, pages = _walk(client, {})
    expected = {f"Generated {m} {n}" for m in ("Organisation", "ActionPlan") for n in range(130)}
    assert sorted(shown) == sorted(expected)
    assert pages >= 260 // PAGE_SIZE
    first = client.get(reverse("auditlog:log")).content.decode()
    assert "Older entries" in first and "Newest entries" not in first
    older = client.get(reverse("auditlog:log") + "?" + html.unescape(OLDER.search(first).group(1)))
    assert "Newest entries" in older.content.decode()


def test_a_filter_stays_exact_on_every_page_and_matches_the_download(
    client, inspectorate_admin, body_viewer, sample_plan
) -> None:
    start = _yesterday_noon()
    organisation = Organisation.objects.order_by("pk").first()
    _generate(Organisation, organisation, 90, inspectorate_admin, start=start, every=2)
    _generate(Organisation, organisation, 70, body_viewer, start=start, every=2)
    client.force_login(inspectorate_admin)
    shown, _ = _walk(client, {"user": body_viewer.username})
    assert len(shown) == 70  # the other person's 90 are on no page
    day = start.date().isoformat()
    filters = {"since": day, "until": day, "record": "organisations.Organisation"}
    shown, _ = _walk(client, filters)
    stream = audit_stream(user=inspectorate_admin, model_label="organisations.Organisation")
    same_day = [e for e in stream if timezone.localtime(e.at).date() == start.date()]
    assert sorted(shown) == sorted(e.object_label for e in same_day)
    assert len(shown) == 160


def test_pages_chosen_by_selector_are_the_download_in_order(
    inspectorate_admin, sample_plan, practitioner
) -> None:
    start = _yesterday_noon()
    _generate(ActionPlan, sample_plan, 75, inspectorate_admin, start=start, every=4)
    for n in range(20):
        # Events at the plan's seconds: ties on time between a history table and the events.
        event = record_event(sample_plan, "actionplans.plan.viewed", actor=practitioner)
        DomainEvent.objects.filter(pk=event.pk).update(at=start + timedelta(seconds=n))
    entries: list = []
    older = None
    while True:
        page = audit_page(user=inspectorate_admin, older_than=older, size=17)
        entries += page.entries
        if page.older is None:
            break
        older = Position.parse(page.older.token())
    everything = list(audit_stream(user=inspectorate_admin))
    key = lambda e: (e.at, e.model, e.object_id, e.action, e.object_label)  # noqa: E731
    assert sorted(map(key, entries)) == sorted(map(key, everything))
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)


def test_a_pages_queries_stay_the_same_with_ten_times_the_entries(
    client, inspectorate_admin, sample_plan
) -> None:
    organisation = Organisation.objects.order_by("pk").first()
    client.force_login(inspectorate_admin)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("auditlog:log")).status_code == 200
        return len(captured.captured_queries)

    start = _yesterday_noon()
    _generate(Organisation, organisation, 60, inspectorate_admin, start=start, every=2)
    _generate(ActionPlan, sample_plan, 60, inspectorate_admin, start=start, every=2)
    few = queries()
    later = start + timedelta(hours=1)
    _generate(Organisation, organisation, 600, inspectorate_admin, start=later, every=2)
    _generate(ActionPlan, sample_plan, 600, inspectorate_admin, start=later, every=2)
    assert queries() == few


def test_a_position_the_log_did_not_give_starts_at_the_newest(
    client, inspectorate_admin, sample_plan
) -> None:
    client.force_login(inspectorate_admin)
    for token in (
        "nonsense",
        "2026-01-01,events,x",
        "2026-13-01T00:00:00+00:00,events,1",
        "2026-01-01T00:00:00,events,1",
    ):
        assert Position.parse(token) is None
        assert client.get(reverse("auditlog:log"), {"older": token}).status_code == 200


def test_the_newest_page_reads_no_kind_of_record_whose_entries_are_all_older(
    client, inspectorate_admin, sample_plan
) -> None:
    organisation = Organisation.objects.order_by("pk").first()
    client.force_login(inspectorate_admin)
    soon = timezone.now() + timedelta(hours=1)
    _generate(Organisation, organisation, PAGE_SIZE + 1, inspectorate_admin, start=soon)
    plans = ActionPlan.history.model._meta.db_table
    with CaptureQueriesContext(connection) as captured:
        body = client.get(reverse("auditlog:log")).content.decode()
    assert LABEL.findall(body) == [f"Generated Organisation {n}" for n in range(PAGE_SIZE, 0, -1)]
    read = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]
    assert not [sql for sql in read if sql.split(" FROM ")[1].startswith(f'"{plans}"')]
    assert OLDER.search(body) is not None
