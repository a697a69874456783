from csp.decorators import csp_exempt
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from followthrough.api.access import get_token_for_user
from followthrough.api.forms import TokenForm
from followthrough.api.problems import not_found_problem
from followthrough.api.selectors import tokens_of
from followthrough.api.services import token_create, token_revoke
from followthrough.core.access import FORM_METHODS, access
from followthrough.core.forms import apply_errors


@access("public")
def info_page(request: HttpRequest, page: str) -> HttpResponse:
    """A page linked from the footer (accessibility, privacy, cookies); its words are in
    web/<page>.html, and urls.py names the page."""
    return render(request, f"web/{page}.html")


_migrated = False  # once every migration is applied, this process's code stays migrated


@access("public")
@csp_exempt()
def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer and the platform: 200 when the database answers one cheap query and
    every migration this code knows is applied, 503 with the reason otherwise. It reads no session
    and needs no sign-in."""
    global _migrated
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not _migrated:
            executor = MigrationExecutor(connection)
            _migrated = not executor.migration_plan(executor.loader.graph.leaf_nodes())
            if not _migrated:
                return JsonResponse(
                    {"status": "unavailable", "reason": "migrations not applied"}, status=503
                )
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "reason": "database unreachable"}, status=503)
    return JsonResponse({"status": "ok"})


@login_not_required
def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        # An address the API does not have answers as the API's own 404s do.
        return JsonResponse(
            not_found_problem(), status=404, content_type="application/problem+json"
        )
    return render(request, "web/404.html", status=404)


@access("signed_in", methods=FORM_METHODS)
def account(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own details, memberships, sign-in settings and API tokens: a new
    token's secret is shown on this response only, never again."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    form, created, secret = TokenForm(), None, ""
    if request.method == "POST" and "revoke" in request.POST:
        token = get_token_for_user(request.user, _int(request.POST["revoke"]), for_write=True)
        with transaction.atomic():
            token_revoke(token=token, actor=request.user, now=timezone.now())
        messages.success(request, f"Token {token.name} revoked: it no longer works")
        return redirect("web:account")
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            try:
                with transaction.atomic():
                    created, secret = token_create(
                        owner=request.user, today=timezone.localdate(), **form.cleaned_data
                    )
                form = TokenForm()
            except ValidationError as exc:
                apply_errors(form, exc)
    memberships = request.user.memberships.select_related("organisation").order_by(
        "-is_active", "organisation__name"
    )
    has_authenticator = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    return render(
        request,
        "web/account.html",
        {
            "memberships": [m for m in memberships if not m.pending],
            "invitations": [m for m in memberships if m.pending],
            "has_authenticator": has_authenticator,
            "tokens": tokens_of(request.user),
            "token_form": form,
            "created": created,
            "secret": secret,
            "today": timezone.localdate(),
        },
    )


def _int(value: str) -> int:
    if not value.isdigit():
        raise Http404
    return int(value)
