"""Give the demo youth justice service its case audits on the 2015 resettlement thematic's
criteria: last year's, finished (twenty cases, five marked twice, every difference settled) and
shared with the inspectorate, and this half-year's, part-way through its marking. Adds closed
synthetic cases NB-0031 to NB-0048 for last year's sample. Safe to repeat: a service that
already has audits is left alone; without an ingested report with findings tables, nothing is
made."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from followthrough.flows.demo_audits import demo_audits_ensure


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        self.stdout.write(demo_audits_ensure(today=timezone.localdate()).note)
