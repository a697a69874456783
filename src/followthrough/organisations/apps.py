from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "followthrough.organisations"
    label = "organisations"

    def ready(self) -> None:
        from simple_history.signals import pre_create_historical_record

        from .services import stamp_organisations

        # Audit metadata only: it writes onto the history row being created, nothing else.
        pre_create_historical_record.connect(
            stamp_organisations, dispatch_uid="followthrough-history-organisations"
        )
