from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "followthrough.audits"
    label = "audits"
    verbose_name = "Case audits and the resettlement standard"

    def ready(self) -> None:
        from followthrough.cases.services.retention import ALSO_ANONYMISE

        from .services.marking import audit_notes_anonymise

        if audit_notes_anonymise not in ALSO_ANONYMISE:
            ALSO_ANONYMISE.append(audit_notes_anonymise)
