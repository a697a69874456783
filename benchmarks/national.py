"""`make bench` at national scale (issue 18): every page type served by gunicorn (one worker) over
the dataset `followthrough seed_national` builds, each page timed beside a bare view behind the
same middleware in the same loop. Figures, never assertions.

For each scale it prints, per page: median and p95 of the requests through the server, the ratio
of the page's median to the bare view's, its query count and its size; then requests per second
through the one worker for the overview, a report page and the bare view. With --compare (the
default in `make bench`) it serves national scale and a tenth of it side by side, each from its
own database through its own worker, times both in one loop and prints the ratio between them.

  benchmarks/national.py --scale 1.0 --runs 30           # one scale, SQLite
  benchmarks/national.py --compare                        # national and a tenth, SQLite
  DATABASE_URL=postgres://… benchmarks/national.py --compare   # the same on PostgreSQL
  benchmarks/national.py --compare --var-dir NAT --tenth-var-dir TENTH   # reuse seeded data
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from national_tables import compare, show  # noqa: E402

THROUGHPUT_SECONDS = 5.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fresh_database(url: str, scale: float) -> str:
    """A new PostgreSQL database beside the one named, for this scale: seeding needs it empty."""
    import psycopg

    base, _, _ = url.rpartition("/")
    name = f"national_{round(scale * 100)}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return f"{base}/{name}"


def _prepare(scale: float, var_dir: str | None) -> dict[str, str]:
    """Environment, migrated database and seeded data for one scale, in this process."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "followthrough.settings"
    os.environ["FOLLOWTHROUGH_VAR_DIR"] = var_dir or tempfile.mkdtemp(prefix="national-")
    # whitenoise looks for collected static files; the pages timed here do not fetch them
    (Path(os.environ["FOLLOWTHROUGH_VAR_DIR"]) / "static").mkdir(exist_ok=True)
    os.environ["DEBUG"] = "false"
    given = os.environ.get("NATIONAL_BENCH_DATABASE_GIVEN") == "1"  # --tenth-database-url
    if os.environ.get("DATABASE_URL", "").startswith("postgres") and not (var_dir or given):
        os.environ["DATABASE_URL"] = _fresh_database(os.environ["DATABASE_URL"], scale)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from followthrough.flows.national_seed import database_holds_data

    call_command("migrate", verbosity=0)
    if not database_holds_data():
        began = time.perf_counter()
        call_command("seed_national", scale=scale)
        print(f"  seeded at scale {scale:g} in {time.perf_counter() - began:.0f} s", flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return dict(os.environ)


def _pages() -> list[tuple[str, str, str]]:
    """(page, who reads it, address) for every page type, chosen from the seeded data."""
    from django.db.models import Count

    from followthrough.actionplans.models import ActionPlan
    from followthrough.audits.models import Audit
    from followthrough.inspections.models import Report
    from followthrough.organisations.models import Organisation
    from followthrough.selfassessment.models import SelfAssessment

    report: Any = Report.objects.annotate(n=Count("recommendations")).order_by("-n", "pk").first()
    assert report is not None, "seed_national built no reports"
    rec = report.recommendations.order_by("order").first()
    yjb = Organisation.objects.get(short_name="YJB")
    pages = [
        ("overview", "inspector", "/"),
        ("inspectorate dashboard", "inspector", "/inspectorate/"),
        ("reports", "inspector", "/reports/"),
        (f"report ({report.n} recs)", "inspector", f"/reports/{report.pk}/"),
        ("action plan", "inspector", f"/reports/{report.pk}/action-plan/"),
        ("recommendation", "inspector", f"/recommendations/{rec.pk}/" if rec else "/"),
        ("progress report", "inspector", f"/reports/{report.pk}/progress-report/"),
        ("organisations", "inspector", "/organisations/"),
        ("organisation (YJB)", "inspector", f"/organisations/{yjb.pk}/"),
        ("my organisation (YJB)", "contributor", "/my-organisation/"),
        ("search", "inspector", "/search/?q=accommodation"),
        ("audit log", "inspectorate-admin", "/audit/"),
        ("self-assessments", "yjs-manager", "/self-assessments/"),
        ("caseload", "yjs-case-manager", "/cases/"),
        ("case tasks", "yjs-case-manager", "/cases/tasks/"),
        ("board pack", "yjs-manager", "/cases/board/"),
        ("national casework", "inspector", "/cases/national/"),
        ("case audits", "yjs-manager", "/audits/"),
        # The API, a page of each list and one record, as the browser's session reads it.
        ("API recommendations", "inspector", "/api/recommendations/"),
        ("API recommendation", "inspector", f"/api/recommendations/{rec.pk}/" if rec else "/"),
        ("API action plans", "inspector", "/api/action-plans/"),
        ("API progress updates", "inspector", "/api/progress-updates/"),
        ("API cases", "yjs-case-manager", "/api/cases/"),
        ("API tasks", "yjs-case-manager", "/api/tasks/"),
    ]
    plan = ActionPlan.objects.filter(report=report).order_by("pk").first()
    if plan is not None:
        pages.append(("API action plan", "inspector", f"/api/action-plans/{plan.pk}/"))
    assessment = SelfAssessment.objects.order_by("pk").first()
    if assessment is not None:
        pages.append(("self-assessment", "yjs-manager", f"/self-assessments/{assessment.pk}/"))
    audit = Audit.objects.order_by("pk").first()
    if audit is not None:
        pages.append(("case audit", "yjs-manager", f"/audits/{audit.pk}/"))
    return pages


def _reader(role: str, path: str) -> Any:
    """The first seeded login of a demo role who may read the page (a service's members read
    only their own service's self-assessments and audits)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    users = get_user_model().objects.filter(username__startswith=f"{role}-").order_by("username")
    for user in users[:20]:
        client = Client()
        client.force_login(user)
        if client.get(path).status_code == 200:
            return user
    raise SystemExit(f"No seeded {role} can read {path}")


def _counts(pages: list[tuple[str, str, str]]) -> dict[str, dict[str, Any]]:
    """Query count, size and a session cookie for each page, from an in-process client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    found: dict[str, dict[str, Any]] = {}
    for name, role, path in pages:
        user = _reader(role, path)
        client = Client()
        client.force_login(user)
        client.get(path)
        with CaptureQueriesContext(connection) as ctx:
            response: Any = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        found[name] = {
            "path": path,
            "status": response.status_code,
            "queries": len(ctx.captured_queries),
            "kib": len(body) / 1024,
            "cookie": client.cookies["sessionid"].value,
        }
    return found


def _get(port: int, path: str, cookie: str) -> tuple[float, int]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Cookie": f"sessionid={cookie}"}
    )
    began = time.perf_counter()
    with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310 (loopback http)
        response.read()
        status = response.status
    return time.perf_counter() - began, status


