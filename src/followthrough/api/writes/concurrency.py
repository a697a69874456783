"""Optimistic concurrency over HTTP. A versioned record's ETag is its version as a strong
entity tag (`"3"`); a write to it must send that tag in `If-Match`. No If-Match is 428; a tag that
is not the record's current version is 412, with the current version and ETag in the body. The
services refuse stale versions themselves (`core.concurrency.StaleEdit`): this only maps them."""

from __future__ import annotations

import re
from typing import Any

from rest_framework import exceptions, status
from rest_framework.response import Response

from ..problems import problem

TAG = re.compile(r'\s*(?:W/)?"(\d{1,10})"\s*')


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = 'Send the record\'s ETag in an If-Match header, for example If-Match: "3"'
    default_code = "precondition_required"


def etag(version: int) -> str:
    return f'"{version}"'


def with_etag(response: Response, version: int) -> Response:
    response["ETag"] = etag(version)
    return response


def stale(current_version: int) -> Response:
    """The 412 answer: someone saved the record since the caller read it."""
    answer = problem(
        status.HTTP_412_PRECONDITION_FAILED,
        "Someone else saved this record after you read it. Read it again, then send your "
        "change with its new ETag",
    )
    answer.data.update({"version": current_version, "etag": etag(current_version)})
    return with_etag(answer, current_version)


def version_asked(request: Any) -> int | None:
    """The version the caller's If-Match names: 428 if none is sent, None if the tag is not one
    this API gave (the caller then gets 412 with the current version)."""
    header = request.headers.get("If-Match", "")
    if not header.strip():
        raise PreconditionRequired
    match = TAG.fullmatch(header)
    return int(match.group(1)) if match else None
