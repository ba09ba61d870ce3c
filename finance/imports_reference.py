"""Finance's reference imports: files that name their own years, not a period's figures.

- reporting lines: the tree (code, name, kind, parent, order, total label, heading, income,
  other names the papers use);
- outturn: a year's actual and over/underspend at outturn, at the depth the papers give it;
- budget profiles: how each year's budget is spread over its periods;
- area assignments: which expenditure areas each finance officer looks after.

Each goes through the one runner (finance.imports.run_import): every problem reported by row
and column, nothing written unless there are none. A row equal to what is held writes
nothing, so importing the same file again leaves no trace in the history. The template of
each is everything held, in the file's layout: exported and imported again, it changes nothing.
"""

import re
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models

from ascweb import permissions
from ascweb.importing import Column, read_cells
from ascweb.imports import ImportJob
from ascweb.models import FinancialYear
from ascweb.registry import ImportKind, registry
from finance.calculations import check_explicit_weights
from finance.imports import _area_names, _year_code
from finance.models import AreaAssignment, BudgetProfile, LineAlias, LineForecast, PriorYearOutturn, ReportingLine

Kind = ReportingLine.Kind
YES_NO = (("yes", "yes"), ("no", "no"))
ALIAS_SEPARATOR = ";"


def _write(job: ImportJob, obj: models.Model) -> None:
    """Save with the importing user and the file's name in the history."""
    obj._history_user = job.user
    obj._change_reason = job.reason
    obj.save()


def _remove(job: ImportJob, obj: models.Model) -> None:
    obj._history_user = job.user
    obj._change_reason = job.reason
    obj.delete()


def _changed(obj: models.Model, values: dict[str, Any]) -> bool:
    """Set `values` on `obj`; True if any differed."""
    differs = any(getattr(obj, name) != value for name, value in values.items())
    for name, value in values.items():
        setattr(obj, name, value)
    return differs


def _upsert(job: ImportJob, held: models.Model | None, make, fields: dict[str, Any]) -> None:
    """Add a row (`make(**fields)`) or bring the held one up to `fields`; counted in the report."""
    if held is None:
        _write(job, make(**fields))
        job.report.created += 1
    elif _changed(held, fields):
        _write(job, held)
        job.report.changed += 1
    else:
        job.report.unchanged += 1


def _year(job: ImportJob, number: int, text: str) -> str | None:
    code = _year_code(text)
    if code is None:
        job.report.add(number, "year", f"{text!r} is not a financial year like 2017-18")
    return code


def _years(codes) -> dict[str, FinancialYear]:
    return {
        code: FinancialYear.objects.get_or_create(code=code, defaults={"start_year": int(code[:4])})[0]
        for code in sorted(set(codes))
    }


def _names_of(node: ReportingLine) -> set[str]:
    return {node.name.casefold(), *(alias.casefold() for alias in node.aliases.values_list("name", flat=True))}


# --- Reporting lines ----------------------------------------------------------------------------

LINE_COLUMNS = [
    Column("code", required=True, max_length=40),
    Column("name", required=True, max_length=200),
    Column("kind", "choice", required=True, choices=tuple(Kind.choices)),
    Column("parent", max_length=40),
    Column("order", "number", required=True, bounds=(0, 999_999)),
    Column("total_label", max_length=200),
    Column("print_heading", "choice", choices=YES_NO),
    Column("income", "choice", choices=YES_NO),
    Column("aliases", max_length=2000),
]
# what each kind of node may sit under
PARENT_KINDS = {Kind.DEPARTMENT: set(), Kind.AREA: {Kind.DEPARTMENT}, Kind.GROUP: {Kind.AREA, Kind.GROUP}}
PARENT_KINDS[Kind.LINE] = PARENT_KINDS[Kind.GROUP]


def _line_rows(_period) -> list[dict]:
    aliases: dict[int, list[str]] = {}
    for line_id, name in LineAlias.objects.order_by("id").values_list("line_id", "name"):
        aliases.setdefault(line_id, []).append(name)
    return [
        {
            "code": line.code,
            "name": line.name,
            "kind": line.kind,
            "parent": line.parent.code if line.parent else "",
            "order": line.order,
            "total_label": line.total_label,
            "print_heading": "yes" if line.print_heading else "no",
            "income": "yes" if line.income else "no",
            "aliases": f"{ALIAS_SEPARATOR} ".join(aliases.get(line.id, [])),
        }
        for line in ReportingLine.objects.select_related("parent")
    ]


def _aliases(text: str) -> list[str]:
    names = [name.strip() for name in text.split(ALIAS_SEPARATOR)]
    return list(dict.fromkeys(name for name in names if name))


