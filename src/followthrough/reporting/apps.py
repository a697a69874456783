from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "followthrough.reporting"
    label = "reporting"
