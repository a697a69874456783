from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "followthrough.audits"
    label = "audits"
    verbose_name = "Case audits and the resettlement standard"
