"""`make bench`: extraction throughput and page timings, printed as figures (never asserted).
Resettlement casework at national size is in casework.py; `--only casework` runs just that; case
audits (200 cases × 150 criteria) are in audits.py, `--only audits`."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.ingest.renderings


def bench_extraction(corpus: Path) -> None:
    """Throughput per format: each corpus document as text, and rendered again as HTML, Word
    and PDF; the time covers reading the format and extracting (median of several runs)."""
    from followthrough.ingest.extract import ExtractionError, extract
    from followthrough.ingest.extract.formats import to_text
    from tests.ingest.renderings import RENDERERS

    files = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    if not files:
        print(f"extraction: no corpus at {corpus}; skipped")
        return
    formats = {"text": lambda text: text.encode(), **RENDERERS}
    runs_of = {"text": 20, "html": 10, "docx": 5, "pdf": 3}
    for fmt, render in formats.items():
        print(f"Extraction from {fmt}, {len(files)} documents from {corpus}")
        total_bytes, total_seconds = 0, 0.0
        for path in files:
            text = path.read_text()
            content = render(text)
            runs = []
            kind = ""
            for _ in range(runs_of[fmt]):
                start = time.perf_counter()
                try:
                    intermediate, _ = to_text(f"{path.stem}.{fmt}", content)
                    result = extract(intermediate, path.name)
                    kind = result.document.kind + ("" if result.supported else " (not read yet)")
                except ExtractionError as exc:
                    kind = f"refused: {exc}"
                runs.append(time.perf_counter() - start)
            median = statistics.median(runs)
            total_bytes += len(text.encode())
            total_seconds += median
            print(
                f"  {path.name:<28} {len(content) / 1024:7.1f} KiB {median * 1000:8.2f} ms  {kind}"
            )
        print(
            f"  throughput ({fmt}): {total_bytes / 1e6 / total_seconds:.2f} MB of text/s, "
            f"{total_seconds * 1000 / len(files):.2f} ms per document"
        )


def django_setup() -> None:
    """Django on a new SQLite database in a temporary directory, migrated."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followthrough.settings")
    os.environ["FOLLOWTHROUGH_VAR_DIR"] = tempfile.mkdtemp()
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def bench_pages() -> None:
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.test import Client

    from followthrough.ingest.sample import sample_action_plan
    from followthrough.ingest.services import document_ingest
    from followthrough.inspections.models import Report
    from followthrough.organisations.models import Organisation

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
    time_pages(
        client,
        [
            ("overview", "/"),
            ("reports", "/reports/"),
            ("report", f"/reports/{report.pk}/"),
            ("action plan", f"/reports/{report.pk}/action-plan/"),
            ("recommendation", f"/recommendations/{rec.pk}/"),
            ("progress report", f"/reports/{report.pk}/progress-report/"),
            ("search", "/search/?q=plan"),
            ("organisations", "/organisations/"),
            ("organisation", f"/organisations/{yjb.pk}/"),
        ],
        runs=10,
    )


