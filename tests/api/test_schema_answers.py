"""The schema documents every answer the writes give (api/schema_hooks.py), so that other
systems, and schemathesis in test_fuzz_schema.py, can hold the API to it."""

from __future__ import annotations


def test_the_schema_documents_the_refusals_and_etags_writes_give(client, db):
    paths = client.get("/api/schema/?format=json").json()["paths"]
    record = paths["/api/responses/{id}/record/"]["put"]["responses"]
    assert {"412", "415", "428"} <= set(record)
    assert "application/problem+json" in record["428"]["content"]
    assert "ETag" in record["200"]["headers"] and "ETag" in record["412"]["headers"]
    create = paths["/api/responses/{id}/actions/"]["post"]["responses"]
    assert "422" in create and "Idempotent-Replayed" in create["201"]["headers"]
    assert "404" in paths["/api/reports/"]["get"]["responses"]  # a cursor it did not give
