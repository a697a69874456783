from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "followthrough.core"
    label = "core"
