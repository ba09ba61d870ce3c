"""Where the apps plug into shared pages and commands, so none of them edits another's code.

Each app registers, from its AppConfig.ready():
- period pages: links in every period's navigation ("Savings", "iBCF", ...);
- export tables: committee tables that `export_table`, the Excel/CSV downloads and the
  appendix pack can render (one selector's rows, every format);
- demo loaders: the parts of the Norfolk demo data set, loaded by `load_demo` in order;
- dashboard panels: sections of the member dashboard.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class PeriodPage:
    label: str
    url_name: str  # reversed with (year code, period number)
    order: int
    finance_only: bool = False


@dataclass(frozen=True)
class ExportTable:
    """A committee table. `rows(period)` is the app's selector; `columns` the CSV/Excel layout:
    (header, getter, kind) where kind is "text", "money" (pence) or "percent" (a ratio)."""

    name: str
    title: str
    rows: Callable[[Any], list]
    columns: list[tuple[str, Callable[[Any], Any], str]]
    order: int = 100


@dataclass(frozen=True)
class DemoLoader:
    name: str
    load: Callable[[Callable[[str], None]], None]
    order: int


@dataclass(frozen=True)
class DashboardPanel:
    """A dashboard section: `context(period, user)` returns the template's context, or None
    when the panel has nothing to show for that period."""

    name: str
    template: str
    context: Callable[[Any, Any], dict | None]
    order: int


@dataclass(frozen=True)
class ScaleGenerator:
    """Adds an app's synthetic data to `make_scale_data`: generate(council) where council is
    a ScaleCouncil (years, periods, areas, lines, a seeded random.Random)."""

    name: str
    generate: Callable[[Any], None]
    order: int


@dataclass
class Registry:
    period_pages: list[PeriodPage] = field(default_factory=list)
    export_tables: dict[str, ExportTable] = field(default_factory=dict)
    demo_loaders: list[DemoLoader] = field(default_factory=list)
    dashboard_panels: list[DashboardPanel] = field(default_factory=list)
    scale_generators: list[ScaleGenerator] = field(default_factory=list)

    def add_scale_generator(self, generator: ScaleGenerator) -> None:
        if generator.name not in {existing.name for existing in self.scale_generators}:
            self.scale_generators.append(generator)
            self.scale_generators.sort(key=lambda g: g.order)

    def add_period_page(self, page: PeriodPage) -> None:
        if page not in self.period_pages:
            self.period_pages.append(page)
            self.period_pages.sort(key=lambda p: p.order)

    def add_export_table(self, table: ExportTable) -> None:
        self.export_tables[table.name] = table

    def add_demo_loader(self, loader: DemoLoader) -> None:
        if loader.name not in {existing.name for existing in self.demo_loaders}:
            self.demo_loaders.append(loader)
            self.demo_loaders.sort(key=lambda d: d.order)

    def add_dashboard_panel(self, panel: DashboardPanel) -> None:
        if panel.name not in {existing.name for existing in self.dashboard_panels}:
            self.dashboard_panels.append(panel)
            self.dashboard_panels.sort(key=lambda p: p.order)

    def tables(self) -> list[ExportTable]:
        return sorted(self.export_tables.values(), key=lambda t: t.order)


registry = Registry()


def load_demo_data(say: Callable[[str], None] = lambda _message: None) -> None:
    """Every registered part of the demo data set, in order, in one transaction."""
    from django.db import transaction

    with transaction.atomic():
        for loader in registry.demo_loaders:
            loader.load(say)
