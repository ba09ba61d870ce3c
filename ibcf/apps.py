from django.apps import AppConfig


class IbcfConfig(AppConfig):
    name = "ibcf"
    verbose_name = "Improved Better Care Fund"
