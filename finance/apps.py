from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "finance"
    verbose_name = "Revenue budget monitoring"

    def ready(self) -> None:
        from ascweb.registry import DemoData, PeriodPage, registry
        from finance import (
            exports,
            imports,
            imports_printed,
            imports_printed_periods,
            imports_reference,
            lifecycle,
            workspace,
        )

        exports.register()
        lifecycle.register()
        imports.register()
        imports_printed.register()
        imports_printed_periods.register()
        imports_reference.register()
        workspace.register()
        registry.add_demo_data(DemoData("finance", manifest="finance.toml", order=10))
        registry.add_period_page(PeriodPage("Dashboard", "dashboard", order=5))
        registry.add_period_page(PeriodPage("Summary (table 2.1)", "period", order=10))
        registry.add_period_page(PeriodPage("Appendix A: budget monitoring", "appendix-a", order=20))
