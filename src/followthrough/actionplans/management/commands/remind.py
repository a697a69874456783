"""Email each owning organisation one digest of its overdue and soon-due actions.

Safe to repeat: an organisation gets at most one digest a day. --dry-run shows what would be
sent and writes nothing; --as-of runs the reminders as if on another day."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console
from rich.table import Table

from followthrough.actionplans.flows import reminders_send


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--as-of", metavar="YYYY-MM-DD")

    def handle(self, *args, dry_run: bool, as_of: str | None, **options):
        try:
            day = date.fromisoformat(as_of) if as_of else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"--as-of must be a date like 2026-03-31, not {as_of!r}") from exc
        digests = reminders_send(as_of=day, dry_run=dry_run)
        table = Table(title=f"Reminders as at {day:%-d %B %Y}{' (dry run)' if dry_run else ''}")
        for column in ("Organisation", "Overdue", "Due soon", "Recipients", "Result"):
            table.add_column(column)
        for d in digests:
            table.add_row(
                d.organisation.short_name,
                str(len(d.overdue)),
                str(len(d.due_soon)),
                str(len(d.recipients)),
                d.status,
            )
        if options["verbosity"] > 0:
            Console(file=self.stdout._out).print(table)
        sent = [d for d in digests if d.status in ("sent", "would send")]
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(
            f"{verb} {len(sent)} digest{'s' if len(sent) != 1 else ''} covering "
            f"{sum(d.count for d in sent)} actions; "
            f"{len(digests) - len(sent)} organisation(s) skipped"
        )
