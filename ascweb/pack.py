"""The committee appendix pack: which parts it holds, their letters, and their content.

Every registered table (ascweb.registry.ExportTable), text section (PackSection) and chart
(PackChart) is a part. The pack prints the report's own tables first (table 2.1), then the
charts, then the appendices in letter order. An appendix's letter is fixed at registration, as
the committee report letters them (A budget monitoring, B explanations, C iBCF, D savings,
E reserves and provisions, F capital), so it is the same on the web page, in every period's
pack and whatever the lead leaves out; an appendix with nothing to show for the period is
printed with a sentence saying why, never dropped.
"""

import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils import timezone

from ascweb import exports, fidelity, pack_charts
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
    letter: str = ""  # an appendix's fixed letter

    @property
    def sort_key(self) -> tuple[int, str, int, str]:
        return (_GROUP[self.role], self.letter or "~", self.order, self.name)

    @property
    def choice_label(self) -> str:
        """How the lead's form names the part (an appendix by its fixed letter)."""
        if self.role == APPENDIX:
            return f"Appendix {self.letter}: {self.heading}" if self.letter else f"Appendix: {self.heading}"
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
    continues: bool = False  # a further part of the appendix before it (same letter): no new page
    empty: str = ""  # why there is nothing to show for the period (printed instead of the body)
    table: tables.Table | None = None
    rounding: bool = False
    footnotes: list[str] = field(default_factory=list)  # where a figure differs from the printed paper
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
    publication_line: str  # "Period 10 (January) 2017-18, published 5 March 2018": the footer of every page
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
    given = letters((c.name, c.role == APPENDIX, c.letter) for c in sorted(found, key=lambda c: c.sort_key))
    found = [replace(c, letter=given.get(c.name, "")) for c in found]
    return sorted(found, key=lambda c: c.sort_key)


def _table_choice(table: ExportTable) -> PartChoice:
    heading = table.heading or bare_heading(table.title)
    return PartChoice(table.name, heading, TABLE, table.pack, table.order, table, table.letter)


def _section_choice(section: PackSection) -> PartChoice:
    return PartChoice(
        section.name, bare_heading(section.title), SECTION, section.pack, section.order, section, section.letter
    )


def _chart_choice(chart: PackChart) -> PartChoice:
    return PartChoice(
        chart.name, chart.title, CHART, APPENDIX if chart.letter else CHART, chart.order, chart, chart.letter
    )


def bare_heading(title: str) -> str:
    """'Appendix A: budget monitoring' -> 'Budget monitoring' (the letter is the pack's to give)."""
    bare = _LETTER_PREFIX.sub("", title).strip()
    first_word = bare.split(" ", 1)[0]
    return bare[:1].upper() + bare[1:] if first_word.islower() else bare  # never "IBCF"


def report_label(table: ExportTable) -> str:
    """A report table keeps its own number: 'Table 2.1: summary ...' -> 'Table 2.1'."""
    match = _LETTER_PREFIX.match(table.title)
    return match.group(1) if match else ""


def letters(parts: Iterable[tuple[str, bool, str]]) -> dict[str, str]:
    """Appendix letters: [(name, is_appendix, fixed letter or "")] -> {name: "A", ...}. A part
    keeps its fixed letter; one registered without a letter takes the next letter no part holds,
    in order of appearance (of everything registered, so it too never shifts)."""
    parts = [(name, fixed) for name, is_appendix, fixed in parts if is_appendix]
    taken = {fixed for _name, fixed in parts if fixed}
    free = iter(letter for letter in string.ascii_uppercase if letter not in taken)
    given = {}
    for name, fixed in parts:
        letter = fixed or next(free, "")
        if not letter:
            raise ValueError("More appendices than letters")
        given[name] = letter
    return given


def label_for(name: str) -> str:
    """A registered part's label as the pack prints it ("Appendix C"; a report table its number),
    for the web page that shows the same figures; "" for a part the pack does not letter."""
    for choice in choices():
        if choice.name == name:
            if choice.letter:
                return f"Appendix {choice.letter}"
            return report_label(choice.source) if choice.kind == TABLE else ""
    return ""


# --- Assembling -------------------------------------------------------------------------------


def publication_line(period) -> str:
    """The footer line: 'Period 10 (January) 2017-18, published 5 March 2018'."""
    if not period.is_published or period.published_at is None:
        return f"{period.title}, {DRAFT_MARK}"
    published = timezone.localtime(period.published_at)
    return f"{period.title}, published {published.day} {published:%B %Y}"


def assemble(period, selected: list[str] | None = None, *, draw_charts: bool = True) -> Pack:
    """The pack for a period: the selected parts (all, when None). An appendix with nothing to
    show for the period is kept with its letter and a sentence saying why; a chart or a report
    table with nothing to show is left out.

    `draw_charts=False` keeps the chart parts but does not draw them (the contents page).
    """
    wanted = [c for c in choices() if selected is None or c.name in selected]
    figures = _ChartFigures(period)
    parts = [part for part in (_build(choice, period, figures) for choice in wanted) if part is not None]
    _label(parts)
    _footnote(parts, period)
    refs = {part.name: part.label for part in parts if part.label}
    for part in parts:
        _finish(part, period, refs)
    if draw_charts:
        pack_charts.draw([part for part in parts if part.kind == CHART])
    return Pack(period=period, parts=parts, publication_line=publication_line(period), is_draft=not period.is_published)


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
            return _empty(part, period)
        part.table = html_table(choice.source, period, rows)
        part.rounding = may_not_add(part.table)
    elif choice.kind == SECTION:
        context = choice.source.context(period)
        if context is None:
            return _empty(part, period)
        part.section_context = context
    else:
        chart = figures.chart(choice.source)
        if chart is None:
            return None
        part.figure, part.summary = chart["figure"], chart.get("summary", "")
        part.data = pack_charts.figure_table(part.figure)
    return part


def _footnote(parts: list[Part], period) -> None:
    """Each table's footnotes where a figure differs from the paper's printing (one query)."""
    tables = [part for part in parts if part.kind == TABLE and not part.empty]
    found = fidelity.table_footnotes(period, [part.name for part in tables])
    for part in tables:
        part.footnotes = found[part.name]


def _empty(part: Part, period) -> Part | None:
    """An appendix with nothing to show for the period keeps its place and letter, saying why;
    a report table with no rows is left out."""
    if not part.is_appendix:
        return None
    part.empty = part.choice.source.empty or f"There is nothing to report here for {period.title}."
    return part


def _label(parts: list[Part]) -> None:
    previous = ""
    for part in parts:
        if part.choice.letter:
            part.label = f"Appendix {part.choice.letter}"
            part.continues = part.choice.letter == previous
            previous = part.choice.letter
        elif part.kind == TABLE:
            part.label = report_label(part.choice.source)


def _finish(part: Part, period, refs: dict[str, str]) -> None:
    if part.empty:
        return
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
