from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "followthrough.api"
    verbose_name = "API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from simple_history.signals import pre_create_historical_record

        from .services import history_mark_via_api

        # Audit metadata only: it writes onto the history row being created, nothing else.
        pre_create_historical_record.connect(
            history_mark_via_api, dispatch_uid="followthrough-history-via-api"
        )
