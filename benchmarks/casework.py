"""`make bench` casework (issue 13): resettlement casework at national size, 5,000 cases in 51
youth justice services, one of them holding 2,000, built with bulk_create. Each casework page is
timed as the reader it is for, beside a bare view timed in the same run, and its query count is
printed beside the same page's count when a service holds 3 cases, to show the counts are flat.

Run only this part with `benchmarks/run.py --only casework`; `--profile NAME` adds the top of a
cProfile of those pages (names as printed, comma-separated: caseload,national)."""

from __future__ import annotations

import cProfile
import io
import pstats
import random
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

BIG_CASES = 2000  # the worst case: one service's caseload and board pack
SMALL_CASES = 3  # the same pages when a service holds 3 cases, for the query counts
OTHER_SERVICES = 49  # with the small one, ~50 services beside the big one
TOTAL_CASES = 5000
PHASE_WEIGHTS = {"sentenced": 8, "in_custody": 32, "release_soon": 15, "released": 25, "closed": 20}
ESTABLISHMENTS = 6
POLICE_FORCES = 10


def _urlpatterns() -> list[Any]:
    """The project's URLs with one more: a bare view behind the same middleware and sign-in, the
    yardstick each page's time is divided by."""
    from django.http import HttpRequest, HttpResponse
    from django.urls import include, path

    from followthrough.core.access import access

    @access("signed_in")
    def bare(request: HttpRequest) -> HttpResponse:
        return HttpResponse(b"ok")

    return [path("bench/bare/", bare), path("", include("followthrough.urls"))]


_URLPATTERNS: list[Any] = []


def __getattr__(name: str) -> Any:  # this module is the urlconf while casework is timed
    if name == "urlpatterns":
        _URLPATTERNS[:] = _URLPATTERNS or _urlpatterns()
        return _URLPATTERNS
    raise AttributeError(name)


@dataclass
class Service:
    """A youth justice service with its partners and the people who read its pages."""

    org: Any
    prefix: str  # of its case references, like BN-00001
    partners: dict[str, Any]
    case_manager: Any = None
    board_member: Any = None
    partner_member: Any = None
    cases: list[Any] = field(default_factory=list)


def _users(service: Service, slug: str) -> None:
    from django.contrib.auth import get_user_model

    from followthrough.organisations.models import Membership

    User = get_user_model()
    people = {
        "case_manager": (service.org, Membership.Role.CASE_MANAGER),
        "board_member": (service.org, Membership.Role.VIEWER),
        "partner_member": (service.partners["health"], Membership.Role.CONTRIBUTOR),
    }
    for attr, (org, role) in people.items():
        user = User.objects.create_user(f"bench-{slug}-{attr.replace('_', '-')}")
        Membership.objects.create(user=user, organisation=org, role=role)
        setattr(service, attr, user)


def _organisations(count: int, rng: random.Random) -> tuple[list[Service], Any]:
    """`count` services (the first the big one, the last the small one), each with a health
    trust and a local authority; police forces and establishments shared among them; and a
    member of an inspectorate, who reads the national figures."""
    from django.contrib.auth import get_user_model

    from followthrough.organisations.models import Membership, Organisation

    kinds = Organisation.Kind
    establishments = Organisation.objects.bulk_create(
        Organisation(name=f"Bench Secure Centre {n + 1}", short_name=f"BSC{n + 1}", kind=k)
        for n, k in enumerate([kinds.CUSTODIAL_ESTABLISHMENT] * ESTABLISHMENTS)
    )
    police = Organisation.objects.bulk_create(
        Organisation(
            name=f"Bench Police Force {n + 1}", short_name=f"BPF{n + 1}", kind=kinds.POLICE
        )
        for n in range(POLICE_FORCES)
    )
    names = [("Bench North", "BN")]
    names += [(f"Bench Area {n + 1:02d}", f"A{n + 1:02d}") for n in range(count - 2)]
    names.append(("Bench Small", "SM"))
    services = []
    for n, (name, prefix) in enumerate(names):
        org, health, la = Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"{name} Youth Justice Service",
                    short_name=f"{name} YJS",
                    kind=kinds.YOUTH_JUSTICE_SERVICE,
                ),
                Organisation(name=f"{name} NHS Trust", short_name=f"{name} NHS", kind=kinds.HEALTH),
                Organisation(name=f"{name} Council", short_name=name, kind=kinds.LOCAL_AUTHORITY),
            ]
        )
        partners = {"health": health, "local_authority": la, "police": police[n % POLICE_FORCES]}
        services.append(Service(org, prefix, partners))
    for service in services:
        service.partners["establishments"] = rng.sample(establishments, 3)
    inspectorate = Organisation.objects.create(
        name="Bench Inspectorate", short_name="BI", kind=kinds.INSPECTORATE
    )
    inspector = get_user_model().objects.create_user("bench-inspector")
    Membership.objects.create(user=inspector, organisation=inspectorate, role="viewer")
    return services, inspector