def _load_reporting_lines(job: ImportJob) -> None:
    """Lines are matched by code: new codes are added, held ones brought up to the file (their
    aliases become exactly the file's); lines the file does not name are left as they are."""
    report = job.report
    held = {line.code.upper(): line for line in ReportingLine.objects.select_related("parent")}
    rows: dict[str, tuple[int, dict]] = {}
    for number, row in job.rows:
        values = read_cells(number, row, LINE_COLUMNS, report, label=row.get("code", ""))
        if values is None:
            continue
        code = values["code"].upper()
        if code in rows:
            report.add(number, "code", f"{values['code']} appears twice (first at row {rows[code][0]})")
            continue
        aliases = _aliases(values["aliases"])
        too_long = [name for name in aliases if len(name) > 200]
        if too_long:
            report.add(number, "aliases", f"{values['code']}: keep each name under 200 characters")
            continue
        rows[code] = (number, {**values, "aliases": aliases})
    kinds = {code: line.kind for code, line in held.items()} | {code: v["kind"] for code, (_n, v) in rows.items()}
    parents = {code: line.parent.code.upper() if line.parent else "" for code, line in held.items()}
    parents |= {code: values["parent"].upper() for code, (_n, values) in rows.items()}
    for number, values in rows.values():
        _check_place(job, number, values, kinds, parents)
    _check_kind_changes(job, rows, held, parents)
    departments = sorted(code for code, kind in kinds.items() if kind == Kind.DEPARTMENT)
    for number, values in rows.values():
        if values["kind"] == Kind.DEPARTMENT and len(departments) > 1:
            report.add(number, "kind", f"{values['code']}: the tree has one department ({', '.join(departments)})")
    if not report.ok:
        return
    for code in sorted(rows, key=lambda c: _depth(c, parents)):  # parents first
        _apply_line(job, held, code, rows[code][1])


def _check_place(job: ImportJob, number: int, values: dict, kinds: dict, parents: dict) -> None:
    code, kind, parent = values["code"], values["kind"], values["parent"]
    label = Kind(kind).label.lower()
    if not parent:
        if kind != Kind.DEPARTMENT:
            job.report.add(number, "parent", f"{code}: give the code of the node a {label} sits under")
        return
    if kind == Kind.DEPARTMENT:
        job.report.add(number, "parent", f"{code}: a department sits under nothing")
    elif parent.upper() not in kinds:
        job.report.add(number, "parent", f"{code}: unknown parent {parent!r}")
    elif kinds[parent.upper()] not in PARENT_KINDS[kind]:
        parent_label = Kind(kinds[parent.upper()]).label.lower()
        job.report.add(number, "parent", f"{code}: a {label} cannot sit under a {parent_label} ({parent})")
    elif _depth(code.upper(), parents) is None:
        job.report.add(number, "parent", f"{code}: its parents go round in a circle")


def _depth(code: str, parents: dict[str, str]) -> int | None:
    seen = {code}
    while parents.get(code):
        code = parents[code]
        if code in seen:
            return None
        seen.add(code)
    return len(seen)


def _check_kind_changes(job: ImportJob, rows, held, parents) -> None:
    """A node with something under it cannot become a line; a line with figures stays a line."""
    has_children = {parent for parent in parents.values() if parent}
    with_figures = set(
        LineForecast.objects.filter(line__code__in=[held[c].code for c in rows if c in held])
        .values_list("line__code", flat=True)
        .distinct()
    )
    for code, (number, values) in rows.items():
        if values["kind"] == Kind.LINE and code in has_children:
            job.report.add(number, "kind", f"{values['code']}: other nodes sit under it, so it cannot be a line")
        elif values["kind"] != Kind.LINE and code in held and held[code].code in with_figures:
            job.report.add(number, "kind", f"{values['code']}: it has figures, so it must stay a line")


def _apply_line(job: ImportJob, held: dict[str, ReportingLine], code: str, values: dict) -> None:
    parent = held.get(values["parent"].upper()) if values["parent"] else None
    fields = {
        "code": values["code"],
        "name": values["name"],
        "kind": values["kind"],
        "parent": parent,
        "order": values["order"],
        "total_label": values["total_label"],
        "print_heading": values["print_heading"] != "no",
        "income": values["income"] == "yes",
    }
    line = held.get(code)
    if line is None:
        line = ReportingLine(**fields)
        _write(job, line)
        held[code] = line
        _apply_aliases(job, line, values["aliases"])
        job.report.created += 1
        return
    changed = _changed(line, fields)
    if changed:
        _write(job, line)
    changed |= _apply_aliases(job, line, values["aliases"])
    if changed:
        job.report.changed += 1
    else:
        job.report.unchanged += 1


def _apply_aliases(job: ImportJob, line: ReportingLine, wanted: list[str]) -> bool:
    current = {alias.name: alias for alias in line.aliases.all()}
    for name in wanted:
        if name not in current:
            _write(job, LineAlias(line=line, name=name))
    for name, alias in current.items():
        if name not in wanted:
            _remove(job, alias)
    return set(current) != set(wanted)


