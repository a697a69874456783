"""One-time form tokens, so that a double click (or a nervous second press) creates one thing.

Every form that creates carries a fresh random token (`{% once_field %}`). The view is run in
one transaction that first claims the token: a second post with the same token waits for the
first to finish, then goes where the first went instead of creating again. A post that saved
nothing (the form came back with its errors) does not spend the token."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from .models import FormSubmission

FIELD = "once"
TOKEN = re.compile(r"[0-9a-f]{32}")
DONE = (301, 302, 303)


def once_token() -> str:
    return uuid.uuid4().hex


def once_per_token(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run a creating view at most once per token. A view whose success is not a redirect (an
    htmx fragment) marks it by setting `response.once_done = True`."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        token = str(request.POST.get(FIELD, ""))
        if request.method != "POST" or not TOKEN.fullmatch(token):
            return view(request, *args, **kwargs)
        with transaction.atomic():
            claim = FormSubmission.objects.filter(user_id=request.user.pk, token=token)
            try:
                with transaction.atomic():
                    FormSubmission.objects.create(user_id=request.user.pk, token=token)
            except IntegrityError:
                sent = claim.select_for_update().first()
                if sent is not None and sent.then:
                    return _already(request, sent.then)
            response = view(request, *args, **kwargs)
            if response.status_code in DONE or getattr(response, "once_done", False):
                then = response.get("Location", "") or request.get_full_path()
                claim.update(then=then[:500])
            return response

    return wrapped


def _already(request: HttpRequest, then: str) -> HttpResponse:
    if request.headers.get("HX-Request"):
        return HttpResponse(status=204)  # the first post's answer is already on the page
    messages.info(request, "That form was sent twice: it was saved once")
    return redirect(then)
