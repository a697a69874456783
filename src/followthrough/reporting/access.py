"""The fetches reporting's views use: outsiders get 404."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404

from .models import Download


def get_download_for_user(user: Any, pk: uuid.UUID) -> Download:
    """A download, only for the person who asked for it: it holds what they could see."""
    if not user.is_authenticated:
        raise Http404
    download = Download.objects.filter(pk=pk, requested_by=user).first()
    if download is None:
        raise Http404
    return download
