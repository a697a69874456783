from django.apps import AppConfig


class AuditlogConfig(AppConfig):
    name = "followthrough.auditlog"
    label = "auditlog"
