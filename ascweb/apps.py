from django.apps import AppConfig


class AscwebConfig(AppConfig):
    name = "ascweb"
    verbose_name = "ascweb"

    def ready(self) -> None:
        from ascweb.registry import PeriodPage, registry

        registry.add_period_page(PeriodPage("Appendix pack", "pack", order=95))
        registry.add_period_page(PeriodPage("Officer workspace", "workspace", order=90, finance_only=True))
