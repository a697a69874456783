from django.http import HttpRequest

NAVIGATION = [
    ("Overview", "reporting:overview"),
    ("Reports", "inspections:report-list"),
    ("Organisations", "reporting:organisation-list"),
]


def site(request: HttpRequest) -> dict:
    return {"service_name": "Followthrough", "navigation": NAVIGATION}
