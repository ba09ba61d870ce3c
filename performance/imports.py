"""Importing the performance dashboard: kinds of the one importer (ascweb.imports.run_import),
registered from performance.registry.

- `indicators` (no period): one row per indicator, its definition, source, unit, direction,
  population and the officers who enter it (usernames, separated by ";").
- `performance` (per period): one row per series, the paper's layout: code, group (the
  breakdown, e.g. Trust; blank for the total), breakdown (its name), then a figure per month
  (apr ... mar). q1-q4 and ytd, where given, are the paper's printed figures: checked against
  the months, never stored. A row whose `printed` cell is `total` is a printed total (checked
  against the total computed from the indicator's breakdown), `rate` printed rates per 100,000
  (checked against the rates computed from the counts and the population).
- `performance-targets` (per period): code, group, breakdown, first_month, last_month, target.
- `performance-commentary` (per period): code and commentary (key issues and discussion points).

Where a printed figure differs from what the months add up to, a fidelity note is filed
(ascweb.fidelity) under where the paper prints it (the job's `printed_in`) or else the file.
"""

from decimal import Decimal

from django.contrib.auth.models import User
from django.db.models import Q

from ascweb.calculations import MONTHS
from ascweb.fidelity import check_printed_total
from ascweb.importing import Column, read_cells, split_list
from ascweb.imports import ImportJob, apply_positions, rows_by_code
from ascweb.models import NOT_MONEY, FidelityNote, Period
from ascweb.reference import save_rows
from ascweb.registry import ImportKind
from performance import calculations as calc
from performance.models import MONTH_FIELDS, Commentary, Indicator, Series, SeriesValues, Target
from performance.selectors import TOTAL, dashboard

SOURCE = "Better Care Fund dashboard"  # the notes of this app's printed figures start so
PRINTED_FIELDS = ("q1", "q2", "q3", "q4", "ytd")
SCALE = 1000  # printed and computed figures are compared in thousandths (three decimal places)


def figure_text(value: Decimal | None) -> str:
    """A figure as a file or an export writes it: 1110, 94.6 (no trailing zeros)."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _figures(job: ImportJob, number: int, row: dict, names, label: str) -> dict | None:
    """The row's figure cells as Decimals (blank: None), or None with each bad cell reported."""
    values, good = {}, True
    for name in names:
        text = row.get(name, "")
        try:
            values[name] = calc.parse_figure(text) if text else None
        except ValueError as error:
            job.report.add(number, name, f"{label}: {error}")
            good = False
    return values if good else None


# --- Indicators ----------------------------------------------------------------------------------

INDICATOR_COLUMNS = [
    Column("code", required=True, max_length=40),
    Column("name", required=True, max_length=300),
    Column("definition"),
    Column("source"),
    Column("unit", "choice", required=True, choices=tuple(Indicator.Unit.choices)),
    Column("direction", "choice", required=True, choices=tuple(Indicator.Direction.choices)),
    Column("aggregation", "choice", required=True, choices=tuple(Indicator.Aggregation.choices)),
    Column("population_base", max_length=100),
    Column("population", "number", bounds=(1, 999_999_999)),
    Column("per", "number", bounds=(1, 1_000_000)),
    Column("total_of", max_length=100),
    Column("officers"),
]


def _load_indicators(job: ImportJob) -> None:
    users = {user.username.upper(): user for user in User.objects.all()}
    records, officers, seen = {}, {}, {}
    for number, row in job.rows:
        values = read_cells(number, row, INDICATOR_COLUMNS, job.report, label=row.get("code", ""))
        if values is None:
            continue
        code = values.pop("code")
        if code.upper() in seen:
            job.report.add(number, "code", f"{code} appears twice (first at row {seen[code.upper()]})")
            continue
        seen[code.upper()] = number
        names = split_list(values.pop("officers"))
        unknown = [name for name in names if name.upper() not in users]
        if unknown:
            job.report.add(number, "officers", f"{code}: no user {', '.join(unknown)}")
            continue
        officers[code] = [users[name.upper()] for name in names]
        records[(code,)] = {**values, "order": len(records)}
    if not job.report.ok:
        return
    save_rows(job, Indicator, ("code",), records)
    for indicator in Indicator.objects.filter(code__in=officers):
        indicator.officers.set(officers[indicator.code])