REPORTING_LINES = ImportKind(
    name="reporting-lines",
    title="reporting lines",
    columns=LINE_COLUMNS,
    template_rows=_line_rows,
    load=_load_reporting_lines,
    order=50,
    per_period=False,
    description=(
        "One row per node of the reporting tree: code, name, kind (Department, Expenditure area, Group or "
        "Line), parent (the code of the node it sits under; blank for the department), order, total_label "
        "(the total row's label), print_heading (yes/no), income (yes for income budgeted as a negative "
        "amount), aliases (other names the papers use, separated by ';'). A code already held is brought "
        "up to the file; lines the file does not name are kept."
    ),
)


# --- Outturn ---------------------------------------------------------------------------------------

OUTTURN_COLUMNS = [
    Column("year", required=True),
    Column("line_code", required=True, max_length=40),
    Column("line_name", max_length=200),
    Column("actual", "money", required=True),
    Column("variance", "money", required=True),
]


def _outturn_rows(_period) -> list[dict]:
    outturns = PriorYearOutturn.objects.select_related("year", "node").order_by(
        "year__start_year", "node__order", "node__code"
    )
    return [
        {
            "year": o.year.code,
            "line_code": o.node.code,
            "line_name": o.node.name,
            "actual": o.actual,
            "variance": o.variance,
        }
        for o in outturns
    ]


def _load_outturn(job: ImportJob) -> None:
    """A row for a year and node already held replaces its figures."""
    report = job.report
    nodes = {line.code.upper(): line for line in ReportingLine.objects.prefetch_related("aliases")}
    rows: dict[tuple[str, int], tuple[int, dict]] = {}
    for number, row in job.rows:
        values = read_cells(number, row, OUTTURN_COLUMNS, report, label=row.get("line_code", ""))
        year = _year(job, number, row["year"]) if row.get("year") else None
        node = _node(job, number, row, nodes)
        if values is None or year is None or node is None:
            continue
        key = (year, node.id)
        if key in rows:
            report.add(number, "line_code", f"{node.code} {year} appears twice (first at row {rows[key][0]})")
            continue
        rows[key] = (number, {"actual": values["actual"], "variance": values["variance"]})
    if not report.ok:
        return
    years = _years(year for year, _node_id in rows)
    held = {(o.year.code, o.node_id): o for o in PriorYearOutturn.objects.filter(year__in=years.values())}
    for (year, node_id), (_number, figures) in rows.items():
        make = partial(PriorYearOutturn, node_id=node_id, year=years[year])
        _upsert(job, held.get((year, node_id)), make, figures)


def _node(job: ImportJob, number: int, row: dict[str, str], nodes: dict[str, ReportingLine]):
    """The reporting line a row's line_code names (its line_name, where given, must agree)."""
    code, name = row.get("line_code", ""), row.get("line_name", "")
    node = nodes.get(code.upper()) if code else None
    if node is None:
        if code:
            job.report.add(number, "line_code", f"Unknown line code {code!r}")
        return None
    if name and name.casefold() not in _names_of(node):
        job.report.add(number, "line_name", f"{code} is {node.name}, not {name!r}")
        return None
    return node


OUTTURN = ImportKind(
    name="outturn",
    title="outturn",
    columns=OUTTURN_COLUMNS,
    template_rows=_outturn_rows,
    load=_load_outturn,
    order=55,
    per_period=False,
    description=(
        "A year's outturn, shown as last year's in the next year's tables, at the depth the papers give it: "
        "year like 2016-17, line_code (a line, group or area: a figure given for a node stands for it), "
        "line_name (optional, checked against the code), actual and variance (over/underspend at outturn) "
        "in pounds. A row for a year and node already held replaces it."
    ),
)


# --- Budget profiles -------------------------------------------------------------------------------

PROFILE_COLUMNS = [
    Column("year", required=True),
    Column("method", "choice", required=True, choices=tuple(BudgetProfile.Method.choices)),
    Column("budget", "money"),
    Column("budget_source", max_length=300),
    Column("weights", max_length=200),
    Column("note", max_length=500),
]


def _profile_rows(_period) -> list[dict]:
    return [
        {
            "year": p.year.code,
            "method": p.method,
            "budget": p.budget,
            "budget_source": p.budget_source,
            "weights": " ".join(str(w) for w in p.weights),
            "note": p.note,
        }
        for p in BudgetProfile.objects.select_related("year").order_by("year__start_year")
    ]


