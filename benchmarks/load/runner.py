"""`make load` (issue 18): locust headless on loopback against gunicorn over the national dataset.

  benchmarks/load/runner.py --scale 1.0 --seconds 120           # 50 users across the roles
  benchmarks/load/runner.py --writers 1,2,4,8,16 --seconds 120   # SQLite: progress posts only

The database is the one DATABASE_URL names (a fresh database beside it on PostgreSQL, as
benchmarks/national.py makes one) or the embedded SQLite in a temporary directory. The dataset is
seeded with `followthrough seed_national`, one session is signed in per seeded login, and what
each may do is written to a plan the locustfile reads. gunicorn runs `2 × cores + 1` workers.

It prints requests, failures and p50/p95/p99 per page, and exits non-zero when any request
failed. With --writers it runs WriterUser (progress posts without a pause) at each count in turn
for --seconds divided among them, and prints where latency climbs and any "database is locked".
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from national import _free_port, _prepare  # noqa: E402

MIXED = ("ReaderUser", "ContributorUser", "InspectorUser", "ServiceUser")  # not WriterUser
PER_KIND = 12  # seeded logins signed in for each kind of user
PER_USER = 8  # records each may use


def _session(user: Any) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return str(client.cookies["sessionid"].value)


def _reads(user: Any, path: str) -> bool:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return bool(client.get(path).status_code == 200)


def _logins(prefix: str) -> list[Any]:
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(username__startswith=f"{prefix}-")
    return list(users.order_by("username")[:PER_KIND])


def _plan() -> dict[str, list[dict[str, Any]]]:
    """Sessions and record ids for each kind of user, each checked through the site once."""
    from followthrough.actionplans.access import PROGRESS
    from followthrough.actionplans.models import Action
    from followthrough.core.access import allowed
    from followthrough.inspections.models import Recommendation, Report
    from followthrough.organisations.models import Organisation
    from followthrough.selfassessment.access import CHANGE
    from followthrough.selfassessment.models import AssessedRecommendation, SelfAssessment

    reports = list(Report.objects.order_by("pk").values_list("pk", flat=True)[:PER_USER])
    recs = list(Recommendation.objects.order_by("pk").values_list("pk", flat=True)[:PER_USER])
    organisations = list(Organisation.objects.order_by("pk").values_list("pk", flat=True)[:40])
    reading = {"reports": reports, "recommendations": recs, "organisations": organisations}
    found: dict[str, list[dict[str, Any]]] = {}
    readers = [u for u in _logins("viewer") if _reads(u, f"/reports/{reports[0]}/")]
    found["readers"] = [{"cookie": _session(u), **reading} for u in readers]
    inspectors = [u for u in _logins("inspector") if _reads(u, "/inspectorate/")]
    found["inspectors"] = [{"cookie": _session(u), **reading} for u in inspectors]
    found["contributors"] = []
    for user in _logins("contributor"):
        mine = Action.objects.visible_to(user).order_by("pk")[:400]
        actions = [a.pk for a in mine if allowed(user, PROGRESS, a)][:PER_USER]
        if actions and _reads(user, f"/actions/{actions[0]}/progress/"):
            found["contributors"].append({"cookie": _session(user), "actions": actions})
    found["services"] = []
    for user in _logins("yjs-manager"):
        assessments = SelfAssessment.objects.visible_to(user).order_by("pk")
        writable = [a.pk for a in assessments[:20] if allowed(user, CHANGE, a)]
        items = AssessedRecommendation.objects.filter(assessment_id__in=writable).order_by("pk")
        ids = list(items.values_list("pk", flat=True)[: PER_USER * 5])
        if ids and _reads(user, f"/self-assessments/items/{ids[0]}/"):
            found["services"].append({"cookie": _session(user), "items": ids})
    for kind, people in found.items():
        if not people:
            raise SystemExit(f"No seeded login can act as one of the {kind}")
    return found


def _serve(env: dict[str, str], workers: int, log: Path) -> tuple[subprocess.Popen[bytes], int]:
    import socket
    import time

    port = _free_port()
    command = [sys.executable, "-m", "gunicorn", "followthrough.wsgi", "--bind"]
    options = [f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "120"]
    with log.open("ab") as out:
        server = subprocess.Popen([*command, *options], env=env, stderr=out, stdout=out)  # noqa: S603
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


def _locust(
    env: dict[str, str], port: int, users: int, seconds: int, prefix: Path, *classes: str
) -> None:
    rate = max(1, min(users, 10))
    command = [sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless"]
    command += ["--host", f"http://127.0.0.1:{port}", "-u", str(users), "-r", str(rate)]
    command += ["-t", f"{seconds}s", "--csv", str(prefix), "--only-summary", "--loglevel"]
    command += ["WARNING", *classes]
    with Path(f"{prefix}.log").open("wb") as out:
        subprocess.run(command, env=env, check=False, stdout=out, stderr=out)  # noqa: S603


def _warm(port: int, plan: dict[str, list[dict[str, Any]]], workers: int) -> None:
    """Every worker's first requests import and compile what the pages need: made before the
    timing starts, as many at once as there are workers, so the figures are of a warm site."""
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    reader, inspector = plan["readers"][0], plan["inspectors"][0]
    contributor, service = plan["contributors"][0], plan["services"][0]
    visits = [(reader["cookie"], p) for p in ("/", "/reports/", "/organisations/")]
    visits += [(reader["cookie"], f"/reports/{reader['reports'][0]}/")]
    visits += [(reader["cookie"], f"/recommendations/{reader['recommendations'][0]}/")]
    visits += [(inspector["cookie"], "/inspectorate/")]
    visits += [(contributor["cookie"], f"/actions/{contributor['actions'][0]}/progress/")]
    visits += [(service["cookie"], f"/self-assessments/items/{service['items'][0]}/")]

    def visit(cookie: str, path: str) -> None:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{path}", headers={"Cookie": f"sessionid={cookie}"}
        )
        with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310 (loopback)
            response.read()

    with ThreadPoolExecutor(workers) as pool:
        for _ in range(2):
            list(pool.map(lambda v: visit(*v), visits * workers))


def _rows(prefix: Path) -> list[dict[str, str]]:
    if not Path(f"{prefix}_stats.csv").exists():
        print(Path(f"{prefix}.log").read_text(errors="replace")[-3000:], file=sys.stderr)
        raise SystemExit(f"locust stopped without figures: {prefix}.log")
    with Path(f"{prefix}_stats.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _show(rows: list[dict[str, str]]) -> int:
    """Prints the figures per page; returns the number of failures."""
    heads = f"{'requests':>8} {'failures':>8} {'p50':>8} {'p95':>8} {'p99':>8} {'req/s':>7}"
    print(f"  {'page':<26} {heads}")
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "all pages"
        print(
            f"  {name:<26} {row['Request Count']:>8} {row['Failure Count']:>8} "
            f"{row['50%']:>6}ms {row['95%']:>6}ms {row['99%']:>6}ms "
            f"{float(row['Requests/s']):7.1f}"
        )
    return sum(int(r["Failure Count"]) for r in rows if r["Name"] == "Aggregated")


def _failures(prefix: Path) -> None:
    path = Path(f"{prefix}_failures.csv")
    if path.exists():
        for row in list(csv.DictReader(path.open(encoding="utf-8")))[:10]:
            print(f"  failed: {row['Name']}: {row['Error']} ({row['Occurrences']}×)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=float(os.environ.get("LOAD_SCALE", 1.0)))
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("LOAD_SECONDS", 120)))
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--writers", help="writer counts in turn, e.g. 1,2,4,8,16")
    parser.add_argument("--var-dir", help="reuse a seeded data directory (SQLite)")
    args = parser.parse_args()
    env = _prepare(args.scale, args.var_dir)
    out = Path(tempfile.mkdtemp(prefix="load-"))
    plan = _plan()
    (out / "plan.json").write_text(json.dumps(plan))
    env["LOAD_PLAN"] = str(out / "plan.json")
    from django.db import connection

    workers = 2 * (os.cpu_count() or 1) + 1
    log = out / "gunicorn.log"
    server, port = _serve(env, workers, log)
    failures = 0
    try:
        _warm(port, plan, workers)
        where = f"scale {args.scale:g} on {connection.vendor}, {workers} gunicorn workers"
        if not args.writers:
            print(f"\nLoad: {args.users} users for {args.seconds} s, {where}", flush=True)
            _locust(env, port, args.users, args.seconds, out / "mixed", *MIXED)
            failures = _show(_rows(out / "mixed"))
            _failures(out / "mixed")
        else:
            counts = [int(n) for n in args.writers.split(",")]
            step = max(10, args.seconds // len(counts))
            print(f"\nWriters: progress posts without a pause, {step} s a step, {where}")
            for n in counts:
                locked_before = log.read_text(errors="replace").count("database is locked")
                _locust(env, port, n, step, out / f"writers-{n}", "WriterUser")
                rows = [r for r in _rows(out / f"writers-{n}") if r["Name"] == "progress post"]
                locked = log.read_text(errors="replace").count("database is locked")
                for row in rows:
                    print(
                        f"  {n:>3} writers: {row['Request Count']:>5} posts "
                        f"({float(row['Requests/s']):5.1f}/s), p50 {row['50%']} ms, "
                        f"p95 {row['95%']} ms, p99 {row['99%']} ms, "
                        f"{row['Failure Count']} failed, "
                        f'{locked - locked_before} "database is locked"',
                        flush=True,
                    )
                    failures += int(row["Failure Count"])
    finally:
        server.terminate()
        server.wait()
    print(f"  figures and the server's log in {out}")
    if failures:
        print(f"FAILED: {failures} requests failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
