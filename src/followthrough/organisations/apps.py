from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "followthrough.organisations"
    label = "organisations"
