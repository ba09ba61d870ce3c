"""Load the 2017-20 savings programme from savings/demo_data.py (the papers as transcribed)
and check every total the papers print. Safe to run again: structure is brought up to date,
forecasts already in the database (perhaps edited since) are kept, fidelity notes rebuilt.

Appendix D's four workstreams (the papers report Younger Adults, Older Adults and Entry Points
together as "Older and Younger Adults workstreams") are the workstreams here: the papers do not
say how several Older/Younger Adults savings divide between the two, so the finer split cannot be
rebuilt from the savings and is only recorded as a fidelity note (gap) where printed.
"""

from collections.abc import Callable
from decimal import Decimal

from django.db import transaction

from ascweb import calculations as fidelity_calc
from ascweb.models import FidelityNote, FinancialYear, Period
from ascweb.money import PENCE_PER_MILLION, PENCE_PER_THOUSAND, parse_millions
from savings import calculations, demo_data
from savings.models import Mitigation, Programme, Saving, SavingAlias, SavingForecast, SavingTarget, Workstream

SOURCE_PREFIX = "Savings programme:"
_STATUS = {"on target": SavingForecast.Status.ON_TARGET, "off target": SavingForecast.Status.OFF_TARGET}


def _period_number(key: str) -> int:
    return int(key.removeprefix("P"))


@transaction.atomic
def load_savings(say: Callable[[str], None] = print) -> None:
    years = {code: _year(code) for code in demo_data.YEARS}
    workstreams = _structure()
    savings = _savings(workstreams, years)
    periods = {}
    for key, rows in demo_data.FORECASTS.items():
        period = _period(years, key)
        if period is None:
            continue
        periods[key] = period
        for code, figures in rows.items():
            _forecast(savings[code], period, figures)
    for key, rows in demo_data.MITIGATIONS.items():
        if key in periods:
            _mitigations(periods[key], rows, savings)
    counts = _check_printed(periods, years, savings)
    say(
        f"Loaded the savings programme: {len(savings)} savings in {len(workstreams)} workstreams, forecasts for "
        f"{', '.join(periods)}; checked {sum(counts.values())} printed figures: {counts['exact']} exact, "
        f"{counts['rounding']} within rounding, {counts['error']} that do not add up, {counts['gap']} that cannot "
        "be rebuilt (see Fidelity notes)."
    )


def _year(code: str) -> FinancialYear:
    year, _ = FinancialYear.objects.get_or_create(code=code, defaults={"start_year": int(code[:4])})
    return year


def _period(years: dict[str, FinancialYear], key: str) -> Period | None:
    """The revenue demo loader creates the published periods; savings only add to them."""
    year = years[demo_data.YEARS[0]]
    return Period.objects.filter(year=year, number=_period_number(key)).first()


def _structure() -> dict[str, Workstream]:
    programmes = {}
    for item in demo_data.PROGRAMMES:
        programmes[item["code"]], _ = Programme.objects.update_or_create(
            code=item["code"], defaults={"name": item["name"], "order": item["order"]}
        )
    workstreams = {}
    for item in demo_data.WORKSTREAM_GROUPS:
        workstreams[item["code"]], _ = Workstream.objects.update_or_create(
            code=item["code"],
            defaults={"name": item["name"], "programme": programmes[item["programme"]], "order": item["order"]},
        )
    return workstreams


def _savings(workstreams: dict[str, Workstream], years: dict[str, FinancialYear]) -> dict[str, Saving]:
    savings: dict[str, Saving] = {}
    for order, item in enumerate(demo_data.SAVINGS):
        saving, _ = Saving.objects.update_or_create(
            code=item["code"],
            defaults={
                "description": item["name"],
                "workstream": workstreams[item["group"]],
                "category": item["category"] or "",
                "part_of": savings.get(item["parent"]) if item["parent"] else None,
                "order": order,
            },
        )
        savings[item["code"]] = saving
        for alias in item["aliases"]:
            SavingAlias.objects.get_or_create(saving=saving, name=alias)
        for code in set(item["targets"]) | set(item["reversals"]):
            SavingTarget.objects.update_or_create(
                saving=saving,
                year=years[code],
                defaults={
                    "amount": parse_millions(item["targets"].get(code, "0")),
                    "reversal": parse_millions(item["reversals"].get(code, "0")),
                },
            )
    return savings


def _forecast(saving: Saving, period: Period, figures: dict) -> None:
    SavingForecast.objects.get_or_create(
        saving=saving,
        period=period,
        defaults={
            "forecast": parse_millions(figures["forecast"]),
            "status": _STATUS[figures["status"]],
            "explanation": figures["explanation"],
            "recovery_action": figures["recovery_action"],
        },
    )


