"""The administrator's pages for reserves and capital: who enters which statement."""

from django.contrib import admin

from reserves.models import StatementAssignment


@admin.register(StatementAssignment)
class StatementAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "statement", "updated_at")
    list_filter = ("statement",)
    search_fields = ("user__username", "user__email")
    autocomplete_fields = ("user",)
