"""The administrator's pages for revenue monitoring: who looks after which expenditure area."""

from django.contrib import admin

from finance.models import AreaAssignment, ReportingLine


@admin.register(AreaAssignment)
class AreaAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "area")
    list_filter = ("area",)
    search_fields = ("user__username", "user__email", "area__name", "area__code")
    autocomplete_fields = ("user",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "area":  # an officer looks after an expenditure area, not a line
            kwargs["queryset"] = ReportingLine.objects.filter(kind=ReportingLine.Kind.AREA)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
