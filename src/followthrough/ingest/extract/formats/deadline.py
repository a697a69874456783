"""A time limit on reading one document: a file small on the wire can still be built to keep
a reader busy for minutes (thousands of merged table cells, pages of drawing operators), and the
size limits do not see it. Readers check it between rows and pages and give up in one line."""

from __future__ import annotations

import time

from ..types import ExtractionError


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise ExtractionError(
                f"the document takes longer than {self.seconds:g} seconds to read: "
                "it is damaged or built to exhaust the reader"
            )
