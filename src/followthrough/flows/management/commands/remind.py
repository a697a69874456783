"""Email each owning organisation one digest of its overdue and soon-due actions, then move
actions up or down the escalation ladder (owner, approver, inspectorate), and overdue tasks on
children's cases up theirs (owning agency, service managers, board pack).

Safe to repeat: an organisation gets at most one digest a day, and a rung is raised once.
--dry-run shows what would be sent and writes nothing; --as-of runs as if on another day."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from rich.console import Console
from rich.table import Table

from followthrough.flows.escalation import escalations_run
from followthrough.flows.reminders import reminders_send
from followthrough.flows.task_escalation import task_escalations_run


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
                str(d.overdue_count),
                str(d.due_soon_count),
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
        with transaction.atomic():
            ladder = escalations_run(as_of=day, dry_run=dry_run)
        steps = [0, 0, 0]
        for rung in ladder.raised:
            steps[rung.step - 1] += 1
        self.stdout.write(
            f"Escalation: {'would raise' if dry_run else 'raised'} {steps[0]} owner reminder(s), "
            f"{steps[1]} to approvers, {steps[2]} flagged to the inspectorate; "
            f"{len(ladder.cleared)} cleared; {len(ladder.emails)} email(s)"
            f"{' to send' if dry_run else ' sent'}"
        )
        with transaction.atomic():
            tasks = task_escalations_run(as_of=day, dry_run=dry_run)
        rungs = [0, 0, 0]
        for rung in tasks.raised:
            rungs[rung.step - 1] += 1
        self.stdout.write(
            f"Casework tasks: {'would raise' if dry_run else 'raised'} {rungs[0]} agency "
            f"reminder(s), {rungs[1]} to service managers, {rungs[2]} for the board pack; "
            f"{len(tasks.cleared)} cleared; {len(tasks.emails)} email(s)"
            f"{' to send' if dry_run else ' sent'}"
        )
