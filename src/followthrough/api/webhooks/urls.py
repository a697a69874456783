from django.urls import path

from . import views

app_name = "webhooks"
urlpatterns = [
    path("organisations/<int:pk>/webhooks/", views.endpoint_list, name="endpoint-list"),
    path("organisations/<int:pk>/webhooks/new/", views.endpoint_create, name="endpoint-create"),
    path(
        "organisations/<int:pk>/webhooks/<int:endpoint_pk>/",
        views.endpoint_detail,
        name="endpoint-detail",
    ),
    path(
        "organisations/<int:pk>/webhooks/<int:endpoint_pk>/disable/",
        views.endpoint_disable,
        name="endpoint-disable",
    ),
    path(
        "organisations/<int:pk>/webhooks/<int:endpoint_pk>/test/",
        views.endpoint_test,
        name="endpoint-test",
    ),
]
