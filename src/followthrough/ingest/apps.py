from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "followthrough.ingest"
    label = "ingest"
