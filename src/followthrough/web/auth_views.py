"""Sign-in and sign-out, declared like every other view and recorded on the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpResponse

from followthrough.core.access import access
from followthrough.core.events import record_event


class SignInView(auth_views.LoginView):
    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        record_event(
            user,
            "accounts.user.signed_in",
            actor=user,
            data={"address": self.request.META.get("REMOTE_ADDR", "")},
        )
        return response


class SignOutView(auth_views.LogoutView):
    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            record_event(user, "accounts.user.signed_out", actor=user)
        return super().post(request, *args, **kwargs)


login = access("public", methods=("GET", "HEAD", "POST"))(SignInView.as_view())
logout = access("public", methods=("POST",))(SignOutView.as_view())
