from django.urls import path

from . import views

app_name = "auditlog"
urlpatterns = [
    path("audit/", views.audit_log, name="log"),
    path("audit/export.csv", views.audit_export, name="export"),
    path("audit/download.csv", views.audit_download, name="download"),
    path("history/<slug:kind>/<id:pk>/", views.object_history, name="object-history"),
]
