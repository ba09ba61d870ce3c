from django.apps import AppConfig


class ReservesConfig(AppConfig):
    name = "reserves"
    verbose_name = "Reserves, provisions and the capital programme"

    def ready(self) -> None:
        from reserves import registry

        registry.register()
