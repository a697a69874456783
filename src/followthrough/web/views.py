from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from followthrough.core.access import access

PAGES = {
    "accessibility": (
        "Accessibility statement",
        [
            "Followthrough is built to meet the Web Content Accessibility Guidelines version 2.2 at "
            "level AA. Every page works without JavaScript, every chart has a data table beside it, "
            "and each page type is checked automatically with axe-core.",
            "If you find something that is hard to use, tell the team that runs this service.",
        ],
    ),
    "privacy": (
        "Privacy",
        [
            "Followthrough holds the names, email addresses and roles of the people who sign in, and "
            "a record of what each of them changed and when. It holds no data about children in "
            "this release.",
        ],
    ),
    "cookies": (
        "Cookies",
        [
            "Followthrough sets two essential cookies: one keeps you signed in and one protects "
            "forms against cross-site request forgery. It sets no analytics or advertising cookies.",
        ],
    ),
}


@access("public")
def info_page(request: HttpRequest, page: str) -> HttpResponse:
    heading, paragraphs = PAGES[page]
    return render(request, "web/info_page.html", {"heading": heading, "paragraphs": paragraphs})


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
        {"memberships": memberships, "has_authenticator": has_authenticator},
    )
