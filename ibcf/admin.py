"""Council IT and leads maintain the iBCF structure here; figures are entered through the forms."""

from django.contrib import admin

from ibcf.models import AcuteSystem, GrantAmount, GrantStream, PlanVersion, Scheme, SchemeAllocation, UpdatesAssignment


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


@admin.register(UpdatesAssignment)
class UpdatesAssignmentAdmin(admin.ModelAdmin):
    """Who enters the iBCF scheme updates (with every finance lead)."""

    list_display = ("user", "updated_at")
    search_fields = ("user__username", "user__email")
    autocomplete_fields = ("user",)
