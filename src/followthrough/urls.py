from django.contrib import admin
from django.urls import include, path

from followthrough.web import auth_views

urlpatterns = [
    path("", include("followthrough.reporting.urls")),
    path("", include("followthrough.inspections.urls")),
    path("", include("followthrough.actionplans.urls")),
    path("", include("followthrough.ingest.urls")),
    path("", include("followthrough.web.urls")),
    path("", include("followthrough.audit.urls")),
    path("accounts/login/", auth_views.login, name="login"),
    path("accounts/logout/", auth_views.logout, name="logout"),
    path("admin/", admin.site.urls),
]

handler404 = "followthrough.web.views.not_found"
