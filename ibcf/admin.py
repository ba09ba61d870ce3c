"""Council IT and leads maintain the iBCF structure here; figures are entered through the forms."""

from django.contrib import admin

from ibcf.models import AcuteSystem, GrantAmount, GrantStream, PlanVersion, Scheme, SchemeAllocation


class GrantAmountInline(admin.TabularInline):
    model = GrantAmount
    extra = 0


@admin.register(GrantStream)
class GrantStreamAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "reserve")
    inlines = [GrantAmountInline]


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    list_display = ("code", "priority", "condition")


class SchemeAllocationInline(admin.TabularInline):
    model = SchemeAllocation
    extra = 0


@admin.register(PlanVersion)
class PlanVersionAdmin(admin.ModelAdmin):
    list_display = ("name", "date")
    inlines = [SchemeAllocationInline]


admin.site.register(AcuteSystem)
