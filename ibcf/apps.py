from django.apps import AppConfig


class IbcfConfig(AppConfig):
    name = "ibcf"
    verbose_name = "Improved Better Care Fund"

    def ready(self) -> None:
        from ascweb.registry import DemoLoader, PeriodPage, registry
        from ibcf import exports, imports
        from ibcf.demo_loader import load_ibcf

        exports.register()
        registry.add_import_kind(imports.KIND)
        # after the reserves (order 40): the iBCF carry-forward links to the iBCF reserve
        registry.add_demo_loader(DemoLoader("ibcf", load_ibcf, order=41))
        registry.add_period_page(PeriodPage("iBCF", "ibcf", order=40))
