from django.urls import path

from . import views

app_name = "webhooks"
urlpatterns = [
    path("organisations/<id:pk>/webhooks/", views.endpoint_list, name="endpoint-list"),
    path("organisations/<id:pk>/webhooks/new/", views.endpoint_create, name="endpoint-create"),
    path(
        "organisations/<id:pk>/webhooks/<id:endpoint_pk>/",
        views.endpoint_detail,
        name="endpoint-detail",
    ),
    path(
        "organisations/<id:pk>/webhooks/<id:endpoint_pk>/disable/",
        views.endpoint_disable,
        name="endpoint-disable",
    ),
    path(
        "organisations/<id:pk>/webhooks/<id:endpoint_pk>/test/",
        views.endpoint_test,
        name="endpoint-test",
    ),
]
