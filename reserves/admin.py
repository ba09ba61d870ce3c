"""The administrator's pages for reserves and capital: who enters which statement."""

from django.contrib import admin

from reserves.models import ScheduleAssignment


@admin.register(ScheduleAssignment)
class ScheduleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "schedule", "updated_at")
    list_filter = ("schedule",)
    search_fields = ("user__username", "user__email")
    autocomplete_fields = ("user",)
