"""Import a service's cases (and their tasks) from the documented CSV layout, or an Excel
workbook in the same layout such as the caseload export (docs/casework.md). Every row is checked
first; errors are listed as "Row 12, column release_date: …" and nothing is written.
Re-importing updates cases by reference."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from rich.console import Console

from followthrough.cases.imports import cases_import
from followthrough.organisations.models import Organisation


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--service", required=True, help="the youth justice service's name")
        parser.add_argument("file", help="the CSV file or Excel workbook")

    def handle(self, *args, **options):
        name = options["service"].strip()
        service = Organisation.objects.filter(
            Q(name__iexact=name) | Q(short_name__iexact=name),
            kind=Organisation.Kind.YOUTH_JUSTICE_SERVICE,
        ).first()
        if service is None:
            raise CommandError(f"No youth justice service is called {name!r}")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        console = Console(stderr=True)
        with console.status(f"Checking {path.name}"), transaction.atomic():
            report = cases_import(
                service=service, content=path.read_bytes(), actor=None, today=timezone.localdate()
            )
            if report.errors:
                transaction.set_rollback(True)
        if report.errors:
            for error in report.errors[:50]:
                self.stderr.write(error)
            more = len(report.errors) - 50
            raise CommandError(
                f"{path.name}: {len(report.errors)} errors, nothing imported"
                + (f" ({more} more not shown)" if more > 0 else "")
            )
        self.stdout.write(
            f"{path.name}: {report.cases_opened} cases opened, {report.cases_updated} updated; "
            f"{report.tasks_added} tasks added, {report.tasks_updated} updated"
        )
