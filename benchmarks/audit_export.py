"""The audit trail's CSV download at national size (`--only audit-export`): about 370,000
entries (changes to 30,000 actions' history plus events), streamed through the export view on
SQLite. Figures, never assertions: time to the first bytes, total time, size and queries."""

from __future__ import annotations

import os
import time
from datetime import date, timedelta

# AUDIT_EXPORT_SCALE=0.1 for a quick run at a tenth of the size.
SCALE = float(os.environ.get("AUDIT_EXPORT_SCALE", "1"))
HISTORY = int(300_000 * SCALE)
EVENTS = int(70_000 * SCALE)


def bench_audit_export(*, profile: bool = False) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from followthrough.actionplans.models import Action
    from followthrough.core.models import DomainEvent
    from followthrough.ingest.sample import sample_action_plan
    from followthrough.ingest.services import document_ingest

    if not Action.objects.exists():
        text = sample_action_plan(
            title="An audit export benchmark plan", today=date.today(), recommendations=120, seed=7
        )
        with transaction.atomic():
            document_ingest(file_name="bench_audit.txt", content=text.encode())
    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser(
            "bench-audit", password="bench-password-long"
        )
    history = Action.history.model
    versions = list(history.objects.values())
    start = timezone.now() - timedelta(days=400)
    made = 0
    with transaction.atomic():
        while made < HISTORY:
            batch = []
            for n in range(min(10_000, HISTORY - made)):
                base = dict(versions[(made + n) % len(versions)])
                del base["history_id"]
                base.update(
                    target_text=f"Revised target {made + n}",
                    history_date=start + timedelta(seconds=(made + n) * 60),
                    history_type="~",
                    history_user_id=user.pk,
                )
                batch.append(history(**base))
            history.objects.bulk_create(batch)
            made += len(batch)
        action_type = ContentType.objects.get_for_model(Action)
        ids = [v["id"] for v in versions]
        DomainEvent.objects.bulk_create(
            [
                DomainEvent(
                    content_type=action_type,
                    object_id=ids[n % len(ids)],
                    code="actionplans.action.completed",
                    actor_id=user.pk,
                    data={"from": "in_progress", "to": "completed"},
                )
                for n in range(EVENTS)
            ],
            batch_size=10_000,
        )
    client = Client()
    client.force_login(user)
    print(f"Audit export: {history.objects.count() + DomainEvent.objects.count()} entries stored")
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    connection.queries_log.clear()  # the inserts above filled the log's 9,000 places
    with CaptureQueriesContext(connection) as queries:
        began = time.perf_counter()
        response = client.get("/audit/export.csv")
        first, size, lines = None, 0, 0
        for block in response.streaming_content:
            if first is None:
                first = time.perf_counter() - began
            size += len(block)
            lines += block.count(b"\n")
        total = time.perf_counter() - began
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    print(
        f"  /audit/export.csv  first bytes {(first or 0) * 1000:7.0f} ms, all {total:6.1f} s, "
        f"{size / 1e6:6.1f} MB, {lines} lines (with line breaks inside cells), "
        f"{len(queries)} queries"
    )
