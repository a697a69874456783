from django.apps import AppConfig


class AuditlogConfig(AppConfig):
    name = "followthrough.auditlog"
    label = "auditlog"

    def ready(self) -> None:
        # The audit log's CSV is prepared by reporting's download worker, which cannot import us.
        from followthrough.reporting.exports.prepared import BUILDERS
        from followthrough.reporting.models import Download

        from .exports import audit_csv_file

        BUILDERS[Download.Kind.AUDIT_LOG] = audit_csv_file
