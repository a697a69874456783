"""A drf-spectacular postprocessing hook, run after `problems.document_problems`: the schema says
everything the API really answers, so that other systems (and schemathesis, in
tests/api/test_fuzz_schema.py) can hold it to its word. Writes that need If-Match document 412
and 428, creating writes that take an Idempotency-Key document 422 and the replay header, every
request with a body documents 415, cursor-paginated lists document 404 for a cursor they did not
give, and every answer carrying a versioned record documents its ETag."""

from __future__ import annotations

from typing import Any

from .problems import CONTENT_TYPE, TITLES

BODY_METHODS = {"post", "put", "patch"}
ETAG = {
    "description": 'The record\'s version as an entity tag, e.g. "3": send it in If-Match',
    "schema": {"type": "string"},
}
REPLAYED = {
    "description": "true when the answer is the one first given for this Idempotency-Key",
    "schema": {"type": "string", "enum": ["true"]},
}


def _names(operation: dict[str, Any], where: str) -> set[str]:
    return {p["name"] for p in operation.get("parameters", []) if p.get("in") == where}


def _refused(operation: dict[str, Any], method: str) -> set[int]:
    """The problems this operation can answer beyond those every operation documents."""
    headers, query = _names(operation, "header"), _names(operation, "query")
    codes: set[int] = set()
    if "If-Match" in headers:
        codes |= {412, 428}
    if "Idempotency-Key" in headers:
        codes.add(422)
    if method in BODY_METHODS:
        codes.add(415)
    if "cursor" in query:
        codes.add(404)  # a cursor this API did not give
    return codes


def _versioned(content: dict[str, Any], schemas: dict[str, Any]) -> bool:
    """Whether an answer's body is a record carrying its version (so the answer has an ETag)."""
    for media in content.values():
        ref = media.get("schema", {}).get("$ref", "")
        found = schemas.get(ref.rsplit("/", 1)[-1], {}) if ref else media.get("schema", {})
        if "version" in found.get("properties", {}):
            return True
    return False


def document_conformance(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    schemas = result.get("components", {}).get("schemas", {})
    problem_ref = {CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code in sorted(_refused(operation, method)):
                responses.setdefault(str(code), {"description": TITLES[code]})
                responses[str(code)].setdefault("content", problem_ref)
            idempotent = "Idempotency-Key" in _names(operation, "header")
            for code, answer in responses.items():
                headers = answer.setdefault("headers", {})
                if code == "412" or (
                    code.startswith("2") and _versioned(answer.get("content", {}), schemas)
                ):
                    headers.setdefault("ETag", ETAG)
                if idempotent and code.startswith("2"):
                    headers.setdefault("Idempotent-Replayed", REPLAYED)
                if not headers:
                    del answer["headers"]
    return result
