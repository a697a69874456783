"""The board pack and the national view are counted once per change of the casework, then read
from the cache: a change to any case is counted at once, a rung of the task ladder (which keeps
no history) is read afresh, later visits cost no more queries however many cases, and the
national view's tables by service show a page of services at a time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from followthrough.cases.board import board_pack, national_pack
from followthrough.cases.board.measures import kpi_definition
from followthrough.cases.board.national import CASEWORK, _compared, national_page_version
from followthrough.cases.board.pack import count_board_pack, count_national_pack
from followthrough.cases.models import Case, Meeting, Outcome, ReleaseDay, Task, TaskEscalation
from followthrough.core.freshness import freshness_key
from tests.cases.factories import TaskFactory
from tests.cases.test_board_pack import designed_cohort
from tests.inspections.factories import ReportFactory
from tests.organisations.factories import YouthJusticeServiceFactory


def _counted_afresh(today):
    return _compared(count_national_pack(today=today))


def test_the_national_figures_change_as_soon_as_a_case_does(youth_justice_service):
    today = timezone.localdate()
    designed_cohort(youth_justice_service)
    before = national_pack(today=today)
    assert national_pack(today=today) == before  # read from the cache
    for case in youth_justice_service.cases.order_by("pk")[:6]:  # edits, no new record
        case.release_date = None
        case.earliest_release = today + timedelta(days=30)
        case.save()
    after = national_pack(today=today)
    assert after != before  # a stale cache would give the old counts
    assert after == _counted_afresh(today)
    other = YouthJusticeServiceFactory(name="Synthetic Hillside Youth Justice Service")
    designed_cohort(other, start=100, boys=6, girls=0)
    assert (
        "Synthetic Hillside Youth Justice Service"
        in national_pack(today=today).cohort["service"].table.rows
    )
    assert national_pack(today=today) == _counted_afresh(today)


def _main(client) -> str:
    """The page's content, without the layout's per-request tokens."""
    page = client.get(reverse("cases:national"), {"by": "sex"}).content.decode()
    return page[page.index("<main") : page.index("</main>")]


def test_the_national_page_is_the_same_read_from_the_cache_as_counted(
    client, youth_justice_service, inspector
):
    designed_cohort(youth_justice_service)
    client.force_login(inspector)
    cached = _main(client)
    assert _main(client) == cached
    designed_cohort(youth_justice_service, start=50, boys=7, girls=5)
    changed = _main(client)
    cache.clear()
    assert changed == _main(client) and changed != cached


def test_the_board_pack_reads_the_task_ladder_afresh(youth_justice_service):
    today = timezone.localdate()
    designed_cohort(youth_justice_service, boys=6, girls=0)
    task = TaskFactory(
        case=youth_justice_service.cases.first(),
        owner=youth_justice_service,
        due_date=today - timedelta(days=30),
        status=Task.Status.OPEN,
    )
    overdue = board_pack(youth_justice_service, today=today).figures[-1].table
    assert overdue.columns[0] == "Not yet escalated"
    TaskEscalation.objects.create(task=task, step=3, days=30, raised_on=today)  # no history row
    board = board_pack(youth_justice_service, today=today).figures[-1].table
    assert board.cells != overdue.cells
    assert board.cells[0][3] == "fewer than 5"  # one task, reported to the board


def test_later_visits_cost_the_same_queries_for_3_cases_as_for_30(
    client, youth_justice_service, inspector, board_member
):
    designed_cohort(youth_justice_service, boys=2, girls=1)
    counted = {}
    for user, name in ((inspector, "cases:national"), (board_member, "cases:board")):
        client.force_login(user)
        client.get(reverse(name))  # counts the figures
        with CaptureQueriesContext(connection) as few:
            client.get(reverse(name))
        counted[name] = len(few)
    designed_cohort(youth_justice_service, start=10, boys=20, girls=7)
    for user, name in ((inspector, "cases:national"), (board_member, "cases:board")):
        client.force_login(user)
        client.get(reverse(name))
        with CaptureQueriesContext(connection) as many:
            client.get(reverse(name))
        assert len(many) == counted[name], [q["sql"][:80] for q in many.captured_queries]


def test_the_national_view_shows_a_page_of_services_found_and_ordered(
    client, youth_justice_service, inspector, monkeypatch
):
    monkeypatch.setattr("followthrough.cases.board.national.SERVICES_PAGE", 2)
    designed_cohort(youth_justice_service, boys=6, girls=0)  # Riverside, 6 cases
    names = ["Synthetic Aston", "Synthetic Beck", "Synthetic Cole"]
    for i, name in enumerate(names):
        designed_cohort(
            YouthJusticeServiceFactory(name=f"{name} Youth Justice Service"),
            start=100 * (i + 1),
            boys=7 + i,
            girls=0,
        )
    client.force_login(inspector)
    url = reverse("cases:national")
    first = client.get(url).content.decode()
    assert "services 1 to 2 of 4" in first and 'aria-label="Pages of services"' in first
    assert "Riverside" in first and "Synthetic Aston" in first
    assert "Synthetic Beck" not in first and "Synthetic Cole" not in first
    assert ">30<" in first  # the totals count every service: 6 + 7 + 8 + 9 cases
    second = client.get(url, {"page": 2}).content.decode()
    assert "services 3 to 4 of 4" in second
    assert "Synthetic Beck" in second and "Synthetic Cole" in second
    assert "Riverside" not in second
    most = client.get(url, {"order": "cases"}).content.decode()
    assert "Synthetic Cole" in most and "Synthetic Beck" in most and "Synthetic Aston" not in most
    found = client.get(url, {"name": "beck"}).content.decode()
    assert 'services 1 to 1 of 1 whose name contains "beck"' in found
    assert "Synthetic Beck" in found and "Synthetic Cole" not in found
    assert ">30<" in found
    none = client.get(url, {"name": "nowhere"}).content.decode()
    assert 'No service with cases has a name containing "nowhere"' in none


def test_a_recount_reads_the_cases_as_values_not_as_model_instances(youth_justice_service):
    """The first national view after any case edit counts every case again: at national scale,
    building a model instance of every case, meeting, release day and outcome took most of the
    1.3 to 3 seconds it cost. The counting reads plain values."""
    today = timezone.localdate()
    designed_cohort(youth_justice_service)
    made: list[type] = []

    def note(sender, **kwargs):
        made.append(sender)

    post_init.connect(note)
    try:
        national = count_national_pack(today=today)
        board = count_board_pack(youth_justice_service, today=today)
    finally:
        post_init.disconnect(note)
    assert not [m for m in made if m in (Case, Meeting, Outcome, ReleaseDay)]
    assert national.phases.table.total == board.phases.table.total == 15


def test_a_later_visit_reads_its_page_of_services_without_the_whole_pack(
    client, youth_justice_service, inspector, monkeypatch
):
    """The whole national pack holds every service's row of every table: read back from the
    cache on each visit it cost more, the more services there were. A page is kept once cut."""
    designed_cohort(youth_justice_service)
    client.force_login(inspector)
    counted = _main(client)
    whole = freshness_key(
        "cases.national",
        tracked=CASEWORK,
        scope=[timezone.localdate().isoformat(), kpi_definition()],
    )
    assert cache.get(whole) is not None
    cache.delete(whole)

    def recount(**kwargs):
        raise AssertionError("the whole pack was read again")

    monkeypatch.setattr("followthrough.cases.board.national.count_national_pack", recount)
    assert _main(client) == counted


def test_a_later_visit_shows_the_kept_rendering_without_reading_the_page(
    client, youth_justice_service, inspector, monkeypatch
):
    """Drawing fifty services' rows of every table cost more than reading them: the rendering
    is kept per change of the casework, per breakdown and page of services."""
    designed_cohort(youth_justice_service)
    client.force_login(inspector)
    drawn = _main(client)
    by_ethnicity = client.get(reverse("cases:national"), {"by": "ethnicity"}).content.decode()
    assert "Ethnicity" in by_ethnicity

    def read(**kwargs):
        raise AssertionError("the page was read again")

    monkeypatch.setattr("followthrough.cases.views.board.national_page", read)
    assert _main(client) == drawn
    designed_cohort(youth_justice_service, start=50, boys=2, girls=1)
    with pytest.raises(AssertionError, match="read again"):  # a change draws the page afresh
        _main(client)


def test_the_kept_rendering_changes_with_a_report_the_2015_figures_come_from(inspector):
    today = timezone.localdate()
    before = national_page_version(today=today, asked=["", "", "", "sex"])
    assert national_page_version(today=today, asked=["", "", "", "sex"]) == before
    assert national_page_version(today=today, asked=["", "", "", "ethnicity"]) != before
    ReportFactory(title="A thematic inspection of resettlement")
    assert national_page_version(today=today, asked=["", "", "", "sex"]) != before


def test_the_kept_rendering_is_keyed_on_the_whole_query(
    client, youth_justice_service, inspector, monkeypatch
):
    """The breakdown and the page links read the query as it came: a visit with a stray
    parameter or a padded breakdown keeps its own rendering, never shown to another query."""
    monkeypatch.setattr("followthrough.cases.board.national.SERVICES_PAGE", 1)
    designed_cohort(youth_justice_service, boys=6, girls=0)
    designed_cohort(YouthJusticeServiceFactory(name="Synthetic Dale"), start=100, boys=7, girls=0)
    client.force_login(inspector)
    url = reverse("cases:national")
    stray = client.get(url, {"by": "sex", "campaign": "stray"}).content.decode()
    assert "campaign=stray" in stray  # its own page links keep what it was asked with
    plain = client.get(url, {"by": "sex"}).content.decode()
    assert "campaign=stray" not in plain and 'aria-label="Pages of services"' in plain
    padded = client.get(url, {"by": " ethnicity"}).content.decode()  # not a breakdown: the first
    by_ethnicity = client.get(url, {"by": "ethnicity"}).content.decode()
    assert 'value="ethnicity" selected' in by_ethnicity
    assert 'value="ethnicity" selected' not in padded
