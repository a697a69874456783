"""Ingest documents (files or directories of them): each one is stored whole or not at all.

The same file twice changes nothing; --replace re-imports a file whose text has changed.
--review shows what was read from each file and asks whether to import it, discard it, or
leave it for correction in the web app (/imports/).
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from followthrough.ingest.review import review_commit, review_discard, review_start
from followthrough.ingest.services import (
    AlreadyImported,
    IngestError,
    IngestResult,
    document_ingest,
)


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
            except AlreadyImported as exc:
                errors.append(f"{exc}; use --replace to re-import it")
            except IngestError as exc:
                errors.append(str(exc))
            progress.advance(task)
    if results and connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh planner statistics after a bulk load
            cursor.execute("ANALYZE")
    return results, errors


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE")
        parser.add_argument(
            "--replace", action="store_true", help="re-import files already ingested"
        )
        parser.add_argument(
            "--review", action="store_true", help="show what was read and ask before storing"
        )

    def handle(self, *args, paths: list[str], replace: bool, review: bool, **options):
        if review:
            return self.review(expand(paths))
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

    def review(self, files: list[Path]) -> None:
        console = Console(file=self.stdout._out)
        errors = []
        for path in files:
            try:
                with transaction.atomic():
                    pending = review_start(
                        file_name=path.name, content=path.read_bytes(), actor=None
                    )
            except IngestError as exc:
                errors.append(str(exc))
                continue
            console.print(review_table(pending))
            for warning in pending.extraction.get("warnings", []):
                console.print(f"  warning: {warning}")
            self.stdout.write(
                f"Import {path.name} (i), discard it (d), or leave it for review at "
                f"/imports/{pending.pk}/ (l)? [l] ",
                ending="",
            )
            answer = (sys.stdin.readline() or "l").strip().lower()[:1]
            with transaction.atomic():
                if answer == "i":
                    result = review_commit(review=pending, posted={}, actor=None)
                    self.stdout.write(result.summary)
                elif answer == "d":
                    review_discard(review=pending, actor=None)
                    self.stdout.write(f"{path.name}: discarded; nothing stored")
                else:
                    self.stdout.write(f"{path.name}: waiting for review at /imports/{pending.pk}/")
        if errors:
            for error in errors[:-1]:
                self.stderr.write(error)
            raise CommandError(errors[-1])


def review_table(pending) -> Table:  # type: ignore[no-untyped-def]
    extraction = pending.extraction
    document = extraction.get("document") or {}
    title = document.get("title") or document.get("report_title") or pending.file_name
    table = Table(title=f"{pending.file_name}: {title}")
    for column in ("Rec", "Addressed to", "Decision", "Owners and targets"):
        table.add_column(column)
    for rec in extraction.get("recommendations", []):
        response = rec.get("response") or {}
        actions = "; ".join(
            f"{a.get('owner') or 'no owner'} – {a.get('target_text') or 'no target'}"
            for a in response.get("actions", [])
        )
        label = ("A" if rec.get("section") == "additional" else "") + str(rec.get("label"))
        table.add_row(label, rec.get("addressee") or "", response.get("decision") or "", actions)
    return table
