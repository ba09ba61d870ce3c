from django.apps import AppConfig


class SavingsConfig(AppConfig):
    name = "savings"
    verbose_name = "Savings programme"

    def ready(self) -> None:
        from ascweb.registry import DashboardPanel, DemoLoader, PeriodPage, registry
        from savings import exports, imports
        from savings.dashboard import panel_context
        from savings.demo.loader import load_savings

        exports.register()
        registry.add_import_kind(imports.KIND)
        registry.add_demo_loader(DemoLoader("savings", load_savings, order=30))
        registry.add_period_page(PeriodPage("Savings", "savings", order=30))
        registry.add_dashboard_panel(DashboardPanel("savings", "savings/dashboard_panel.html", panel_context, order=30))