def _indicator_rows(_period) -> list[dict]:
    rows = []
    for indicator in Indicator.objects.prefetch_related("officers"):
        row = {column.name: getattr(indicator, column.name, "") for column in INDICATOR_COLUMNS[:-1]}
        rows.append({**row, "officers": "; ".join(user.username for user in indicator.officers.all())})
    return rows


INDICATORS = ImportKind(
    name="indicators",
    title="performance indicators",
    columns=INDICATOR_COLUMNS,
    template_rows=_indicator_rows,
    load=_load_indicators,
    order=70,
    per_period=False,
    description=(
        "One row per indicator, in the order the dashboard prints them: code, name, definition, source, "
        "unit (Count or Percentage), direction (Lower is better or Higher is better), aggregation (how a "
        "quarter is made of its months: Added up over the months, or The latest month's figure), "
        "population_base, population and per (rates per this many people, e.g. 100000), total_of (the "
        "breakdown whose rows add up to the total; blank when the total is entered) and officers (the "
        "usernames of those who enter its figures, separated by ;)."
    ),
)


# --- Monthly figures -----------------------------------------------------------------------------

VALUE_COLUMNS = [
    Column("code", required=True),
    Column("group", max_length=100),
    Column("breakdown", max_length=100),
    Column("printed", "choice", choices=(("total", "total"), ("rate", "rate"))),
    *[Column(name) for name in MONTH_FIELDS],
    *[Column(name) for name in PRINTED_FIELDS],
]
_KEYS = VALUE_COLUMNS[:4]


def _series_for(indicator: Indicator, group: str, name: str, order: int) -> Series:
    series, _created = Series.objects.get_or_create(
        indicator=indicator, group=group, name=name or TOTAL, defaults={"order": order}
    )
    return series


def _load_values(job: ImportJob) -> None:
    indicators = {i.code.upper(): i for i in Indicator.objects.all()}
    stored, printed, seen = [], [], {}
    for number, row in job.rows:
        keys = read_cells(number, row, _KEYS, job.report, label=row.get("code", ""))
        figures = _figures(job, number, row, (*MONTH_FIELDS, *PRINTED_FIELDS), row.get("code", ""))
        if keys is None or figures is None:
            continue
        indicator = indicators.get(keys["code"].upper())
        if indicator is None:
            job.report.add(number, "code", f"Unknown indicator {keys['code']!r}")
            continue
        key = (indicator.id, keys["group"].casefold(), (keys["breakdown"] or TOTAL).casefold(), keys["printed"])
        if key in seen:
            job.report.add(
                number, "breakdown", f"{keys['code']} {keys['breakdown']} appears twice (first at row {seen[key]})"
            )
            continue
        seen[key] = number
        if not keys["printed"] and indicator.total_of and not keys["group"]:
            job.report.add(
                number,
                "printed",
                f"{indicator.code}'s total adds up its {indicator.total_of} rows: mark a total row printed",
            )
            continue
        (printed if keys["printed"] else stored).append((number, indicator, keys, figures))
    if not job.report.ok:
        return
    values = {}
    for number, indicator, keys, figures in stored:
        series = _series_for(indicator, keys["group"], keys["breakdown"], number)
        values[series.id] = {name: figures[name] for name in MONTH_FIELDS}
    apply_positions(job, SeriesValues, "series", values)
    _check_printed(job, stored, printed)


def _check_printed(job: ImportJob, stored, printed) -> None:
    """Every printed quarter, year to date, total and rate against what the months make."""
    period = job.period
    filed = f"{SOURCE}, {job.printed_in or f'import of {job.upload.filename}'}"
    FidelityNote.objects.filter(Q(source__startswith=f"{SOURCE}, import of ") | Q(source=filed), period=period).delete()
    views = {view.indicator.id: view for view in dashboard(period)}
    for number, indicator, keys, figures in [*stored, *printed]:
        view = views.get(indicator.id)
        if view is None:
            continue
        row = _row_of(view, keys)
        if row is None:
            job.report.add(number, "breakdown", f"{indicator.code}: no {keys['breakdown']} row to check")
            continue
        computed = _computed(row, keys["printed"])
        for name, value in figures.items():
            if value is None or (name in MONTH_FIELDS and keys["printed"] == ""):
                continue
            _note(job, period, filed, number, indicator, keys, name, value, computed[name])


