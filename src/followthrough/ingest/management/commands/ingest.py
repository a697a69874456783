"""Ingest documents (files or directories of them): each one is stored whole or not at all.

The same file twice changes nothing; --replace re-imports a file whose text has changed.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rich.console import Console
from rich.progress import Progress

from followthrough.ingest.services import IngestError, IngestResult, document_ingest


def expand(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            )
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"{name}: no such file or directory")
    return files


def ingest_files(
    files: list[Path], *, replace: bool, console: Console, show_progress: bool = True
) -> tuple[list[IngestResult], list[str]]:
    results: list[IngestResult] = []
    errors: list[str] = []
    with Progress(console=console, transient=True, disable=not show_progress) as progress:
        task = progress.add_task("Ingesting", total=len(files))
        for path in files:
            progress.update(task, description=f"Ingesting {path.name}")
            try:
                with transaction.atomic():
                    results.append(
                        document_ingest(
                            file_name=path.name, content=path.read_bytes(), replace=replace
                        )
                    )
            except IngestError as exc:
                errors.append(str(exc))
            progress.advance(task)
    return results, errors


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE")
        parser.add_argument(
            "--replace", action="store_true", help="re-import files already ingested"
        )

    def handle(self, *args, paths: list[str], replace: bool, **options):
        console = Console(file=self.stderr._out)
        results, errors = ingest_files(
            expand(paths), replace=replace, console=console, show_progress=options["verbosity"] > 0
        )
        for result in results:
            self.stdout.write(result.summary)
            for warning in result.warnings if options["verbosity"] > 1 else []:
                self.stdout.write(f"  warning: {warning}")
        if errors:
            for error in errors[:-1]:
                self.stderr.write(error)
            raise CommandError(errors[-1])
