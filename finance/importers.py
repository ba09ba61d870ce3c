"""Validating a period's revenue figures from an uploaded table (finance.imports.REVENUE):
pure checks over rows, no writes.

Columns: line_code, line_name, area, budget, forecast_outturn, explanation (amounts in £).
A line is matched by its code, or, where the code is blank, by its name or another name the
papers use (an alias) within its expenditure area. A row whose code is an area or group (or
the department) is a printed total: never stored, only checked against the sum of the lines.
"""

from dataclasses import dataclass, field

from ascweb.importing import Report, Table
from ascweb.money import AmountError, parse_amount
from finance.calculations import Tree, needs_explanation
from finance.services import LineEntry


@dataclass(frozen=True)
class PrintedTotal:
    row: int
    node_id: int
    column: str  # "budget" or "forecast"
    printed: int


@dataclass
class ParsedPeriod:
    entries: dict[int, LineEntry] = field(default_factory=dict)
    totals: list[PrintedTotal] = field(default_factory=list)
    group_explanations: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Structure:
    """What the importer needs to know of the reporting tree, read once."""

    tree: Tree
    names: dict[int, str]
    codes: dict[str, int]  # upper-case code -> node id
    kinds: dict[int, str]
    areas: dict[str, int]  # lower-case area code, name or alias -> area id
    lines_in_area: dict[int, dict[str, int]]  # area id -> lower-case line name or alias -> line id


def parse_period(
    table: Table, structure: Structure, *, threshold: int, report: Report, explained: set[int] = frozenset()
) -> ParsedPeriod:
    """`explained`: groups already explained for the period; a group's explanation (in the
    database or on a group row of the file) covers the lines under it. A material variance
    left unexplained is accepted with a note (a paper's past period often gives no text): the
    period's pages and checks then show it as missing."""
    parsed = ParsedPeriod()
    resolved = [(number, row, _resolve(number, row, structure, report)) for number, row in table.rows]
    for number, row, node_id in resolved:
        if node_id is not None and structure.kinds[node_id] != "line":
            _printed_total(number, row, node_id, parsed, report)
            if row.get("explanation", ""):
                parsed.group_explanations[node_id] = row["explanation"]
    covered = set(explained) | set(parsed.group_explanations)
    first_seen: dict[int, int] = {}
    for number, row, node_id in resolved:
        if node_id is None or structure.kinds[node_id] != "line":
            continue
        name = structure.names[node_id]
        if node_id in first_seen:
            report.add(number, "line_code", f"{name} appears twice (first at row {first_seen[node_id]})")
            continue
        first_seen[node_id] = number
        budget = _amount(number, row, "budget", name, report)
        forecast = _amount(number, row, "forecast_outturn", name, report)
        explanation = row.get("explanation", "")
        if budget is None or forecast is None:
            continue
        material = needs_explanation(forecast - budget, threshold)
        if material and not explanation and not structure.tree.ancestors(node_id) & covered:
            report.notes.append(
                f"Row {number}: {name}: a variance of £{abs(forecast - budget) // 100:,} has no explanation "
                "(accepted: shown as missing)"
            )
        if len(explanation) > 4000:
            report.add(number, "explanation", f"{name}: keep the explanation under 4,000 characters")
            continue
        parsed.entries[node_id] = LineEntry(node_id, budget, forecast, explanation)
    report.problems.sort(key=lambda problem: problem.row or 0)  # stable: columns stay in file order
    return parsed


def _resolve(number: int, row: dict[str, str], structure: Structure, report: Report) -> int | None:
    code = row.get("line_code", "").strip()
    if code:
        node_id = structure.codes.get(code.upper())
        if node_id is None:
            report.add(number, "line_code", f"Unknown line code {code!r}")
        return node_id
    name, area = row.get("line_name", "").strip(), row.get("area", "").strip()
    if not name:
        report.add(number, "line_code", "Give a line code, or a line name and its area")
        return None
    area_id = structure.areas.get(area.lower())
    if area_id is None:
        report.add(number, "area", f"Unknown expenditure area {area!r}" if area else f"Give the area of {name!r}")
        return None
    node_id = structure.lines_in_area[area_id].get(name.lower())
    if node_id is None:
        report.add(number, "line_name", f"No line called {name!r} in {structure.names[area_id]}")
    return node_id


def _amount(number: int, row: dict[str, str], column: str, name: str, report: Report) -> int | None:
    text = row.get(column, "")
    try:
        return parse_amount(text)
    except AmountError as error:
        report.add(number, column, f"{name}: {error}")
        return None


def _printed_total(number: int, row: dict[str, str], node_id: int, parsed: ParsedPeriod, report: Report) -> None:
    for column, field_name in (("budget", "budget"), ("forecast_outturn", "forecast")):
        text = row.get(column, "")
        if not text:
            continue
        try:
            parsed.totals.append(PrintedTotal(number, node_id, field_name, parse_amount(text)))
        except AmountError as error:
            report.add(number, column, f"printed total: {error}")
