"""The administrator's pages for the savings programme: who updates which workstream."""

from django.contrib import admin

from savings.models import WorkstreamAssignment


@admin.register(WorkstreamAssignment)
class WorkstreamAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "workstream", "updated_at")
    list_filter = ("workstream",)
    search_fields = ("user__username", "user__email", "workstream__name", "workstream__code")
    autocomplete_fields = ("user",)
