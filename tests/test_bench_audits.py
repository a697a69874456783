"""`make bench`'s case audits build an audit the pages can read: each page it times answers, and
with the same number of queries for a bigger audit (issue 14)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "audits.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_audits", PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def _queries(client, pages):
    counts = []
    for _, reader, url in pages:
        client.force_login(reader)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, url
        counts.append(len(ctx.captured_queries))
    return counts


def test_the_benchmark_audit_pages_answer_with_flat_query_counts(db, client):
    bench = _bench()
    service, users = bench._service()
    small = bench.build("ts", (3, 2, 1), service, users)
    bigger = bench.build("tb", (9, 3, 11), service, users)
    assert bigger.audit.cases.filter(double_marked=True).count() == 3
    assert bigger.marking_case.first_done_on is None and bigger.criteria == 33
    assert _queries(client, bench.pages(small)) == _queries(client, bench.pages(bigger))
