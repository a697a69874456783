"""Give the demo youth justice service its thirty synthetic resettlement cases (NB-0001 to
NB-0030) in every phase. Safe to repeat: a service that already holds cases is left alone."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from followthrough.flows.demo_cases import demo_cases_ensure


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        made = demo_cases_ensure(today=timezone.localdate())
        if made:
            self.stdout.write(f"Made {len(made)} synthetic cases, {made[0]} to {made[-1]}")
        else:
            self.stdout.write("The demo service already holds cases; nothing changed.")
