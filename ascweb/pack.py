"""The committee appendix pack: which parts it holds, their letters, and their content.

Every registered table (ascweb.registry.ExportTable), text section (PackSection) and chart
(PackChart) is a part. The pack prints the report's own tables first (table 2.1), then the
charts, then the appendices, each group in registered order; appendices are lettered A, B, ...
in the order they appear, after the lead's choice of contents and after dropping parts with
nothing to show for the period, so letters and cross-references always follow the contents.
"""

import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils import timezone

from ascweb import exports, pack_charts
from ascweb.registry import APPENDIX, NOT_IN_PACK, REPORT, ExportTable, PackChart, PackSection, registry
from ascweb.tables import BaseTable, MoneyColumn, PercentColumn

TABLE, SECTION, CHART = "table", "section", "chart"
_GROUP = {REPORT: 0, CHART: 1, APPENDIX: 2}
_LETTER_PREFIX = re.compile(r"^(appendix [a-z]|table [0-9.]+)\s*:\s*", re.IGNORECASE)
DRAFT_MARK = "DRAFT - not for publication"


@dataclass(frozen=True)
class PartChoice:
    """A part the pack can hold, before it is assembled for a period."""

    name: str
    heading: str
    kind: str  # TABLE, SECTION or CHART
    role: str  # REPORT or APPENDIX (charts: CHART)
    order: int
    source: Any

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (_GROUP[self.role], self.order, self.name)

    @property
    def choice_label(self) -> str:
        """How the lead's form names the part (its letter depends on the choice)."""
        if self.role == APPENDIX:
            return f"Appendix: {self.heading}"
        if self.kind == CHART:
            return f"Chart: {self.heading}"
        number = report_label(self.source) if self.kind == TABLE else ""
        return f"{number}: {self.heading}" if number else self.heading


@dataclass
class Part:
    """A part of an assembled pack: its label ("Appendix B", "Table 2.1"; none for a chart)
    and its body: a table, a section's HTML, or a chart's figure, SVG and figures table."""

    choice: PartChoice
    label: str = ""
    table: tables.Table | None = None
    rounding: bool = False
    notes: list[str] = field(default_factory=list)
    section_context: dict | None = None
    section_html: str = ""  # rendered once the letters are known
    figure: Any = None
    summary: str = ""
    svg: str = ""
    data: tuple[list[str], list[list[str]]] | None = None
    anchor: str = ""

    @property
    def name(self) -> str:
        return self.choice.name

    @property
    def kind(self) -> str:
        return self.choice.kind

    @property
    def heading(self) -> str:
        return self.choice.heading

    @property
    def is_appendix(self) -> bool:
        return self.choice.role == APPENDIX

    @property
    def title(self) -> str:
        return f"{self.label}: {self.heading}" if self.label else self.heading


@dataclass
class Pack:
    period: Any
    parts: list[Part]
    stamp: str
    is_draft: bool

    @property
    def title(self) -> str:
        return f"Adult Social Care finance monitoring: appendix pack, {self.period.title}"


# --- Choosing the contents --------------------------------------------------------------------


def choices() -> list[PartChoice]:
    """Every part registered for the pack, in pack order."""
    found = [_table_choice(t) for t in registry.tables() if t.pack != NOT_IN_PACK]
    found += [_section_choice(s) for s in registry.pack_sections.values() if s.pack != NOT_IN_PACK]
    found += [_chart_choice(c) for c in registry.pack_charts.values()]
    return sorted(found, key=lambda c: c.sort_key)


def _table_choice(table: ExportTable) -> PartChoice:
    return PartChoice(table.name, table.heading or bare_heading(table.title), TABLE, table.pack, table.order, table)


def _section_choice(section: PackSection) -> PartChoice:
    return PartChoice(section.name, bare_heading(section.title), SECTION, section.pack, section.order, section)


def _chart_choice(chart: PackChart) -> PartChoice:
    return PartChoice(chart.name, chart.title, CHART, CHART, chart.order, chart)


def bare_heading(title: str) -> str:
    """'Appendix A: budget monitoring' -> 'Budget monitoring' (the letter is the pack's to give)."""
    bare = _LETTER_PREFIX.sub("", title).strip()
    first_word = bare.split(" ", 1)[0]
    return bare[:1].upper() + bare[1:] if first_word.islower() else bare  # never "IBCF"


def report_label(table: ExportTable) -> str:
    """A report table keeps its own number: 'Table 2.1: summary ...' -> 'Table 2.1'."""
    match = _LETTER_PREFIX.match(table.title)
    return match.group(1) if match else ""


def letters(names_in_order: Iterable[tuple[str, bool]]) -> dict[str, str]:
    """Appendix letters in order of appearance: [(name, is_appendix)] -> {name: "A", ...}."""
    appendices = [name for name, is_appendix in names_in_order if is_appendix]
    if len(appendices) > len(string.ascii_uppercase):
        raise ValueError("More appendices than letters")
    return dict(zip(appendices, string.ascii_uppercase, strict=False))


# --- Assembling -------------------------------------------------------------------------------


def publication_stamp(period) -> str:
    """The footer line: 'Period 10 (January) 2017-18, published 5 March 2018'."""
    if not period.is_published or period.published_at is None:
        return f"{period.title}, {DRAFT_MARK}"
    published = timezone.localtime(period.published_at)
    return f"{period.title}, published {published.day} {published:%B %Y}"


