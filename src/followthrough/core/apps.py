from django.apps import AppConfig
from django.urls import register_converter


class RecordIdConverter:
    """A record's id in an address: at most 18 digits, so every one fits the database's bigint
    and a longer number is "nothing here" (404), never a database error. Every app's addresses
    take ids as <id:pk>: registered as the project starts, before any app's addresses are read,
    whichever is imported first."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


class CoreConfig(AppConfig):
    name = "followthrough.core"
    label = "core"

    def ready(self) -> None:
        register_converter(RecordIdConverter, "id")
