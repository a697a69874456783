from django.conf import settings
from django.http import HttpRequest

from followthrough.organisations.access import standing_of

NAVIGATION = [
    ("Overview", "reporting:overview"),
    ("My organisation", "reporting:my-organisation"),
    ("Reports", "reporting:report-list"),
    ("Organisations", "reporting:organisation-list"),
    ("Self-assessments", "selfassessment:assessment-list"),
]
AUDIT = ("Audit log", "auditlog:log")
INSPECTORATE = ("Inspectorate", "reporting:inspectorate")
IMPORTS = ("Imports", "ingest:import-list")
CASES = ("Cases", "cases:case-list")
BOARD = ("Board pack", "cases:board")
NATIONAL = ("Casework nationally", "cases:national")


def site(request: HttpRequest) -> dict:
    navigation = list(NAVIGATION)
    standing = standing_of(getattr(request, "user", None))
    if standing.sees_all_drafts:
        navigation.append(INSPECTORATE)
        navigation.append(IMPORTS)
    if standing.case_service_ids:
        navigation.append(CASES)
    elif standing.service_ids:
        navigation.append(BOARD)
    if standing.reads_national_casework:
        navigation.append(NATIONAL)
    if standing.reads_audit_log:
        navigation.append(AUDIT)
    return {
        "service_name": "Followthrough",
        "navigation": navigation,
        "oidc_enabled": settings.OIDC_ENABLED,
    }
