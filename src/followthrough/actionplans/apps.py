from django.apps import AppConfig


class ActionplansConfig(AppConfig):
    name = "followthrough.actionplans"
    label = "actionplans"