def _row_of(view, keys: dict):
    if not keys["group"]:
        return view.total
    wanted = (keys["group"].casefold(), keys["breakdown"].casefold())
    return next((r for r in view.rows if (r.group.casefold(), r.name.casefold()) == wanted), None)


def _computed(row, printed: str) -> dict[str, Decimal | None]:
    figures = dict(zip(MONTH_FIELDS, row.months, strict=True))
    figures.update(zip(PRINTED_FIELDS[:4], row.quarters, strict=True))
    figures["ytd"] = row.ytd
    if printed == "rate":
        return {name: row.rate(value) for name, value in figures.items()}
    return figures


def _note(job, period: Period, filed: str, number: int, indicator, keys: dict, name: str, value, computed) -> None:
    places = max(0, -value.as_tuple().exponent)
    what = "rate per 100,000" if keys["printed"] == "rate" else "figure"
    made = None if computed is None else calc.rounded(computed, places)
    sums = "months" if keys["printed"] != "total" else f"{indicator.total_of} rows"
    words = f"the paper prints {figure_text(value)}, " + (
        f"the {sums} make {figure_text(made)}" if made is not None else f"the sources give no {sums} to make it of"
    )
    check_printed_total(
        period=period,
        report=job.report,
        source=filed,
        row=number,
        subject=f"{indicator.name}: {keys['breakdown'] or TOTAL} {what}"[:200],
        column=name.upper() if name in PRINTED_FIELDS else MONTHS[MONTH_FIELDS.index(name)],
        printed=int(value * SCALE),
        computed=None if made is None else int(made * SCALE),
        terms=0,
        fmt=lambda thousandths: figure_text(Decimal(thousandths) / SCALE),
        sums=sums,
        unit_pence=0,
        comment=NOT_MONEY + words,
    )


def _value_rows(period: Period) -> list[dict]:
    rows = []
    for view in dashboard(period):
        for row in view.rows:
            if row.is_total and view.indicator.total_of:
                continue
            figures = dict(zip(MONTH_FIELDS, map(figure_text, row.months), strict=True))
            rows.append({"code": view.indicator.code, "group": row.group, "breakdown": row.name, **figures})
    return rows


VALUES = ImportKind(
    name="performance",
    title="performance figures",
    columns=VALUE_COLUMNS,
    template_rows=_value_rows,
    load=_load_values,
    order=71,
    shown_at="performance",
    description=(
        "One row per indicator and breakdown: code, group (the breakdown, e.g. Trust or CCG; blank for the "
        "total), breakdown (its name), printed (blank for figures), then a figure per month, apr to mar "
        "(a count, or a percentage such as 94.6; blank where not known). q1 to q4 and ytd are optional: "
        "printed figures, checked against the months and never stored. A row marked printed 'total' is the "
        "paper's total, checked against the rows it adds up; 'rate' its rates per 100,000, checked against "
        "the counts and the population. A row the file leaves out keeps its figures. The period must be open."
    ),
)


# --- Targets -------------------------------------------------------------------------------------

_MONTH_CHOICES = tuple((str(m), name[:3]) for m, name in enumerate(MONTHS[:12], start=1))
TARGET_COLUMNS = [
    Column("code", required=True),
    Column("group", max_length=100),
    Column("breakdown", max_length=100),
    Column("first_month", "choice", required=True, choices=_MONTH_CHOICES),
    Column("last_month", "choice", required=True, choices=_MONTH_CHOICES),
    Column("target", required=True),
]


