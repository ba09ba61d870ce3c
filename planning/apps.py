from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = "Budget planning: the medium-term gap, its bridge and savings targets"

    def ready(self) -> None:
        from planning import registry

        registry.register()
