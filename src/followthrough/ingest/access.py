"""Fetching source documents and import reviews for a user: outsiders get 404, never a hint."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from followthrough.actionplans.models import ActionPlan
from followthrough.core.access import allowed
from followthrough.core.models import SourceDocument

from .models import ImportReview, ImportUpload


def get_source_document_for_user(user: Any, pk: int) -> SourceDocument:
    """A document records were read from; the text of a draft plan is for its organisation and
    the inspectorate, like the plan itself."""
    document = get_object_or_404(SourceDocument, pk=pk)
    plans = ActionPlan.objects.filter(source=document)
    if plans.exists() and not plans.visible_to(user).exists():
        raise Http404
    return document


def get_import_review_for_user(user: Any, pk: int) -> ImportReview:
    """An import under review, for those who import documents (the inspectorate)."""
    if not allowed(user, "organisations.use_inspectorate_pages"):
        raise Http404
    return get_object_or_404(ImportReview, pk=pk)


def get_import_upload_for_user(user: Any, pk: Any) -> ImportUpload:
    """A document waiting to be read, for those who import documents, like its review."""
    if not allowed(user, "organisations.use_inspectorate_pages"):
        raise Http404
    return get_object_or_404(ImportUpload.objects.defer("content"), pk=pk)
