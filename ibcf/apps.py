from django.apps import AppConfig


class IbcfConfig(AppConfig):
    name = "ibcf"
    verbose_name = "Improved Better Care Fund"

    def ready(self) -> None:
        from ascweb.registry import Assignable, DemoData, PeriodPage, registry
        from ibcf import amounts, exports, imports, lifecycle, reference, services, workspace

        exports.register()
        lifecycle.register()
        workspace.register()
        for kind in [imports.KIND, *reference.KINDS, *amounts.KINDS]:
            registry.add_import_kind(kind)
        # after the reserves (order 40): the iBCF carry-forward links to the iBCF reserve
        registry.add_demo_data(DemoData("ibcf", manifest="ibcf.toml", order=41))
        registry.add_period_page(PeriodPage("iBCF", "ibcf", order=40))
        registry.add_assignable(Assignable("ibcf", services.assign_updates))
