from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "performance"
    verbose_name = "Performance: the Better Care Fund metrics"

    def ready(self) -> None:
        from performance import registry

        registry.register()
