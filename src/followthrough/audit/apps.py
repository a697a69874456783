from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "followthrough.audit"
    label = "audit"
