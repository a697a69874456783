"""Run background tasks as they are queued (downloads, imports, deliveries), and queue the daily
reminder digest and escalation once a day from DAILY_RUN_HOUR (Europe/London).

The day's run is recorded before it is queued, so a restarted worker does not run it twice.
--once queues what is due, runs everything waiting and stops (for a scheduler or a test)."""

from __future__ import annotations

import time
from datetime import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from followthrough.flows.models import ScheduledRun
from followthrough.flows.services import scheduled_run_start


def queue_daily_work(now: datetime) -> list[ScheduledRun]:
    """Start today's run of each daily job that is due and not yet started."""
    local = timezone.localtime(now)
    if local.hour < settings.DAILY_RUN_HOUR:
        return []
    started = [scheduled_run_start(job=job, day=local.date()) for job in ScheduledRun.Job.values]
    return [run for run in started if run is not None]


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run what is due, then stop")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between looks at the queue"
        )

    def handle(self, *args, once: bool, interval: float, **options):
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"followthrough-{get_random_string(12)}",
            excluded_queue_names=[],
        )
        if not once:
            # Ctrl-C or SIGTERM lets the task in hand finish, then stops.
            worker.configure_signals()
        while True:
            queued = queue_daily_work(timezone.now())
            for run in queued:
                self.stdout.write(f"Queued {run}")
            worker.run()
            if once or not worker.running:
                break
            time.sleep(interval)
        self.stdout.write(
            f"Ran {worker._run_tasks} task{'s' if worker._run_tasks != 1 else ''}; "
            f"queued {len(queued)} daily job{'s' if len(queued) != 1 else ''}"
        )
