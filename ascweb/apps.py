from django.apps import AppConfig


class AscwebConfig(AppConfig):
    name = "ascweb"
    verbose_name = "ascweb"
