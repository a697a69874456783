"""Sign-in and sign-out, declared like every other view and recorded on the audit trail."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.template.response import TemplateResponse

from followthrough.core.access import access
from followthrough.core.events import record_event

from . import forms


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

    def form_invalid(self, form: Any) -> HttpResponse:
        # django-axes counts the failure on the request; warn before the one that locks.
        failures = getattr(self.request, "axes_failures_since_start", None)
        last_try = failures is not None and failures == settings.AXES_FAILURE_LIMIT - 1
        context = self.get_context_data(form=form, lockout_time=settings.AXES_COOLOFF_TIME)
        context["one_attempt_left"] = last_try
        return self.render_to_response(context)


class SignOutView(auth_views.LogoutView):
    # A link to the sign-out address (GET) shows a page with the button; only a POST signs out.
    http_method_names = ["get", "head", "post", "options"]

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        return TemplateResponse(request, "registration/sign_out.html", {})

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            record_event(user, "accounts.user.signed_out", actor=user)
        return super().post(request, *args, **kwargs)


login = access("public", methods=("GET", "HEAD", "POST"))(SignInView.as_view())
logout = access("public", methods=("GET", "HEAD", "POST"))(SignOutView.as_view())

FORM_METHODS = ("GET", "HEAD", "POST")

password_reset = access("public", methods=FORM_METHODS)(
    auth_views.PasswordResetView.as_view(form_class=forms.PasswordResetForm)
)
password_reset_done = access("public")(auth_views.PasswordResetDoneView.as_view())
password_reset_confirm = access("public", methods=FORM_METHODS)(
    auth_views.PasswordResetConfirmView.as_view(form_class=forms.SetPasswordForm)
)
password_reset_complete = access("public")(auth_views.PasswordResetCompleteView.as_view())
password_change = access("signed_in", methods=FORM_METHODS)(
    auth_views.PasswordChangeView.as_view(form_class=forms.PasswordChangeForm)
)
password_change_done = access("signed_in")(auth_views.PasswordChangeDoneView.as_view())
