from django.urls import path

from . import views

app_name = "ingest"
urlpatterns = [
    path("sources/<id:pk>/", views.source_passage, name="source-passage"),
    path("imports/", views.import_list, name="import-list"),
    path("imports/<id:pk>/", views.import_review, name="import-review"),
    path("imports/uploads/<uuid:pk>/", views.import_upload, name="import-upload"),
]
