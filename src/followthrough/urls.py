from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from followthrough.web import auth_views, two_factor

urlpatterns = [
    path("", include("followthrough.reporting.urls")),
    path("", include("followthrough.inspections.urls")),
    path("", include("followthrough.actionplans.urls")),
    path("", include("followthrough.ingest.urls")),
    path("", include("followthrough.web.urls")),
    path("", include("followthrough.auditlog.urls")),
    path("", include("followthrough.organisations.urls")),
    path("", include("followthrough.selfassessment.urls")),
    path("", include("followthrough.cases.urls")),
    path("", include("followthrough.audits.urls")),
    path("", include("followthrough.api.urls")),
    path("", include("followthrough.api.webhooks.urls")),
    path("accounts/login/", auth_views.login, name="login"),
    path("accounts/logout/", auth_views.logout, name="logout"),
    path("accounts/password/reset/", auth_views.password_reset, name="password_reset"),
    path(
        "accounts/password/reset/sent/", auth_views.password_reset_done, name="password_reset_done"
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.password_reset_complete,
        name="password_reset_complete",
    ),
    path("accounts/password/change/", auth_views.password_change, name="password_change"),
    path("accounts/two-factor/setup/", two_factor.two_factor_setup, name="two-factor-setup"),
    path("accounts/two-factor/verify/", two_factor.two_factor_verify, name="two-factor-verify"),
    path(
        "accounts/password/change/done/",
        auth_views.password_change_done,
        name="password_change_done",
    ),
    path("admin/", admin.site.urls),
]

if settings.OIDC_ENABLED:
    from mozilla_django_oidc.views import OIDCAuthenticationRequestView

    from followthrough.core.access import access
    from followthrough.web.oidc import CallbackView

    urlpatterns += [
        path(
            "oidc/authenticate/",
            access("public")(OIDCAuthenticationRequestView.as_view()),
            name="oidc_authentication_init",
        ),
        path(
            "oidc/callback/",
            access("public")(CallbackView.as_view()),
            name="oidc_authentication_callback",
        ),
    ]

handler404 = "followthrough.web.views.not_found"
