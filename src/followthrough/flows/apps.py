from django.apps import AppConfig


class FlowsConfig(AppConfig):
    """Work that crosses domains: the daily reminder digest, the escalation ladder, demo data."""

    name = "followthrough.flows"
    label = "flows"