def _weights(job: ImportJob, number: int, values: dict) -> list[int] | None:
    text = values["weights"]
    if values["method"] != BudgetProfile.Method.EXPLICIT:
        if text:
            job.report.add(number, "weights", "weights are only for an explicit profile")
            return None
        return []
    parts = re.split(r"[\s,]+", text.strip()) if text.strip() else []
    if not all(part.isascii() and part.isdigit() for part in parts):
        job.report.add(number, "weights", "give 13 whole numbers of basis points, separated by spaces")
        return None
    weights = [int(part) for part in parts]
    problems = check_explicit_weights(weights)
    for problem in problems:
        job.report.add(number, "weights", problem)
    return None if problems else weights


def _load_profiles(job: ImportJob) -> None:
    """A row for a year already held replaces its profile."""
    report = job.report
    rows: dict[str, tuple[int, dict]] = {}
    for number, row in job.rows:
        values = read_cells(number, row, PROFILE_COLUMNS, report, label=row.get("year", ""))
        year = _year(job, number, row["year"]) if row.get("year") else None
        if values is None or year is None:
            continue
        weights = _weights(job, number, values)
        if weights is None:
            continue
        if year in rows:
            report.add(number, "year", f"{year} appears twice (first at row {rows[year][0]})")
            continue
        fields = {k: values[k] for k in ("method", "budget", "budget_source", "note")}
        rows[year] = (number, {**fields, "weights": weights})
    if not report.ok:
        return
    years = _years(rows)
    held = {p.year.code: p for p in BudgetProfile.objects.filter(year__in=years.values()).select_related("year")}
    for year, (_number, fields) in rows.items():
        _upsert(job, held.get(year), partial(BudgetProfile, year=years[year]), fields)


BUDGET_PROFILES = ImportKind(
    name="budget-profile",
    title="budget profiles",
    columns=PROFILE_COLUMNS,
    template_rows=_profile_rows,
    load=_load_profiles,
    order=60,
    per_period=False,
    description=(
        "One row per year: year like 2017-18, method (Straight twelfths, Last year's actual pattern or Explicit "
        "profile), budget in pounds only for a year with no periods here (with budget_source, where it comes "
        "from), weights (an explicit profile's 13 whole basis points, separated by spaces, summing to "
        "10,000), note (shown with the net expenditure graph). A row for a year already held replaces it."
    ),
)


# --- Officers' expenditure areas -------------------------------------------------------------------

ASSIGNMENT_COLUMNS = [Column("username", required=True, max_length=150), Column("area", required=True)]


def _assignment_rows(_period) -> list[dict]:
    assignments = AreaAssignment.objects.select_related("user", "area").order_by(
        "user__username", "area__order", "area__code"
    )
    return [{"username": a.user.get_username(), "area": a.area.code} for a in assignments]


def _load_assignments(job: ImportJob) -> None:
    """Each officer the file names looks after exactly the areas listed for them; officers it
    does not name keep theirs."""
    report, areas = job.report, _area_names()
    users = {u.get_username().casefold(): u for u in get_user_model().objects.prefetch_related("groups")}
    wanted: dict[Any, dict[int, int]] = {}  # user -> area id -> file row
    for number, row in job.rows:
        if read_cells(number, row, ASSIGNMENT_COLUMNS, report) is None:
            continue
        user = users.get(row["username"].casefold())
        area_id = areas.get(row["area"].casefold())
        if user is None:
            report.add(number, "username", f"No user {row['username']!r}")
        elif not permissions.is_finance(user):
            report.add(number, "username", f"{row['username']} is not finance staff")
        if area_id is None:
            report.add(number, "area", f"{row['area']!r} is not an expenditure area")
        if user is None or area_id is None or not permissions.is_finance(user):
            continue
        first = wanted.setdefault(user, {}).setdefault(area_id, number)
        if first != number:
            report.add(number, "area", f"repeats row {first} (same officer and area)")
    if not report.ok:
        return
    for user, area_rows in wanted.items():
        held = {a.area_id: a for a in AreaAssignment.objects.filter(user=user)}
        for area_id in area_rows:
            if area_id in held:
                report.unchanged += 1
            else:
                _write(job, AreaAssignment(user=user, area_id=area_id))
                report.created += 1
        for area_id, assignment in held.items():
            if area_id not in area_rows:
                _remove(job, assignment)
                report.changed += 1


AREA_ASSIGNMENTS = ImportKind(
    name="area-assignments",
    title="area assignments",
    columns=ASSIGNMENT_COLUMNS,
    template_rows=_assignment_rows,
    load=_load_assignments,
    order=65,
    per_period=False,
    description=(
        "One row per officer and expenditure area they look after: username, area (the area's code or name). "
        "Each officer the file names looks after exactly the areas listed for them; others keep theirs."
    ),
)


def register() -> None:
    for kind in (REPORTING_LINES, OUTTURN, BUDGET_PROFILES, AREA_ASSIGNMENTS):
        registry.add_import_kind(kind)
