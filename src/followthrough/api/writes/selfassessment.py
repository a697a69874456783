"""Answering one recommendation of a self-assessment through the API: the item edit page's form
and service, under the item's version (its ETag), with the page's wording."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response

from followthrough.core.concurrency import StaleEdit
from followthrough.selfassessment import selectors
from followthrough.selfassessment.access import CHANGE, get_item_for_user
from followthrough.selfassessment.forms import ItemForm
from followthrough.selfassessment.services import Evidence, item_save

from .base import Writing, form_data
from .concurrency import stale, version_asked, with_etag
from .plans import IF_MATCH, VERSIONED


class ItemAnswersSerializer(serializers.Serializer[Any]):
    """One recommendation's answers: `answer_<n>` and `comment_<n>` for each line of enquiry,
    `held_<n>`, `link_<n>` and `note_<n>` for each evidence source (counted from 0), and the
    rating with its rationale. Files are uploaded on the page."""

    id = serializers.IntegerField(read_only=True)
    assessment = serializers.IntegerField(read_only=True)
    recommendation = serializers.IntegerField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    rating = serializers.CharField(allow_blank=True)
    rationale = serializers.CharField(allow_blank=True)
    answers = serializers.ListField(child=serializers.DictField(), read_only=True)
    evidence = serializers.ListField(child=serializers.DictField(), read_only=True)


def _current(view: selectors.ItemView) -> dict[str, Any]:
    """The item as the page's form would open it: what a PATCH keeps."""
    current: dict[str, Any] = {"rating": view.item.rating, "rationale": view.item.rationale}
    for line in view.lines:
        if line.answer is not None:
            current[f"answer_{line.index}"] = line.answer.answer
            current[f"comment_{line.index}"] = line.answer.comment
    for source in view.sources:
        if source.entry is not None:
            current[f"held_{source.index}"] = source.entry.held
            current[f"link_{source.index}"] = source.entry.link
            current[f"note_{source.index}"] = source.entry.note
    return current


def _body(view: selectors.ItemView) -> dict[str, Any]:
    item = view.item
    return {
        "id": item.pk,
        "assessment": item.assessment_id,
        "recommendation": item.recommendation_id,
        "version": item.version,
        "rating": item.rating,
        "rationale": item.rationale,
        "answers": [
            {
                "index": line.index,
                "question": line.question,
                "answer": line.answer.answer if line.answer else "",
                "comment": line.answer.comment if line.answer else "",
            }
            for line in view.lines
        ],
        "evidence": [
            {
                "index": source.index,
                "held": bool(source.entry and source.entry.held),
                "link": source.entry.link if source.entry else "",
                "note": source.entry.note if source.entry else "",
            }
            for source in view.sources
        ],
    }


class ItemAnswers(Writing):
    """Read, or answer, one recommendation of a self-assessment (PUT the whole, PATCH a part)."""

    permission_needed = CHANGE

    def visible(self, user: Any, pk: int) -> Any:
        return get_item_for_user(user, pk)

    def checked_on(self, found: Any) -> Any:
        return found.assessment  # answered under the assessment's rule, as on the page

    @extend_schema(responses={200: ItemAnswersSerializer})
    def get(self, request: Any, pk: int) -> Response:
        item = self.record(request.user, pk)  # those who may answer it, who need its ETag
        view = selectors.item_view(item, today=timezone.localdate())
        return with_etag(Response(_body(view)), item.version)

    @extend_schema(
        request=ItemAnswersSerializer,
        responses={200: ItemAnswersSerializer, **VERSIONED},
        parameters=[IF_MATCH],
    )
    def put(self, request: Any, pk: int) -> Response:
        item = self.record(request.user, pk)
        version = version_asked(request)
        view = selectors.item_view(item, today=timezone.localdate())
        body = request.data if isinstance(request.data, dict) else {}
        given = {**_current(view), **body} if request.method == "PATCH" else dict(body)
        asked = version if version is not None else -1
        data = form_data(partial(ItemForm, view=view), given, version=asked)
        try:
            with transaction.atomic():
                saved = item_save(
                    item=item,
                    version=asked,
                    rating=data["rating"],
                    rationale=data["rationale"],
                    answers={
                        line.index: (data[f"answer_{line.index}"], data[f"comment_{line.index}"])
                        for line in view.lines
                    },
                    evidence={
                        s.index: Evidence(
                            held=data[f"held_{s.index}"],
                            link=data[f"link_{s.index}"],
                            note=data[f"note_{s.index}"],
                        )
                        for s in view.sources
                    },
                    actor=request.user,
                )
        except StaleEdit as exc:
            return stale(exc.current.version)
        except ValidationError as exc:
            raise exceptions.ValidationError(exc.message_dict) from None
        answer = selectors.item_view(saved, today=timezone.localdate())
        return with_etag(Response(_body(answer)), saved.version)

    @extend_schema(
        request=ItemAnswersSerializer,
        responses={200: ItemAnswersSerializer, **VERSIONED},
        parameters=[IF_MATCH],
    )
    def patch(self, request: Any, pk: int) -> Response:
        return self.put(request, pk)
