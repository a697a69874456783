"""What the self-assessment endpoint returns: the assessment, each recommendation it rates with
its rating and rationale, and the answer to each line of enquiry."""

from __future__ import annotations

from rest_framework import serializers

from followthrough.selfassessment.models import (
    AssessedRecommendation,
    EnquiryAnswer,
    SelfAssessment,
)


class EnquiryAnswerSerializer(serializers.ModelSerializer[EnquiryAnswer]):
    class Meta:
        model = EnquiryAnswer
        fields = ["index", "answer", "comment"]


class AssessedRecommendationSerializer(serializers.ModelSerializer[AssessedRecommendation]):
    answers = EnquiryAnswerSerializer(many=True, read_only=True)

    class Meta:
        model = AssessedRecommendation
        fields = ["id", "recommendation", "order", "rating", "rationale", "answers", "version"]


class SelfAssessmentSerializer(serializers.ModelSerializer[SelfAssessment]):
    items = AssessedRecommendationSerializer(many=True, read_only=True)

    class Meta:
        model = SelfAssessment
        fields = [
            "id",
            "organisation",
            "year",
            "status",
            "signed_off_on",
            "shared_with_inspectorate",
            "items",
        ]
