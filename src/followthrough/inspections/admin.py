from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Recommendation, Report


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "published"]
    list_filter = ["kind"]
    search_fields = ["title"]


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["report", "section", "label", "addressee_text"]
    list_filter = ["section"]
    search_fields = ["text"]
