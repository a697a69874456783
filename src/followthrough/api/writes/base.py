"""What every API write endpoint shares: someone who cannot see the record gets 404 whatever
the method, someone who can see it but may not change it 403, and every change made inside is
recorded as made through the API."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from rest_framework import exceptions
from rest_framework.views import APIView

from followthrough.core.access import allowed
from followthrough.core.events import changes_made_via


class Writing(APIView):
    #: the `rules` permission the caller must hold on the record, beyond seeing it
    permission_needed = ""

    def visible(self, user: Any, pk: int) -> Any:
        """The record if `user` may see it, else Http404."""
        raise NotImplementedError

    def checked_on(self, found: Any) -> Any:
        """What the permission is checked on: the record itself unless said otherwise."""
        return found

    def record(self, user: Any, pk: int) -> Any:
        """The record the caller may see and change: 404 unseen, 403 seen but not theirs."""
        found = self.visible(user, pk)
        if self.permission_needed and not allowed(
            user, self.permission_needed, self.checked_on(found)
        ):
            raise PermissionDenied
        return found

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        with changes_made_via("api"):
            return super().dispatch(request, *args, **kwargs)

    def http_method_not_allowed(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        # Someone who cannot see the record learns nothing: 404 before 405.
        self.record(request.user, kwargs["pk"])
        return super().http_method_not_allowed(request, *args, **kwargs)


def _takes_several(form_class: Any, name: str) -> bool:
    field = form_class.base_fields.get(name)
    return field is not None and getattr(field.widget, "allow_multiple_selected", False)


def form_data(form_class: Any, data: Any, **fixed: Any) -> Any:
    """Run one of the pages' forms on the request's body: its cleaned data, or 400 with the
    form's own messages by field."""
    if hasattr(data, "getlist"):  # form-encoded: one value a field, every value for a list field
        body = {k: data.getlist(k) if _takes_several(form_class, k) else data.get(k) for k in data}
    else:
        body = dict(data) if isinstance(data, dict) else {}
    several = {
        key: ["Enter one value here, not a list"]
        for key, value in body.items()
        if isinstance(value, list | dict) and not _takes_several(form_class, key)
    }
    if several:
        raise exceptions.ValidationError(several)
    form = form_class({**body, **fixed})
    if not form.is_valid():
        raise exceptions.ValidationError(
            {
                ("non_field_errors" if field == "__all__" else field): [str(m) for m in messages]
                for field, messages in form.errors.items()
            }
        )
    return form.cleaned_data
