from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "followthrough.web"
    label = "web"
