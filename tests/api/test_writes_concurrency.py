"""The same Idempotency-Key sent eight times at once creates once: the key is claimed in the
request's own transaction, so the others wait for the first and answer as it did. Real threads
against a real file database, in a process of its own."""

from __future__ import annotations

from tests.core.test_sqlite_concurrency import ON_SQLITE, run_script


@ON_SQLITE
def test_eight_simultaneous_requests_with_one_key_make_one_update(tmp_path):
    out = run_script("../api/double_requests.py", tmp_path)
    assert out.strip() == "updates=1 codes=" + ",".join(["201"] * 8) + " replayed=7", out
