"""Print documents' extraction as JSON (shared/spec/EXTRACT.md); the database is untouched."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from followthrough.ingest.services import IngestError, document_extract


class Command(BaseCommand):
    help = __doc__
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args, files: list[str], **options):
        results = []
        for name in files:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"{name}: no such file")
            try:
                results.append(
                    document_extract(file_name=path.name, content=path.read_bytes()).to_dict()
                )
            except IngestError as exc:
                raise CommandError(str(exc)) from exc
        payload = results[0] if len(results) == 1 else results
        self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))