def _case(service: Service, number: int, phase: str, rng: random.Random, today: date) -> Any:
    """A case built by seed_national's builder, so the benchmark and the national dataset share
    one (followthrough/flows/national_seed/casework.py)."""
    from followthrough.flows.national_seed.casework import case_build

    return case_build(service, f"{service.prefix}-{number:05d}", phase, rng, today)  # type: ignore[arg-type]


def _children(
    case: Any,
    phase: str,
    service: Service,
    pathways: dict[str, Any],
    rng: random.Random,
    today: date,
) -> Iterator[Any]:
    from followthrough.flows.national_seed.casework import case_rows

    return case_rows(case, phase, service, pathways, rng, today)  # type: ignore[arg-type]


def _build(
    services: list[tuple[Service, int]], rng: random.Random, today: date, progress: Any
) -> int:
    """The cases of each (service, how many), then their rows, all with bulk_create."""
    from django.db import transaction

    from followthrough.cases.models import Case, Pathway

    pathways = {p.code: p for p in Pathway.objects.filter(active=True)}
    phases, weights = list(PHASE_WEIGHTS), list(PHASE_WEIGHTS.values())
    total = sum(n for _, n in services)
    task = progress.add_task(f"Building {total:,} cases", total=total * 2)
    made = 0
    with transaction.atomic():
        cases = []
        for service, count in services:
            fixed = ["in_custody", "release_soon", "released"] if count == SMALL_CASES else None
            for n in range(count):
                phase = fixed[n] if fixed else rng.choices(phases, weights)[0]
                cases.append((_case(service, n + 1, phase, rng, today), phase))
        for start in range(0, len(cases), 1000):
            chunk = [case for case, _ in cases[start : start + 1000]]
            Case.objects.bulk_create(chunk)
            progress.advance(task, len(chunk))
        by_service = {id(s.org): s for s, _ in services}
        batch: dict[Any, list[Any]] = {}
        for case, phase in cases:
            service = by_service[id(case.service)]
            service.cases.append(case)
            for row in _children(case, phase, service, pathways, rng, today):
                batch.setdefault(type(row), []).append(row)
            made += 1
            if made % 500 == 0 or made == len(cases):
                for model, rows in batch.items():
                    model.objects.bulk_create(rows, batch_size=2000)
                batch = {}
                progress.advance(task, 500 if made % 500 == 0 else made % 500)
    return total


@dataclass
class Timing:
    seconds: float
    queries: int
    kib: float
    status: int = 200