def assemble(period, selected: list[str] | None = None, *, draw_charts: bool = True) -> Pack:
    """The pack for a period: the selected parts (all, when None) that have something to show.

    `draw_charts=False` keeps the chart parts but does not draw them (the contents page).
    """
    wanted = [c for c in choices() if selected is None or c.name in selected]
    figures = _ChartFigures(period)
    parts = [part for part in (_build(choice, period, figures) for choice in wanted) if part is not None]
    _label(parts)
    refs = {part.name: part.label for part in parts if part.label}
    for part in parts:
        _finish(part, period, refs)
    if draw_charts:
        pack_charts.draw([part for part in parts if part.kind == CHART])
    return Pack(period=period, parts=parts, stamp=publication_stamp(period), is_draft=not period.is_published)


class _ChartFigures:
    """The registered charts' figures for one period: each app's figures built once, however
    many of its charts the pack prints."""

    def __init__(self, period) -> None:
        self.period = period
        self._built: dict[Callable, dict[str, dict]] = {}

    def chart(self, chart: PackChart) -> dict | None:
        if chart.figures not in self._built:
            self._built[chart.figures] = chart.figures(self.period) or {}
        return self._built[chart.figures].get(chart.key)


def _build(choice: PartChoice, period, figures: _ChartFigures) -> Part | None:
    part = Part(choice=choice, anchor=f"part-{choice.name}")
    if choice.kind == TABLE:
        rows = choice.source.rows(period)
        if not rows:
            return None
        part.table = html_table(choice.source, period, rows)
        part.rounding = may_not_add(part.table)
    elif choice.kind == SECTION:
        context = choice.source.context(period)
        if context is None:
            return None
        part.section_context = context
    else:
        chart = figures.chart(choice.source)
        if chart is None:
            return None
        part.figure, part.summary = chart["figure"], chart.get("summary", "")
        part.data = pack_charts.figure_table(part.figure)
    return part


def _label(parts: list[Part]) -> None:
    given = letters((part.name, part.is_appendix) for part in parts)
    for part in parts:
        if part.name in given:
            part.label = f"Appendix {given[part.name]}"
        elif part.kind == TABLE:
            part.label = report_label(part.choice.source)


def _finish(part: Part, period, refs: dict[str, str]) -> None:
    if part.kind == TABLE:
        part.table.caption = f"Adult Social Care {period.year.code}: {part.heading}, {period.title}"
        part.notes = notes(part.choice.source.notes, refs)
    elif part.kind == SECTION:
        part.notes = notes(part.choice.source.notes, refs)
        context = {**part.section_context, "period": period, "label": part.label, "part": part}
        part.section_html = render_to_string(part.choice.source.template, context)


def notes(sentences: Iterable[str], refs: dict[str, str]) -> list[str]:
    """Each sentence with its {name} references replaced by labels; a sentence naming a part
    the pack does not hold is left out, so no cross-reference points at nothing."""
    out = []
    for sentence in sentences:
        names = [name for _text, name, _spec, _conv in string.Formatter().parse(sentence) if name]
        if all(refs.get(name) for name in names):
            out.append(sentence.format_map(refs))
    return out


# --- Tables: the app's own table code, or one built from the CSV columns -----------------------


def html_table(table: ExportTable, period, rows: list) -> tables.Table:
    """The django-tables2 table the HTML page shows (`html` hook), else one from `columns`."""
    if table.html is not None:
        return table.html(period, rows)
    names = [_column_name(index, kind) for index, (_header, _get, kind) in enumerate(table.columns)]
    cells = [
        _Cells(row, {name: get(row) for name, (_header, get, _kind) in zip(names, table.columns, strict=True)})
        for row in rows
    ]
    return _generic_table(table, names)(cells)


def _column_name(index: int, kind: str) -> str:
    return "label" if index == 0 and kind == "text" else f"c{index}"


class _Cells(dict):
    """One row of a table built from `columns`: its values by column name, and the row's kind
    and depth (for styling totals and checking that they add up)."""

    def __init__(self, record, values: dict):
        super().__init__(values)
        self.kind = getattr(record, "kind", "line")
        self.depth = getattr(record, "depth", 0)


def _row_class(record) -> str:
    return f"govuk-table__row app-row--{record.kind}"


def _generic_table(table: ExportTable, names: list[str]) -> type[tables.Table]:
    kinds = {"money": MoneyColumn, "percent": PercentColumn}
    attrs: dict[str, Any] = {
        name: kinds.get(kind, tables.Column)(verbose_name=header)
        for name, (header, _get, kind) in zip(names, table.columns, strict=True)
    }
    attrs["Meta"] = type("Meta", (BaseTable.Meta,), {"row_attrs": {"class": _row_class}, "sequence": names})
    return type("GenericExportTable", (BaseTable,), attrs)


def money_columns(table: tables.Table) -> list[str]:
    return [column.name for column in table.columns if isinstance(column.column, MoneyColumn)]


def raw_value(table: tables.Table, bound_row, name: str):
    """A cell's value before formatting (pence, a ratio or text)."""
    return table.columns[name].accessor.resolve(bound_row.record, quiet=True)


def may_not_add(table: tables.Table) -> bool:
    """Whether "figures may not add due to rounding" is true of this table as printed."""
    return exports.figures_may_not_add(_money_matrix(table))


def _money_matrix(table: tables.Table) -> list[tuple[str, int, list[int | None]]]:
    names = money_columns(table)
    return [
        (
            getattr(row.record, "kind", "line"),
            getattr(row.record, "depth", 0),
            [raw_value(table, row, name) for name in names],
        )
        for row in table.rows
    ]