def time_pages(client, pages: list[tuple[str, str]], *, runs: int) -> None:  # type: ignore[no-untyped-def]
    """Median time, query count and size of each page, one line each."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for name, url in pages:
        timings = []
        for _ in range(runs):
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = client.get(url)
                timings.append(time.perf_counter() - start)
            assert response.status_code == 200, url
        print(
            f"  {name:<15} {statistics.median(timings) * 1000:8.1f} ms "
            f"{len(ctx.captured_queries):3d} queries {len(response.content) / 1024:8.1f} KiB"
        )


def bench_exports_and_reminders() -> None:
    """Time to export the largest plan in each format, and to run reminders and the escalation
    ladder over at least 1,000 actions (email to Django's in-memory backend)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.test.utils import override_settings

    from followthrough.actionplans.models import Action, ActionPlan, Escalation, ReminderLog
    from followthrough.flows.escalation import escalations_run
    from followthrough.flows.reminders import reminders_send
    from followthrough.ingest.sample import sample_action_plan
    from followthrough.ingest.services import document_ingest
    from followthrough.inspections.models import Report
    from followthrough.organisations.models import Membership, Organisation
    from followthrough.reporting.exports import FORMATS
    from followthrough.reporting.exports.annual import ANNUAL_FORMATS
    from followthrough.reporting.selectors import annual_report

    text = sample_action_plan(
        title="A thematic inspection of a very large plan",
        today=date.today(),
        recommendations=200,
        seed=99,
    )
    with transaction.atomic():
        document_ingest(file_name="bench_large.txt", content=text.encode())
    plan = ActionPlan.objects.get(report__title__contains="very large plan")
    actions = Action.objects.filter(response__action_plan=plan).count()
    print(
        f"Exports of the largest plan ({plan.responses.count()} responses, {actions} actions), "
        "median of 3"
    )
    for fmt, (_, render_export) in FORMATS.items():
        runs, size = [], 0
        for _ in range(3):
            start = time.perf_counter()
            size = len(render_export(plan, today=date.today()))
            runs.append(time.perf_counter() - start)
        print(f"  {fmt:<5} {statistics.median(runs) * 1000:8.1f} ms {size / 1024:8.1f} KiB")
    user = get_user_model().objects.create_superuser("bench-root", password="bench-password-long")
    report = Report.objects.get(pk=plan.report_id)
    for fmt, (_, render_export) in ANNUAL_FORMATS.items():
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            size = len(render_export(annual_report(report, user=user, today=date.today())))
            runs.append(time.perf_counter() - start)
        print(
            f"  progress report {fmt:<5} {statistics.median(runs) * 1000:8.1f} ms "
            f"{size / 1024:8.1f} KiB"
        )

    for n, org in enumerate(Organisation.objects.filter(owned_actions__isnull=False).distinct()):
        contact = get_user_model().objects.create_user(
            f"contact-{n}", email=f"contact-{n}@example.invalid"
        )
        Membership.objects.create(user=contact, organisation=org, role="approver")
    open_actions = (
        Action.objects.filter(response__action_plan__status="published")
        .exclude(status__in=["completed", "withdrawn"])
        .count()
    )
    far = date.today() + timedelta(days=400)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        start = time.perf_counter()
        digests = reminders_send(as_of=far, dry_run=False)
        remind_seconds = time.perf_counter() - start
        start = time.perf_counter()
        with transaction.atomic():
            ladder = escalations_run(as_of=far, dry_run=False)
        ladder_seconds = time.perf_counter() - start
    covered = sum(d.count for d in digests)
    print(f"Reminders as if on {far}: {open_actions} open actions")
    print(
        f"  digests   {remind_seconds * 1000:8.1f} ms  {ReminderLog.objects.count()} digests "
        f"covering {covered} actions"
    )
    print(
        f"  escalation {ladder_seconds * 1000:7.1f} ms  {Escalation.objects.count()} rungs "
        f"raised, {len(ladder.emails)} emails"
    )


def bench_self_assessment() -> None:
    """A service's assessment of 100 recommendations × 10 lines of enquiry and 5 evidence sources:
    time to save one recommendation's answers, and to render its pages and exports."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.test import Client

    from followthrough.inspections.models import Recommendation, Report
    from followthrough.organisations.models import Membership, Organisation
    from followthrough.selfassessment.services import Evidence, assessment_start, item_save

    reports = []
    for r in range(10):
        report = Report.objects.create(title=f"A benchmark thematic number {r}")
        reports.append(report)
        Recommendation.objects.bulk_create(
            Recommendation(
                report=report,
                label=str(n + 1),
                order=n,
                addressee_text="YOT Management Boards",
                text=f"Keep practice area {n} under yearly review.",
                lines_of_enquiry=[f"Is element {q} of area {n} in place?" for q in range(10)],
                evidence_prompts=[f"Record {q} of area {n}" for q in range(5)],
            )
            for n in range(10)
        )
    service = Organisation.objects.create(
        name="Benchmark Youth Justice Service", short_name="Bench YJS", kind="youth_justice_service"
    )
    manager = get_user_model().objects.create_user("bench-yjs", password="bench-password-long")
    Membership.objects.create(user=manager, organisation=service, role="approver")
    with transaction.atomic():
        assessment = assessment_start(
            organisation=service,
            year=2026,
            actor=manager,
            recommendation_ids=Recommendation.objects.filter(report__in=reports).values_list(
                "pk", flat=True
            ),
        )
    saves = []
    for item in assessment.items.all():
        start = time.perf_counter()
        with transaction.atomic():
            item_save(
                item=item,
                version=item.version,
                rating="good",
                rationale="In place across the service",
                answers={q: ("partly" if q == 3 else "yes", "Half done") for q in range(10)},
                evidence={q: Evidence(held=q % 2 == 0, link="Drive") for q in range(5)},
                actor=manager,
            )
        saves.append(time.perf_counter() - start)
    print(
        f"Self-assessment ({assessment.items.count()} recommendations × 10 lines of enquiry, "
        f"5 evidence sources each): one recommendation saved in "
        f"{statistics.median(saves) * 1000:.1f} ms (median of {len(saves)})"
    )
    client = Client()
    client.force_login(manager)
    item = assessment.items.first()
    time_pages(
        client,
        [
            ("assessment", f"/self-assessments/{assessment.pk}/"),
            ("answer form", f"/self-assessments/items/{item.pk}/"),
            ("summary", f"/self-assessments/{assessment.pk}/summary/"),
            ("board", f"/self-assessments/{assessment.pk}/board/"),
            ("plan .docx", f"/self-assessments/{assessment.pk}/youth-justice-plan.docx"),
            ("answers .xlsx", f"/self-assessments/{assessment.pk}/answers.xlsx"),
        ],
        runs=5,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=os.environ.get("CORPUS", "../shared/corpus"))
    parser.add_argument(
        "--only",
        choices=["extraction", "pages", "casework", "audits", "audit-export"],
        help="run one part: pages includes exports, reminders and self-assessment (default all)",
    )
    parser.add_argument(
        "--profile", default="", help="casework: cProfile these pages, like caseload,national"
    )
    args = parser.parse_args()
    if args.only in (None, "extraction"):
        bench_extraction(Path(args.corpus))
        from pdf_tables import bench_pdf_tables  # benchmarks/pdf_tables.py, beside this file

        bench_pdf_tables()
    if args.only == "extraction":
        return 0
    django_setup()
    if args.only in (None, "pages"):
        bench_pages()
        bench_exports_and_reminders()
        bench_self_assessment()
    if args.only in (None, "casework"):
        from casework import bench_casework  # benchmarks/casework.py, beside this file

        bench_casework(profile=args.profile)
    if args.only in (None, "audits"):
        from audits import bench_audits  # benchmarks/audits.py, beside this file

        bench_audits()
    if args.only in (None, "audit-export"):
        from audit_export import bench_audit_export  # benchmarks/audit_export.py

        bench_audit_export(profile="audit-export" in args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