def _serve(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    command = [sys.executable, "-m", "gunicorn", "national_wsgi:application", "--chdir", str(HERE)]
    options = ["--workers", "1", "--bind", f"127.0.0.1:{port}", "--timeout", "600"]
    server = subprocess.Popen([*command, *options, "--log-level", "warning"], env=env)  # noqa: S603
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


def _throughput(port: int, path: str, cookie: str) -> float:
    """Requests per second through the one worker, two clients keeping it busy."""
    done = [0]
    stop = time.perf_counter() + THROUGHPUT_SECONDS

    def client() -> None:
        while time.perf_counter() < stop:
            _get(port, path, cookie)
            done[0] += 1

    threads = [threading.Thread(target=client) for _ in range(2)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done[0] / (time.perf_counter() - began)


def _prepared(
    scale: float, var_dir: str | None, only: list[str] | None
) -> tuple[dict[str, str], dict[str, dict[str, Any]], str]:
    """The server's environment, each page's counts and cookie, and the database's vendor."""
    env = _prepare(scale, var_dir)
    from django.db import connection

    pages = [page for page in _pages() if not only or any(word in page[0] for word in only)]
    return env, _counts(pages), connection.vendor


def _timed(
    servers: list[tuple[int, dict[str, dict[str, Any]]]], runs: int
) -> list[tuple[dict[str, list[float]], dict[str, list[float]]]]:
    """Each page's times and the bare view's, on every server, in one loop: each run times every
    server's pages in turn, each page after its server's bare view, so a comparison between
    servers sees the same minute of the machine."""
    found: list[tuple[dict[str, list[float]], dict[str, list[float]]]] = []
    for port, counts in servers:
        any_cookie = next(iter(counts.values()))["cookie"]
        for _ in range(3):  # warm the worker: imports, templates, connections
            _get(port, "/bench/bare/", any_cookie)
        for row in counts.values():
            _get(port, row["path"], row["cookie"])
        found.append(({name: [] for name in counts}, {name: [] for name in counts}))
    for _ in range(runs):
        for (port, counts), (samples, bare) in zip(servers, found, strict=True):
            for name, row in counts.items():
                bare[name].append(_get(port, "/bench/bare/", row["cookie"])[0])
                seconds, status = _get(port, row["path"], row["cookie"])
                row["status"] = status
                samples[name].append(seconds)
    return found


def _rates(port: int, counts: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Requests a second through the one worker: the bare view, the overview, a report page."""
    report = next((n for n in counts if n.startswith("report (")), None)
    if "overview" not in counts or not report:  # when --only leaves them out
        return {}
    cookie = counts["overview"]["cookie"]
    rates = {
        name: _throughput(port, path, cookie)
        for name, path in [("bare view", "/bench/bare/"), ("overview", "/")]
    }
    rates[report] = _throughput(port, counts[report]["path"], counts[report]["cookie"])
    rates["bare view (again)"] = _throughput(port, "/bench/bare/", cookie)
    return rates


def _result(
    scale: float,
    vendor: str,
    runs: int,
    counts: dict[str, dict[str, Any]],
    timed: tuple[dict[str, list[float]], dict[str, list[float]]],
    rates: dict[str, float],
) -> dict[str, Any]:
    samples, bare = timed
    rows = {}
    for name, row in counts.items():
        ordered = sorted(samples[name])
        median, base = statistics.median(ordered), statistics.median(bare[name])
        rows[name] = {
            **{k: v for k, v in row.items() if k != "cookie"},
            "median_ms": median * 1000,
            "p95_ms": ordered[max(0, round(0.95 * len(ordered)) - 1)] * 1000,
            "bare_ms": base * 1000,
            "ratio": median / base,
        }
    return {"scale": scale, "vendor": vendor, "runs": runs, "pages": rows, "rates": rates}


def measure(
    scale: float, runs: int, var_dir: str | None, only: list[str] | None = None
) -> dict[str, Any]:
    env, counts, vendor = _prepared(scale, var_dir, only)
    server, port = _serve(env)
    try:
        timed = _timed([(port, counts)], runs)[0]
        rates = _rates(port, counts)
    finally:
        server.terminate()
        server.wait()
    return _result(scale, vendor, runs, counts, timed, rates)


def measure_both(
    scales: list[tuple[float, str | None, str | None]], runs: int, only: list[str] | None
) -> list[dict[str, Any]]:
    """National and a tenth served side by side, each by its own worker over its own data, and
    timed in one loop: their ratio compares the same moment of a shared machine. Each scale is
    prepared in its own process (one database a Django process)."""
    prepared = []
    for scale, var_dir, database_url in scales:
        out = Path(tempfile.mkdtemp()) / "prepared.json"
        command = [sys.executable, __file__, "--scale", str(scale), "--prepare-only", str(out)]
        command += ["--var-dir", var_dir] if var_dir else []
        command += [arg for word in only or [] for arg in ("--only", word)]
        env = dict(os.environ)
        if database_url:
            env.update(DATABASE_URL=database_url, NATIONAL_BENCH_DATABASE_GIVEN="1")
        subprocess.run(command, check=True, env=env)  # noqa: S603
        prepared.append(json.loads(out.read_text()))
    servers = [_serve(p["env"]) for p in prepared]
    try:
        timed = _timed(
            [(port, p["counts"]) for (_, port), p in zip(servers, prepared, strict=True)], runs
        )
        rates = [_rates(port, p["counts"]) for (_, port), p in zip(servers, prepared, strict=True)]
    finally:
        for server, _ in servers:
            server.terminate()
            server.wait()
    return [
        _result(scale, p["vendor"], runs, p["counts"], t, r)
        for (scale, _, _), p, t, r in zip(scales, prepared, timed, rates, strict=True)
    ]


def _prepare_only(args: argparse.Namespace) -> None:
    """For measure_both: seed if need be, count each page, and hand over what serving it takes."""
    env, counts, vendor = _prepared(args.scale, args.var_dir, args.only)
    Path(args.prepare_only).write_text(json.dumps({"env": env, "counts": counts, "vendor": vendor}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--compare", action="store_true", help="national and a tenth of it")
    parser.add_argument("--var-dir", help="reuse a seeded data directory")
    parser.add_argument("--tenth-var-dir", help="with --compare: reuse one for the tenth")
    parser.add_argument("--tenth-database-url", help="with --compare: the tenth's seeded database")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--prepare-only", help=argparse.SUPPRESS)
    parser.add_argument(
        "--only", action="append", help="time only the pages whose name holds this (repeatable)"
    )
    args = parser.parse_args()
    if args.prepare_only:
        _prepare_only(args)
        return 0
    if not args.compare:
        result = measure(args.scale, args.runs, args.var_dir, args.only)
        if args.json:
            Path(args.json).write_text(json.dumps(result))
        show(result)
        return 0
    postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    if postgres and args.tenth_var_dir and not args.tenth_database_url:
        parser.error("on PostgreSQL a reused tenth needs its database: --tenth-database-url")
    scales = [
        (args.scale, args.var_dir, None),
        (args.scale / 10, args.tenth_var_dir, args.tenth_database_url),
    ]
    results = measure_both(scales, args.runs, args.only)
    if args.json:
        Path(args.json).write_text(json.dumps(results))
    for result in results:
        show(result)
    compare(*results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
