"""Load the demo's documents: the corpus directory if there is one, else a generated sample."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console

from followthrough.ingest.management.commands.ingest import expand, ingest_files
from followthrough.ingest.sample import sample_action_plan
from followthrough.organisations.services import organisations_ensure_known


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default="../shared/corpus")

    def handle(self, *args, corpus: str, **options):
        organisations_ensure_known()
        directory = Path(corpus)
        if directory.is_dir():
            files = expand([str(directory)])
        else:
            self.stdout.write(
                f"No corpus at {directory}; loading a small generated sample instead."
            )
            sample = Path(tempfile.mkdtemp()) / "sample_action_plan.txt"
            sample.write_text(
                sample_action_plan(
                    title="A thematic inspection of sample resettlement work", today=date.today()
                )
            )
            files = [sample]
        results, errors = ingest_files(files, replace=False, console=Console(file=self.stderr._out))
        for result in results:
            self.stdout.write(result.summary)
        if errors:
            raise CommandError("; ".join(errors))
