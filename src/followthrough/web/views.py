from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from followthrough.core.access import access


@access("public")
def info_page(request: HttpRequest, page: str) -> HttpResponse:
    """A page linked from the footer (accessibility, privacy, cookies); its words are in
    web/<page>.html, and urls.py names the page."""
    return render(request, f"web/{page}.html")


@login_not_required
def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "web/404.html", status=404)


@access("signed_in")
def account(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own details, memberships and sign-in settings."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

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
        },
    )
