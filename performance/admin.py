"""The administrator's pages for the metrics: who enters which indicator's figures."""

from django.contrib import admin

from performance.models import Indicator


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit", "direction")
    search_fields = ("code", "name")
    filter_horizontal = ("officers",)
