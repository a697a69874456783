"""The schema is OpenAPI 3.1 and names every endpoint; the docs page loads only the site's own
files, so the content security policy needs nothing inline."""

from __future__ import annotations

import re


def test_the_schema_is_openapi_3_1_with_every_endpoint_and_the_token_scheme(client, db):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"] == "3.1.0"
    assert set(schema["paths"]) >= {
        "/api/reports/",
        "/api/reports/{id}/",
        "/api/recommendations/",
        "/api/recommendations/{id}/",
        "/api/action-plans/",
        "/api/action-plans/{id}/",
        "/api/organisations/",
        "/api/organisations/{id}/",
        "/api/responses/{id}/record/",
        "/api/responses/{id}/actions/",
        "/api/actions/{id}/edit/",
        "/api/actions/{id}/progress/",
        "/api/actions/{id}/target-revisions/",
        "/api/target-revisions/{id}/decision/",
        "/api/self-assessment-items/{id}/answers/",
        "/api/cases/by-reference/{reference}/",
        "/api/tasks/{id}/",
        "/api/tasks/{id}/update/",
    }
    assert schema["components"]["securitySchemes"]["personalToken"]["scheme"] == "bearer"
    detail = schema["paths"]["/api/action-plans/{id}/"]["get"]["responses"]
    assert {"200", "401", "404"} <= set(detail)
    assert "application/problem+json" in detail["404"]["content"]
    action = schema["components"]["schemas"]["Action"]["properties"]
    assert {"state", "due_date", "version"} <= set(action)
    put = schema["paths"]["/api/responses/{id}/record/"]["put"]
    assert {"200", "412", "428"} <= set(put["responses"])
    assert any(p["name"] == "If-Match" and p["required"] for p in put["parameters"])
    post = schema["paths"]["/api/actions/{id}/progress/"]["post"]
    assert any(p["name"] == "Idempotency-Key" for p in post["parameters"])
    upsert = schema["paths"]["/api/cases/by-reference/{reference}/"]["put"]
    assert {"200", "201", "412", "428"} <= set(upsert["responses"])
    # Opening a case needs no If-Match; updating one does (the view answers 428 without it).
    assert any(p["name"] == "If-Match" and not p.get("required") for p in upsert["parameters"])


def test_the_docs_page_uses_only_the_sites_own_scripts_and_styles(client, db):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "an inline script"
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/static/") or s.startswith("/api/docs/") for s in sources)
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert "/api/schema/" in script.content.decode()
