from django.apps import AppConfig


class SavingsConfig(AppConfig):
    name = "savings"
    verbose_name = "Savings programme"

    def ready(self) -> None:
        from ascweb.registry import SAVINGS_TARGETS, Assignable, DashboardPanel, DemoData, PeriodPage, Reader, registry
        from savings import (
            exports,
            imports,
            imports_printed,
            imports_programme,
            lifecycle,
            selectors,
            services,
            workspace,
        )
        from savings.dashboard import ANCHOR, glance, panel_context

        exports.register()
        lifecycle.register()
        workspace.register()
        for kind in (
            imports_programme.WORKSTREAMS,
            imports_programme.SAVINGS,
            imports_programme.TARGETS,
            imports.KIND,
            imports.MITIGATIONS,
            imports_printed.KIND,
        ):
            registry.add_import_kind(kind)
        registry.add_demo_data(DemoData("savings", manifest="savings.toml", order=30))
        registry.add_assignable(Assignable("workstream", services.assign_workstream))
        registry.add_period_page(PeriodPage("Savings", "savings", order=30))
        registry.add_dashboard_panel(
            DashboardPanel(
                "savings",
                "savings/dashboard_panel.html",
                panel_context,
                order=30,
                title="Savings delivered and at risk",
                anchor=ANCHOR,
                glance=glance,
            )
        )
        registry.add_reader(Reader(SAVINGS_TARGETS, selectors.targets_by_year))
