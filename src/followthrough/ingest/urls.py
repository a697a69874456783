from django.urls import path

from . import views

app_name = "ingest"
urlpatterns = [
    path("sources/<int:pk>/", views.source_passage, name="source-passage"),
]
