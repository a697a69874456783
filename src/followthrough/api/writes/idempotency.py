"""`Idempotency-Key` on the API's creating POSTs: the same key from the same person with the same
body creates once and answers the first response again; the same key with a different body is
refused (422). A second, simultaneous request with the key waits for the first (the claim is a
row with a unique key, locked until the first request's transaction ends), then answers as the
first did. A request that creates nothing does not spend its key."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db import transaction
from rest_framework import exceptions, status
from rest_framework.response import Response

from ..problems import problem
from ..services import idempotency_claim, idempotency_release, idempotency_settle
from .concurrency import with_etag

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
LONGEST = 255


def request_hash(request: Any) -> str:
    """What makes two requests the same: method, address and body (keys in any order), a file
    by its name and the digest of its bytes."""
    data: Any = request.data
    if request.FILES:
        data = {k: v for k, v in request.data.items() if k not in request.FILES}
        for name, upload in request.FILES.items():
            digest = hashlib.sha256(b"".join(upload.chunks())).hexdigest()
            data[name] = f"{upload.name} sha256:{digest}"
    body = json.dumps(data, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(f"{request.method} {request.path}\n{body}".encode()).hexdigest()


def replay(status_code: int, body: Any) -> Response:
    answer = Response(body, status=status_code)
    answer[REPLAYED] = "true"
    if isinstance(body, dict) and isinstance(body.get("version"), int):
        with_etag(answer, body["version"])
    return answer


def idempotent(handler: Callable[..., Response]) -> Callable[..., Response]:
    """Wrap a creating handler (`post`) of an APIView."""

    @wraps(handler)
    def wrapped(view: Any, request: Any, *args: Any, **kwargs: Any) -> Response:
        key = request.headers.get(HEADER, "").strip()
        if not key:
            return handler(view, request, *args, **kwargs)
        if len(key) > LONGEST:
            raise exceptions.ValidationError(
                {HEADER: [f"The Idempotency-Key must be {LONGEST} characters or fewer"]}
            )
        digest = request_hash(request)
        with transaction.atomic():
            claim, new = idempotency_claim(user=request.user, key=key, request_hash=digest)
            if not new and claim.request_hash != digest:
                return problem(
                    status.HTTP_422_UNPROCESSABLE_ENTITY,
                    "This Idempotency-Key was sent before with a different request. Use a new "
                    "key for each new request",
                )
            if not new and claim.status is not None:
                return replay(claim.status, claim.body)
            answer = handler(view, request, *args, **kwargs)
            if status.is_success(answer.status_code):
                idempotency_settle(claim=claim, status=answer.status_code, body=answer.data)
            else:
                idempotency_release(claim=claim)
            return answer

    return wrapped