def _load_targets(job: ImportJob) -> None:
    indicators = {i.code.upper(): i for i in Indicator.objects.all()}
    spans: dict[tuple, list] = {}
    for number, row in job.rows:
        cells = read_cells(number, row, TARGET_COLUMNS[:5], job.report, label=row.get("code", ""))
        figures = _figures(job, number, row, ("target",), row.get("code", ""))
        if cells is None or figures is None:
            continue
        indicator = indicators.get(cells["code"].upper())
        first, last = int(cells["first_month"]), int(cells["last_month"])
        if indicator is None:
            job.report.add(number, "code", f"Unknown indicator {cells['code']!r}")
        elif figures["target"] is None:
            job.report.add(number, "target", "give a target")
        elif first > last:
            job.report.add(number, "last_month", f"{cells['code']}: the last month is before the first")
        else:
            key = (indicator, cells["group"], cells["breakdown"] or TOTAL)
            taken = {m for span in spans.get(key, []) for m in span[1].months}
            if taken & set(range(first, last + 1)):
                job.report.add(number, "first_month", f"{cells['code']}: two targets cover the same month")
                continue
            spans.setdefault(key, []).append((number, calc.Span(first, last, figures["target"])))
    if job.report.ok:
        _replace_targets(job, spans)


def _replace_targets(job: ImportJob, spans: dict) -> None:
    """Each series the file names has exactly the file's targets at the period: a target the
    file leaves out is removed, an unchanged one left alone (confirmed if carried forward)."""
    for (indicator, group, name), found in spans.items():
        series = _series_for(indicator, group, name, found[0][0])
        held = {t.first_month: t for t in Target.objects.filter(series=series, period=job.period)}
        wanted = {span.first: span for _number, span in found}
        for first, target in held.items():
            if first not in wanted:
                _stamp(job, target)
                target.delete()
                job.report.changed += 1
        for first, span in wanted.items():
            target = held.get(first)
            same = target is not None and (target.last_month, target.target) == (span.last, span.target)
            if same and target.carried_from_id is None:
                job.report.unchanged += 1
                continue
            if target is None:
                target = Target(series=series, period=job.period, first_month=first, version=0)
                job.report.created += 1
            else:
                job.report.changed += 1
            target.last_month, target.target, target.carried_from = span.last, span.target, None
            target.updated_by, target.version = job.user, target.version + 1
            _stamp(job, target)
            target.save()


def _stamp(job: ImportJob, target: Target) -> None:
    """The history record names the file and the lead."""
    target._change_reason = job.reason
    target._history_user = job.user


def _target_rows(period: Period) -> list[dict]:
    targets = Target.objects.filter(period=period).select_related("series__indicator")
    return [
        {
            "code": t.series.indicator.code,
            "group": t.series.group,
            "breakdown": t.series.name,
            "first_month": str(t.first_month),
            "last_month": str(t.last_month),
            "target": figure_text(t.target),
        }
        for t in targets.order_by("series__indicator__order", "series__order", "first_month")
    ]


TARGETS = ImportKind(
    name="performance-targets",
    title="performance targets",
    columns=TARGET_COLUMNS,
    template_rows=_target_rows,
    load=_load_targets,
    order=72,
    shown_at="performance",
    description=(
        "One row per target: code, group and breakdown (blank for the indicator's total), first_month and "
        "last_month (Apr to Mar: one month, a quarter, or the year to date) and the target over those months. "
        "A count's target is spread equally over its months, as the paper apportions a quarter's; a "
        "percentage's applies to each month. A series the file names has only the file's targets afterwards."
    ),
)


# --- Commentary ----------------------------------------------------------------------------------

COMMENTARY_COLUMNS = [Column("code", required=True), Column("commentary", max_length=20_000)]


def _load_commentary(job: ImportJob) -> None:
    indicators = {i.code: i for i in Indicator.objects.all()}
    found = rows_by_code(job, COMMENTARY_COLUMNS, indicators, what="indicator")
    if job.report.ok:
        apply_positions(job, Commentary, "indicator", {i.id: {"text": row["commentary"]} for i, row in found.items()})


def _commentary_rows(period: Period) -> list[dict]:
    notes = Commentary.objects.filter(period=period).select_related("indicator")
    return [{"code": note.indicator.code, "commentary": note.text} for note in notes]


COMMENTARY = ImportKind(
    name="performance-commentary",
    title="performance commentary",
    columns=COMMENTARY_COLUMNS,
    template_rows=_commentary_rows,
    load=_load_commentary,
    order=73,
    shown_at="performance",
    description="One row per indicator: code and commentary (the key issues and discussion points this period).",
)