def measure(client: Any, url: str, *, runs: int, budget: float = 8.0) -> Timing:
    """Median time of `runs` requests (fewer once they have taken `budget` seconds), the queries
    of the last, and its size; stops at the first answer that is not 200."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings: list[float] = []
    for _ in range(runs):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            streaming = getattr(response, "streaming", False)
            body = b"".join(response.streaming_content) if streaming else response.content
            timings.append(time.perf_counter() - start)
        if response.status_code != 200:
            return Timing(0.0, len(ctx.captured_queries), 0.0, response.status_code)
        if sum(timings) > budget:
            break
    return Timing(statistics.median(timings), len(ctx.captured_queries), len(body) / 1024)


def _exists(url: str) -> bool:
    from django.urls import Resolver404, resolve

    try:
        resolve(url.split("?")[0])
    except Resolver404:
        return False
    return True


@contextmanager
def _signed_in(client: Any, user: Any) -> Iterator[Any]:
    client.force_login(user)
    try:
        yield client
    finally:
        client.logout()


def _pages(service: Service, inspector: Any, partner_tasks: int) -> list[tuple[str, Any, str]]:
    """(name, reader, url) of every page timed; a case with the most rows stands for the case
    page."""
    busiest = max(service.cases, key=lambda c: (c.release_date is not None, c.pk))
    n = len(service.cases)
    pages = [
        (f"caseload ({n:,} cases)", service.case_manager, "/cases/"),
        ("case page", service.case_manager, f"/cases/{busiest.pk}/"),
        (f"partner's tasks ({partner_tasks:,})", service.partner_member, "/cases/tasks/"),
        ("board pack", service.board_member, "/cases/board/"),
        ("board pack .docx", service.board_member, "/cases/board/export.docx"),
        ("board pack .pdf", service.board_member, "/cases/board/export.pdf"),
        ("caseload .csv", service.case_manager, "/cases/export.csv"),
        ("caseload .xlsx", service.case_manager, "/cases/export.xlsx"),
        ("national", inspector, "/cases/national/"),
    ]
    return pages


def _key(name: str) -> str:
    return name.split(" (")[0]


def bench_casework(*, profile: str = "") -> None:
    """Build, time and print; the database is the one run.py set up."""
    from django.test import Client
    from django.test.utils import override_settings
    from django.utils import timezone
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from followthrough.cases.models import Case, Task

    rng = random.Random(13)  # noqa: S311 (synthetic data, the same every run)
    today = timezone.localdate()
    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    started = time.perf_counter()
    with Progress(*columns, console=console, transient=True) as progress:
        services, inspector = _organisations(OTHER_SERVICES + 2, rng)
        big, small, others = services[0], services[-1], services[1:-1]
        for slug, service in (("big", big), ("small", small)):
            _users(service, slug)
        _build([(small, SMALL_CASES)], rng, today, progress)
    client = Client()
    small_counts: dict[str, Timing] = {}
    with override_settings(ROOT_URLCONF=__name__):
        for name, user, url in _pages(small, inspector, 0):
            if _exists(url):
                with _signed_in(client, user):
                    small_counts[_key(name)] = measure(client, url, runs=3)
        with Progress(*columns, console=console, transient=True) as progress:
            rest = TOTAL_CASES - BIG_CASES - SMALL_CASES
            shares = [rng.uniform(0.3, 1.7) for _ in others]
            sizes = [int(rest * s / sum(shares)) for s in shares]
            sizes[0] += rest - sum(sizes)
            _build([(big, BIG_CASES), *zip(others, sizes, strict=True)], rng, today, progress)
        built = time.perf_counter() - started
        partner_tasks = Task.objects.filter(owner=big.partners["health"]).count()
        print(
            f"Casework ({Case.objects.count():,} cases in {len(services)} services, the largest "
            f"{BIG_CASES:,}; {Task.objects.count():,} tasks; built in {built:.0f} s), median of "
            f"up to 5 requests (fewer past 8 s); beside, the same page at {SMALL_CASES} cases"
        )
        with _signed_in(client, inspector):
            bare = measure(client, "/bench/bare/", runs=20)
        print(
            f"  {'bare view':<26} {bare.seconds * 1000:8.1f} ms {bare.queries:4d} queries "
            f"{bare.kib:8.1f} KiB"
        )
        for name, user, url in _pages(big, inspector, partner_tasks):
            if not _exists(url):
                print(f"  {name:<26} skipped: {url} is not there yet")
                continue
            with _signed_in(client, user):
                timing = measure(client, url, runs=5)
                if any(_key(name).startswith(p) for p in profile.split(",") if p):
                    _profile(client, url)
            if timing.status != 200:
                print(f"  {name:<26} skipped: {url} answered {timing.status}")
                continue
            before = small_counts.get(_key(name))
            flat = (
                f"{before.queries:4d} queries, {before.seconds * 1000:6.1f} ms at {SMALL_CASES}"
                if before
                else "   –"
            )
            if before and before.queries != timing.queries:
                extra = timing.queries - before.queries
                inserts = _log_inserts(len(big.cases)) - _log_inserts(SMALL_CASES)
                if url.startswith("/cases/export.") and extra == inserts:
                    flat += f": {extra} more access-log inserts, 249 cases each on SQLite"
                else:
                    flat += ": grows with the data"
            print(
                f"  {name:<26} {timing.seconds * 1000:8.1f} ms {timing.queries:4d} queries "
                f"{timing.kib:8.1f} KiB {timing.seconds / bare.seconds:7.0f}× bare  ({flat})"
            )


def _log_inserts(cases: int) -> int:
    """The inserts that write an export of so many cases to the access log: one on PostgreSQL,
    one per 249 cases on SQLite, which takes 999 parameters a statement."""
    from django.db import connection

    from followthrough.cases.models import CaseView

    fields = [f for f in CaseView._meta.concrete_fields if not f.primary_key]
    batch = connection.ops.bulk_batch_size(fields, [CaseView()] * cases) or cases
    return -(-cases // batch)


def _profile(client: Any, url: str) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(15)  # where the time goes
    stats.sort_stats("cumulative").print_stats(r"followthrough/(?!web/middleware|core/access)", 15)
    lines = out.getvalue().splitlines()
    print("\n".join(line for line in lines if line.strip() and "List reduced" not in line))
