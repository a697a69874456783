"""Build a synthetic national dataset into an empty database: at --scale 1.0, 200 reports, 5,000
recommendations, 30,000 actions, about 60,000 progress updates (with target changes, reviews and
plan versions), 150 youth justice services with self-assessments, 60 logins across the demo
roles, and 5,000 resettlement cases with tasks and case audits. --scale 0.1 builds a tenth of
everything; the same --seed builds the same data.

It refuses a database that already holds reports, plans, cases or users, rather than mix made-up
records with real ones: migrate a new database (DATABASE_URL) first. DEMO_PASSWORD, when set, is
every synthetic login's password (usernames like inspector-01, yjs-manager-02); otherwise nobody
can sign in with one."""

from __future__ import annotations

import os
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from followthrough.flows.national_seed import (
    Sizes,
    database_holds_data,
    planned_steps,
    seed_national,
)


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1.0 is national size (default)"
        )
        parser.add_argument("--seed", type=int, default=18, help="the same seed, the same data")
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would be built; write nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scale = options["scale"]
        if not 0 < scale <= 10:
            raise CommandError("Enter a scale above 0 and up to 10, like 1.0 or 0.1")
        sizes = Sizes.at(scale)
        if options["dry_run"]:
            self.stdout.write(
                f"Would build {sizes.reports:,} reports, {sizes.recommendations:,} "
                f"recommendations, {sizes.actions:,} actions, {sizes.services:,} services, "
                f"{sizes.users:,} users and {sizes.cases:,} cases; nothing written"
            )
            return
        if database_holds_data():
            raise CommandError(
                "The database already holds reports, plans, cases or users: seed_national "
                "builds only into a new, migrated database"
            )
        started = time.perf_counter()
        columns = (TextColumn("Building the national dataset"), BarColumn(), TimeElapsedColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("seed", total=planned_steps(sizes))
            with transaction.atomic():
                built = seed_national(
                    scale=scale,
                    seed=options["seed"],
                    today=timezone.localdate(),
                    password=os.environ.get("DEMO_PASSWORD") or None,
                    advance=lambda n: progress.advance(task, n),
                )
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Built {built.summary()} into {connection.vendor} in {seconds:.0f} s "
            f"(scale {scale:g}, seed {options['seed']})"
        )
