"""Where the apps plug into shared pages and commands, so none of them edits another's code.

Each app registers, from its AppConfig.ready():
- period pages: links in every period's navigation ("Savings", "iBCF", ...);
- export tables: committee tables that `export_table`, the Excel/CSV downloads and the
  appendix pack can render (one selector's rows, every format);
- demo data: the app's part of the Norfolk demo data set, a manifest of import files under
  data/norfolk/ that `load_demo` (ascweb.demo) imports in order through the app's import kinds;
- dashboard panels: sections of the member dashboard, each with its entry in the contents
  and, optionally, its line of the glance at the top (Glance);
- pack sections and pack charts: the appendix pack's text sections (Appendix B's
  explanations) and the dashboard's charts, printed from the same Plotly figures (every
  chart of the dashboard is one);
- import kinds: figures a lead can load from a CSV/XLSX file (the template out, the file in),
  all through one runner (ascweb.imports.run_import), one upload page and one command;
- readers: figures one app offers to another app's pages, by a name declared here (the iBCF
  page shows its carry-forward from the reserves statement), so neither imports the other;
- workspace sections: what an officer must do in a period, item by item with its state, on
  the core's officer workspace (ascweb.workspace).

The appendix pack (ascweb.pack) prints every registered table, section and chart in `order`;
a part with `pack == APPENDIX` carries its fixed `letter`, the committee report's (A budget
monitoring, B explanations, C iBCF, D savings, E reserves and provisions, F capital), so the
letters never shift when a part is empty or left out; an empty part prints its `empty` text.
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


# Where a part goes in the appendix pack.
APPENDIX = "appendix"  # a lettered appendix (A, B, ...), starting a page
REPORT = "report"  # a numbered table of the report itself (table 2.1): in the pack, no letter
NOT_IN_PACK = ""  # downloads only


@dataclass(frozen=True)
class ExportTable:
    """A committee table. `rows(period)` is the app's selector; `columns` the CSV layout:
    (header, getter, kind) where kind is "text", "money" (pence) or "percent" (a ratio).

    Optional, for the pack and the Excel download:
    - `html(period, rows)` returns the django-tables2 table the app's HTML page shows, so the
      PDF and Excel render the same table code (without it, one is built from `columns`);
    - `pack`: APPENDIX, REPORT or NOT_IN_PACK; `heading` the name printed after the letter
      ("Budget monitoring"; defaults to `title` without an "Appendix X: " prefix);
    - `notes`: sentences printed under the table; `{name}` refers to another part of the pack
      and becomes its label ("Appendix B"); a sentence whose part is not in the pack is left out;
    - `letter`: the appendix's fixed letter (parts sharing a letter print together, in `order`);
      `empty`: the sentence printed instead of the table when the period has no rows (why);
    - `printed_source`: a regular expression (Python and PostgreSQL alike) matching the
      FidelityNote.source of the paper's printing of this table, so its page and the pack can
      footnote where a figure differs from the printed one (ascweb.fidelity.table_footnotes).
    """

    name: str
    title: str
    rows: Callable[[Any], list]
    columns: list[tuple[str, Callable[[Any], Any], str]]
    order: int = 100
    html: Callable[[Any, list], Any] | None = None
    pack: str = APPENDIX
    heading: str = ""
    notes: tuple[str, ...] = ()
    letter: str = ""
    empty: str = ""
    printed_source: str = ""


@dataclass(frozen=True)
class PackSection:
    """A part of the pack that is not a table, e.g. Appendix B's explanations of variances:
    `template` rendered with `context(period)` (None: nothing to print for that period) plus
    `period`, `label` ("Appendix B") and `part` (whose `notes` are `notes` with their
    references resolved, as for ExportTable). `letter` and `empty` as for ExportTable."""

    name: str
    title: str
    template: str
    context: Callable[[Any], dict | None]
    order: int
    pack: str = APPENDIX
    notes: tuple[str, ...] = ()
    letter: str = ""
    empty: str = ""


@dataclass(frozen=True)
class PackChart:
    """A dashboard chart for the pack, printed as SVG with its summary and its figures in a
    table beneath. `figures(period)` is the app's dashboard figures by key, each
    {"figure": the Plotly figure, "summary": its words}, from the builder the dashboard itself
    uses; `key` picks this chart's (absent: nothing to show for that period). Charts that
    share one `figures` are built from one call per pack. Registering a name again replaces
    the chart. A chart with a `letter` belongs to that appendix and prints in it, in `order`
    among its parts; without one it prints with the dashboard's charts after the report's tables."""

    name: str
    title: str
    figures: Callable[[Any], dict[str, dict]]
    key: str
    order: int
    letter: str = ""


@dataclass(frozen=True)
class DemoData:
    """An app's part of the demo data set: `manifest` names a TOML file in data/norfolk/ that
    lists the import files in load order (see ascweb.demo); parts load in `order`."""

    name: str
    manifest: str  # "finance.toml"
    order: int


@dataclass(frozen=True)
class Glance:
    """One line at the top of the member dashboard: the answer to one of the members' four
    questions (where will we end the year, what moved since the last report, are the savings
    being delivered, what is in reserves) in words and figures, with its trend since the
    previous report ("" when there is none to compare with). `anchor` is the id of the section
    with the detail; lines are shown in `order`."""

    question: str
    answer: str
    trend: str
    anchor: str
    order: int


@dataclass(frozen=True)
class Assignable:
    """Something an app assigns to officers (ascweb.models.Assignment), as the demo's users.toml
    names it: `name` alone ("reserves") or `name:code` ("workstream:COM"). `assign(user, code)`
    assigns it ("" for no code), again harmlessly; an unknown code raises LookupError."""

    name: str
    assign: Callable[[Any, str], None]


@dataclass(frozen=True)
class DashboardPanel:
    """A dashboard section: `context(period, user)` returns the template's context, or None
    when the panel has nothing to show for that period. `title` is its entry in the
    dashboard's contents, which links to `anchor` (the section's id on the page); `glance`,
    given the panel's context, returns the panel's line at the top of the dashboard (or None)."""

    name: str
    template: str
    context: Callable[[Any, Any], dict | None]
    order: int
    title: str = ""
    anchor: str = ""
    glance: Callable[[dict], Glance | None] | None = None

    @property
    def contents_title(self) -> str:
        return self.title or self.name

    @property
    def html_id(self) -> str:
        return self.anchor or "panel-" + "-".join(self.name.lower().split())


# Readers named by the core, so the app that offers one and the app that uses it need not meet.
# reserve-rows: read(period, reserve ids) -> {reserve id: the reserve's row in the period's
# statement}, each row with `label`, `balance_1_april`, `proposed_usage`, `balance_31_march`.
RESERVE_ROWS = "reserve-rows"
# savings-targets: read(year codes) -> {department code: {year code: the savings agreed for that
# year, pence (negative)}}: the savings programme's targets, which a budget planning round starts
# from as the department's previously agreed savings.
SAVINGS_TARGETS = "savings-targets"


@dataclass(frozen=True)
class Reader:
    name: str  # one of the names above
    read: Callable[..., Any]


@dataclass(frozen=True)
class ImportKind:
    """Figures that can be loaded from a file (see ascweb.importing and finance.imports).

    - `columns`: the file's columns (ascweb.importing.Column), in template order; a file must
      name each `required` column in its first row;
    - `template_rows(period)`: the period's current figures as dicts by column name (money in
      pence), written out as the template to fill in;
    - `load(job)`: parse `job.upload` against the database, add every problem to `job.report`,
      and write (inside the runner's transaction) only when there is none;
    - `per_period`: the file is for one period, which must be open (a revenue import may create
      it: `creates_period`); otherwise the file names its own years and periods;
    - `description`: the upload page's explanation of the layout (plain text);
    - `shown_at`: the page (URL name, reversed with year code and period number) where a
      per-period import's figures are shown: the lead is taken there after a clean import.
    """

    name: str  # in URLs and on the command line: "period", "savings", ...
    title: str  # "Revenue figures"
    columns: list
    template_rows: Callable[[Any], list[dict]]
    load: Callable[[Any], None]
    order: int
    description: str = ""
    per_period: bool = True
    creates_period: bool = False
    can_publish: bool = False
    shown_at: str = "period"

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


@dataclass(frozen=True)
class Check:
    """Something still wrong or undone in a period, found before it is submitted or published:
    `key` is stable across requests (the lead acknowledges checks by key), `message` says what
    and where in words a lead understands, `url` is the page where it is put right."""

    key: str  # "revenue:unexplained:OP"
    section: str  # "Revenue", "Savings", ...
    message: str
    url: str = ""


@dataclass(frozen=True)
class Lifecycle:
    """An app's part in a period's lifecycle (ascweb.lifecycle calls these, in `order`, inside
    the lifecycle's own transaction):

    - `started(period=, previous=, user=)`: a period has been started after `previous` (the
      latest period): carry the app's figures forward into it, each carried row marked
      `carried_from=previous` until an officer confirms or changes it;
    - `checks(period=)`: what is still wrong or undone (a list of Check), shown before submit
      and publish; publishing with any left needs the lead to acknowledge each;
    - `published(period=)`: freeze what the app's report shows for the period;
    - `reopened(period=)`: a published period is open again: let go of what was frozen.
    """

    name: str
    order: int
    started: Callable[..., None] | None = None
    checks: Callable[..., list[Check]] | None = None
    published: Callable[..., None] | None = None
    reopened: Callable[..., None] | None = None


@dataclass(frozen=True)
class WorkItem:
    """One figure an officer looks after in a period: `state` is one of ascweb.workspace's
    states (from its figure_state), `url` the page that edits it, `group` what it is listed
    under ("Services to Users"; blank: the section itself), `officers` the ids of the officers
    responsible (None: any finance officer)."""

    label: str
    state: str
    url: str
    group: str = ""
    officers: frozenset[int] | None = None


@dataclass(frozen=True)
class WorkspaceSection:
    """A part of the officer workspace: `items(period, user)` lists the figures of the period
    that `user` looks after (a lead: every one), each a WorkItem; `action` is the edit link's
    words ("Enter forecasts")."""

    name: str
    title: str
    items: Callable[[Any, Any], list[WorkItem]]
    order: int
    action: str = "Update"


@dataclass
class Registry:
    period_pages: list[PeriodPage] = field(default_factory=list)
    export_tables: dict[str, ExportTable] = field(default_factory=dict)
    demo_data: list[DemoData] = field(default_factory=list)
    dashboard_panels: list[DashboardPanel] = field(default_factory=list)
    pack_sections: dict[str, PackSection] = field(default_factory=dict)
    pack_charts: dict[str, PackChart] = field(default_factory=dict)
    import_kinds: dict[str, ImportKind] = field(default_factory=dict)
    lifecycle_hooks: dict[str, Lifecycle] = field(default_factory=dict)
    readers: dict[str, Reader] = field(default_factory=dict)
    workspace_sections: dict[str, WorkspaceSection] = field(default_factory=dict)
    assignables: dict[str, Assignable] = field(default_factory=dict)

    def add_assignable(self, assignable: Assignable) -> None:
        self.assignables[assignable.name] = assignable

    def add_workspace_section(self, section: WorkspaceSection) -> None:
        self.workspace_sections[section.name] = section

    def workspace(self) -> list[WorkspaceSection]:
        return sorted(self.workspace_sections.values(), key=lambda s: s.order)

    def add_reader(self, reader: Reader) -> None:
        self.readers[reader.name] = reader

    def read(self, name: str, *args: Any, default: Any = None) -> Any:
        """What the app offering `name` reads for these arguments; `default` when no installed
        app offers it."""
        reader = self.readers.get(name)
        return reader.read(*args) if reader is not None else default

    def add_lifecycle(self, hooks: Lifecycle) -> None:
        self.lifecycle_hooks[hooks.name] = hooks

    def lifecycle(self) -> list[Lifecycle]:
        return sorted(self.lifecycle_hooks.values(), key=lambda h: h.order)

    def add_import_kind(self, kind: ImportKind) -> None:
        self.import_kinds[kind.name] = kind

    def imports(self) -> list[ImportKind]:
        return sorted(self.import_kinds.values(), key=lambda k: k.order)

    def add_period_page(self, page: PeriodPage) -> None:
        if page not in self.period_pages:
            self.period_pages.append(page)
            self.period_pages.sort(key=lambda p: p.order)

    def add_export_table(self, table: ExportTable) -> None:
        self.export_tables[table.name] = table

    def add_demo_data(self, data: DemoData) -> None:
        if data.name not in {existing.name for existing in self.demo_data}:
            self.demo_data.append(data)
            self.demo_data.sort(key=lambda d: d.order)

    def add_dashboard_panel(self, panel: DashboardPanel) -> None:
        if panel.name not in {existing.name for existing in self.dashboard_panels}:
            self.dashboard_panels.append(panel)
            self.dashboard_panels.sort(key=lambda p: p.order)

    def add_pack_section(self, section: PackSection) -> None:
        self.pack_sections[section.name] = section

    def add_pack_chart(self, chart: PackChart) -> None:
        self.pack_charts[chart.name] = chart

    def tables(self) -> list[ExportTable]:
        return sorted(self.export_tables.values(), key=lambda t: t.order)


registry = Registry()
