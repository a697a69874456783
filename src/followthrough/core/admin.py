from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import DomainEvent, SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["file_name", "kind", "format", "created_at"]
    exclude = ["text"]


@admin.register(DomainEvent)
class DomainEventAdmin(admin.ModelAdmin):
    list_display = ["code", "content_type", "object_id", "actor", "at"]
    list_filter = ["code"]
