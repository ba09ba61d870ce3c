from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmarks' command (make_scale_data). Installed by the test settings only (which
    bench/run uses too): above the apps, it may read all of them; nothing imports it."""

    name = "bench"
    verbose_name = "Benchmarks"
