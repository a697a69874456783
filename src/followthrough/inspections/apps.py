from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "followthrough.inspections"
    label = "inspections"
