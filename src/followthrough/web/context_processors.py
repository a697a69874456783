from django.conf import settings
from django.http import HttpRequest

from followthrough.organisations.access import standing_of

NAVIGATION = [
    ("Overview", "reporting:overview"),
    ("My organisation", "reporting:my-organisation"),
    ("Reports", "inspections:report-list"),
    ("Organisations", "reporting:organisation-list"),
]
AUDIT = ("Audit log", "audit:log")


def site(request: HttpRequest) -> dict:
    navigation = list(NAVIGATION)
    if standing_of(getattr(request, "user", None)).reads_audit_log:
        navigation.append(AUDIT)
    return {
        "service_name": "Followthrough",
        "navigation": navigation,
        "oidc_enabled": settings.OIDC_ENABLED,
    }
