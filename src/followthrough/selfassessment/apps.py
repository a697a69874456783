from django.apps import AppConfig


class SelfAssessmentConfig(AppConfig):
    name = "followthrough.selfassessment"
    label = "selfassessment"
    verbose_name = "Self-assessment"
