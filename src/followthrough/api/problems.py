"""Every API error as RFC 9457 problem details (application/problem+json): type, title, status,
detail, and `errors` by field in the forms' own wording."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

CONTENT_TYPE = "application/problem+json"
TITLES = {
    400: "There is a problem",
    401: "Sign in or give a token",
    403: "You cannot do this",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    412: "The record has changed",
    415: "Unsupported media type",
    422: "The Idempotency-Key was used for another request",
    428: "Send If-Match",
    429: "Too many requests",
}


def _messages(detail: Any) -> Any:
    if isinstance(detail, dict):
        return {key: _messages(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [str(item) for item in detail]
    return [str(detail)]


def not_found_problem() -> dict[str, Any]:
    return {
        "type": "about:blank",
        "title": TITLES[404],
        "status": 404,
        "detail": "There is nothing here, or you cannot see it",
    }


def problem(status_code: int, detail: str, errors: dict[str, Any] | None = None) -> Response:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status_code, "Error"),
        "status": status_code,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return Response(body, status=status_code, content_type=CONTENT_TYPE)


def problem_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = response.status_code
    if isinstance(exc, exceptions.ValidationError):
        errors = _messages(exc.detail)
        if not isinstance(errors, dict):
            errors = {"non_field_errors": errors}
        answer = problem(code, "Correct the errors and try again", errors)
    elif isinstance(exc, Http404 | exceptions.NotFound):
        answer = Response(not_found_problem(), status=404, content_type=CONTENT_TYPE)
    elif isinstance(exc, PermissionDenied):
        answer = problem(status.HTTP_403_FORBIDDEN, "You cannot do this")
    else:
        detail = getattr(exc, "detail", str(exc))
        answer = problem(code, str(detail))
    for header in ("WWW-Authenticate", "Allow", "Retry-After"):
        if header in response:
            answer[header] = response[header]
    return answer


PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "description": "The messages for each field refused, in the forms' wording.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["type", "title", "status", "detail"],
}


def document_problems(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: every operation may answer these problems."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    problem_ref = {CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    # 404 everywhere: someone the page's rule does not admit is told there is nothing there,
    # on a collection (a service's board pack) as on a record.
    codes = [400, 401, 403, 404, 405, 429]
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for code in codes:
                operation["responses"].setdefault(
                    str(code), {"description": TITLES[code], "content": problem_ref}
                )
            for code, answer in operation["responses"].items():
                # The writes' own refusals (412, 422, 428) are problems too.
                if int(code) in TITLES and "content" not in answer:
                    answer.update(description=TITLES[int(code)], content=problem_ref)
    return result
