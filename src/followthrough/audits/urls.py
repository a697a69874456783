from django.urls import path  # noqa: F401

app_name = "audits"
urlpatterns: list = []  # type: ignore[type-arg]
