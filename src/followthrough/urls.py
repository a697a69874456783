from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("followthrough.reporting.urls")),
    path("", include("followthrough.inspections.urls")),
    path("", include("followthrough.actionplans.urls")),
    path("", include("followthrough.ingest.urls")),
    path("", include("followthrough.web.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "followthrough.web.views.not_found"
