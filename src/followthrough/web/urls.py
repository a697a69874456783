from django.urls import path

from . import views

app_name = "web"
urlpatterns = [
    path("accessibility/", views.info_page, {"page": "accessibility"}, name="accessibility"),
    path("privacy/", views.info_page, {"page": "privacy"}, name="privacy"),
    path("cookies/", views.info_page, {"page": "cookies"}, name="cookies"),
    path("account/", views.account, name="account"),
    path("healthz", views.healthz, name="healthz"),
]
