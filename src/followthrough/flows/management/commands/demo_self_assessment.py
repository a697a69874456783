"""Give the demo youth justice service its self-assessments: last year's signed off and shared
with the inspectorate, this year's part-way through. Safe to repeat."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from followthrough.flows.demo import demo_assessments_ensure


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        made = demo_assessments_ensure(today=timezone.localdate())
        for assessment in made:
            self.stdout.write(
                f"Made {assessment}: {assessment.items.count()} recommendations, "
                f"{assessment.items.exclude(rating='').count()} rated"
            )
        if not made:
            self.stdout.write("The demo self-assessments are already there; nothing changed.")
