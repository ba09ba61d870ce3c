from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "finance"
    verbose_name = "Revenue budget monitoring"

    def ready(self) -> None:
        from ascweb.registry import DemoLoader, PeriodPage, registry
        from finance import exports, imports, lifecycle
        from finance.demo.loader import load_norfolk
        from finance.demo.net_expenditure import load_net_expenditure

        exports.register()
        lifecycle.register()
        imports.register()
        registry.add_demo_loader(DemoLoader("revenue", load_norfolk, order=10))
        registry.add_demo_loader(DemoLoader("net-expenditure", load_net_expenditure, order=20))
        registry.add_period_page(PeriodPage("Dashboard", "dashboard", order=5))
        registry.add_period_page(PeriodPage("Summary (table 2.1)", "period", order=10))
        registry.add_period_page(PeriodPage("Appendix A: budget monitoring", "appendix-a", order=20))
        registry.add_period_page(PeriodPage("Officer workspace", "workspace", order=90, finance_only=True))
