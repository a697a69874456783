"""Anonymise closed cases past the retention period (CASE_RETENTION_YEARS, six years after the
order ends by default), keeping the aggregates; --dry-run lists them and changes nothing."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from followthrough.cases.services import case_anonymise, cases_due_for_retention


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list, change nothing")

    def handle(self, *args, **options):
        today = timezone.localdate()
        due = cases_due_for_retention(today=today, years=settings.CASE_RETENTION_YEARS)
        if options["dry_run"]:
            for case in due:
                self.stdout.write(f"Would anonymise {case.service.short_name} {case.reference}")
            self.stdout.write(f"{len(due)} cases are past the retention period")
            return
        with transaction.atomic():
            for case in due:
                case_anonymise(case=case, today=today)
        self.stdout.write(f"Anonymised {len(due)} cases past the retention period")
