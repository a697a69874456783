"""`make bench`: extraction throughput and page timings, printed as figures (never asserted)."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def bench_extraction(corpus: Path) -> None:
    from followthrough.ingest.extract import ExtractionError, extract

    files = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    if not files:
        print(f"extraction: no corpus at {corpus}; skipped")
        return
    print(f"Extraction (plain text), {len(files)} documents from {corpus}")
    total_bytes, total_seconds = 0, 0.0
    for path in files:
        text = path.read_text()
        runs = []
        for _ in range(20):
            start = time.perf_counter()
            try:
                result = extract(text, path.name)
                kind = result.document.kind + ("" if result.supported else " (not read yet)")
            except ExtractionError as exc:
                kind = f"refused: {exc}"
            runs.append(time.perf_counter() - start)
        median = statistics.median(runs)
        total_bytes += len(text.encode())
        total_seconds += median
        print(f"  {path.name:<28} {len(text) / 1024:7.1f} KiB {median * 1000:8.2f} ms  {kind}")
    print(
        f"  throughput: {total_bytes / 1e6 / total_seconds:.2f} MB/s, "
        f"{total_seconds * 1000 / len(files):.2f} ms per document (median of 20 runs)"
    )


def bench_pages() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followthrough.settings")
    tmp = tempfile.mkdtemp()
    os.environ["FOLLOWTHROUGH_VAR_DIR"] = tmp
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from followthrough.ingest.sample import sample_action_plan
    from followthrough.ingest.services import document_ingest
    from followthrough.inspections.models import Report
    from followthrough.organisations.models import Organisation

    call_command("migrate", verbosity=0)
    for n in range(20):
        text = sample_action_plan(
            title=f"A thematic inspection number {n}",
            today=date.today(),
            recommendations=50,
            seed=n,
        )
        with transaction.atomic():
            document_ingest(file_name=f"bench_{n}.txt", content=text.encode())
    user = get_user_model().objects.create_user("bench", password="bench-password-long")
    client = Client()
    client.force_login(user)
    report = Report.objects.order_by("pk").first()
    rec = report.recommendations.first()
    yjb = Organisation.objects.get(short_name="YJB")
    print("Pages (SQLite, 20 plans × 50 recommendations), median of 10 requests")
    for name, url in [
        ("overview", "/"),
        ("reports", "/reports/"),
        ("report", f"/reports/{report.pk}/"),
        ("action plan", f"/reports/{report.pk}/action-plan/"),
        ("recommendation", f"/recommendations/{rec.pk}/"),
        ("search", "/search/?q=plan"),
        ("organisations", "/organisations/"),
        ("organisation", f"/organisations/{yjb.pk}/"),
    ]:
        timings = []
        for _ in range(10):
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - start)
            assert response.status_code == 200
        print(
            f"  {name:<15} {statistics.median(timings) * 1000:8.1f} ms "
            f"{len(ctx.captured_queries):3d} queries"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=os.environ.get("CORPUS", "../shared/corpus"))
    args = parser.parse_args()
    bench_extraction(Path(args.corpus))
    bench_pages()
    return 0


if __name__ == "__main__":
    sys.exit(main())