def _mitigations(period: Period, rows: list[dict], savings: dict[str, Saving]) -> None:
    for order, item in enumerate(rows):
        mitigation, _ = Mitigation.objects.update_or_create(
            period=period,
            name=item["name"],
            defaults={
                "target": parse_millions(item["target"]) if item["target"] is not None else None,
                "forecast": parse_millions(item["forecast"]),
                "one_off": item["one_off"],
                "explanation": item["explanation"],
                "order": order,
            },
        )
        mitigation.related_savings.set([savings[code] for code in item["related_savings"]])


# --- Checking the papers' arithmetic ------------------------------------------------------


# Papers of the 10 July 2017 committee other than the Period 2 report, by the short name the
# data uses for them (demo_data's refs are line numbers in the text dumps: for developers only).
_MEETING_2017_07 = "Adult Social Care Committee, 10 July 2017"
_OTHER_PAPERS = {
    "PI report": f"Promoting Independence progress report ({_MEETING_2017_07})",
    "LD report": f"Learning Disabilities and Autistic Spectrum Disorder Service report ({_MEETING_2017_07})",
    "Additional Social Care Funding report": f"Additional Social Care Funding report ({_MEETING_2017_07})",
}


def _paper(period: Period, table: str) -> str:
    """Where a figure is printed, in a finance lead's words: 'Period 10 report, 2.8.3 savings
    summary' or 'Promoting Independence progress report (...), 4.12 summary'."""
    for short, name in _OTHER_PAPERS.items():
        if table.startswith(short):
            rest = table.removeprefix(short).strip()
            return f"{name}, {rest}" if rest else name
    return f"Period {period.number} report, {table}"


def _check_printed(periods: dict[str, Period], years: dict[str, FinancialYear], savings: dict[str, Saving]):
    FidelityNote.objects.filter(source__startswith=SOURCE_PREFIX).delete()
    targets = {(t.saving_id, t.year.code): t for t in SavingTarget.objects.select_related("year")}
    forecasts = {(f.saving_id, f.period_id): f.forecast for f in SavingForecast.objects.all()}
    counts = {"exact": 0, "rounding": 0, "error": 0, "gap": 0}
    for entry in demo_data.PRINTED_TOTALS:
        period = periods.get(entry["period"])
        if period is None:
            continue
        printed = parse_millions(entry["printed"])
        note = {
            "year": period.year,
            "period": period,
            "source": f"{SOURCE_PREFIX} {_paper(period, entry['table'])}"[:200],
            "subject": entry["subject"],
            "column": entry["column"],
        }
        if entry["rows"] is None:
            counts["gap"] += 1
            FidelityNote.objects.create(
                **note, printed=printed, computed=0, tolerance=0, kind=FidelityNote.Kind.GAP, comment=entry["note"]
            )
            continue
        ids = [savings[code].id for code in entry["rows"]]
        computed = _computed(entry["column"], ids, period, targets, forecasts)
        computed = calculations.printed_value(printed, computed, magnitude=entry["printed_as"] == "magnitude")
        unit = int(Decimal(entry["rounded_to"]) * PENCE_PER_MILLION)
        if unit == PENCE_PER_THOUSAND:  # tables print £m to 3 decimals
            check = fidelity_calc.check_printed(printed, computed, len(ids))
        else:  # prose such as "the required £47m"
            check = calculations.check_rounded(printed, computed, terms=len(ids), unit_pence=unit)
        counts[check.kind] += 1
        if check.kind != fidelity_calc.EXACT:
            FidelityNote.objects.create(
                **note,
                printed=check.printed,
                computed=check.computed,
                tolerance=check.tolerance,
                kind=check.kind,
                comment=entry["note"],
            )
    return counts


def _computed(column: str, ids: list[int], period: Period, targets: dict, forecasts: dict) -> int:
    """The sum a printed figure should equal, from the savings as loaded."""
    kind, _, year_code = column.partition(" ")
    if column in ("forecast", "variance"):
        forecast = sum(forecasts.get((i, period.id), 0) for i in ids)
        if column == "forecast":
            return forecast
        target = sum(t.amount for i in ids if (t := targets.get((i, period.year.code))))
        return calculations.variance(target, forecast)
    year_codes = [year_code] if year_code in demo_data.YEARS else list(demo_data.YEARS)  # "2017-20": all
    total = 0
    for i in ids:
        for code in year_codes:
            target = targets.get((i, code))
            if target is None:
                continue
            if kind in ("target", "net"):
                total += target.amount
            if kind in ("reversal", "net"):
                total += target.reversal
    return total
