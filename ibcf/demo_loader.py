"""Load the published iBCF plans (July 2017, seed 001; Period 10, seed 002), the split by acute
system, the Period 10 progress narrative, and check every figure the papers print.

Safe to run again: grant streams and schemes are brought up to date; allocations and updates
already loaded (perhaps edited since) are kept; this loader's fidelity notes are rebuilt.
"""

from collections.abc import Callable
from datetime import date

from django.db import transaction

from ascweb import calculations as fidelity_calc
from ascweb.models import FidelityNote, FinancialYear, Period
from ascweb.money import parse_millions
from ibcf import calculations
from ibcf import demo_data as data
from ibcf.models import (
    AcuteSystem,
    AcuteSystemAllocation,
    GrantAmount,
    GrantStream,
    PlanVersion,
    Scheme,
    SchemeAllocation,
    SchemeUpdate,
)
from reserves.calculations import check_printed_in, printed_unit
from reserves.models import Reserve, ReservePosition

YEAR = "2017-18"
SOURCE = "iBCF"
CARRY_FORWARD_STREAM = "SB2017"  # seed 003 3.3: "£10.971m from a total grant of £18.561m"
CARRY_FORWARD_RESERVE = "RES-IBCF"
# which monitoring period's paper each plan version was printed in
VERSION_PERIOD = {"July 2017 plan": 2, "Period 10 plan": 10}


def _start(year: str) -> int:
    return int(year[:4])


@transaction.atomic
def load_ibcf(say: Callable[[str], None] = print) -> None:
    year = FinancialYear.objects.get(code=YEAR)
    streams = _streams()
    schemes = _schemes()
    versions = _versions(schemes)
    _acute_split(versions)
    for key, updates in data.UPDATES.items():
        period = Period.objects.get(year=year, number=int(key.lstrip("P")))
        for code, update in updates.items():
            SchemeUpdate.objects.get_or_create(
                scheme=schemes[code],
                period=period,
                defaults={
                    "activity_progress": update["activity_progress"],
                    # the papers print no spend or forecast per scheme: left empty, not zero
                    "spend_to_date": None
                    if update["spend_to_date"] is None
                    else parse_millions(update["spend_to_date"]),
                    "forecast": None if update["forecast"] is None else parse_millions(update["forecast"]),
                },
            )
    counts = check_printed(year)
    say(
        f"Loaded iBCF: {len(streams)} grant streams, {len(schemes)} schemes, {len(versions)} plan versions; "
        f"checked {sum(counts.values())} printed figures: {counts['exact']} exact, "
        f"{counts['rounding']} within rounding, {counts['error']} that do not add up."
    )


def _streams() -> dict[str, GrantStream]:
    reserve = Reserve.objects.filter(code=CARRY_FORWARD_RESERVE).first()
    streams = {}
    for order, row in enumerate(data.GRANT_STREAMS):
        stream, _ = GrantStream.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "label": row["printed_labels"][1],
                "note": row["note"],
                "order": order,
                "reserve": reserve if row["code"] == CARRY_FORWARD_STREAM else None,
            },
        )
        for year, amount in row["amounts"].items():
            GrantAmount.objects.get_or_create(
                stream=stream, start_year=_start(year), defaults={"amount": parse_millions(amount)}
            )
        streams[row["code"]] = stream
    return streams


def _schemes() -> dict[str, Scheme]:
    schemes = {}
    for order, row in enumerate(data.SCHEMES):
        schemes[row["code"]], _ = Scheme.objects.update_or_create(
            code=row["code"],
            defaults={
                "order": order,
                "priority": row["priority"],
                "condition": row["condition"],
                "condition_text": row["condition_text"],
                "description": row["description"],
                "impact": row["impact"],
            },
        )
    return schemes


def _versions(schemes: dict[str, Scheme]) -> dict[str, PlanVersion]:
    versions = {}
    for row in data.PLAN_VERSIONS:
        version, _ = PlanVersion.objects.get_or_create(
            name=row["name"], defaults={"date": date.fromisoformat(row["date"]), "source": row["source"]}
        )
        for code, amounts in row["allocations"].items():
            for year, amount in amounts.items():
                SchemeAllocation.objects.get_or_create(
                    version=version,
                    scheme=schemes[code],
                    start_year=_start(year),
                    defaults={"amount": parse_millions(amount)},
                )
        versions[row["name"]] = version
    return versions


def _acute_split(versions: dict[str, PlanVersion]) -> None:
    split = data.ACUTE_SYSTEM_SPLIT
    version = versions[split["plan_version"]]
    for order, row in enumerate(split["rows"]):
        system, _ = AcuteSystem.objects.update_or_create(
            name=row["system"], defaults={"label": row["label"], "ccgs": ", ".join(row["ccgs"]), "order": order}
        )
        for year, amount in row["amounts"].items():
            AcuteSystemAllocation.objects.get_or_create(
                version=version, system=system, start_year=_start(year), defaults={"amount": parse_millions(amount)}
            )


# --- Checking the papers ---------------------------------------------------------------------------


class _Figures:
    """What the loaded rows add up to, for each plan version."""

    def __init__(self) -> None:
        self.plan: dict[str, dict[tuple[str, int], int]] = {}
        for a in SchemeAllocation.objects.select_related("version", "scheme"):
            self.plan.setdefault(a.version.name, {})[(a.scheme.code, a.start_year)] = a.amount
        self.grants = {(g.stream.code, g.start_year): g.amount for g in GrantAmount.objects.select_related("stream")}
        self.systems: dict[str, dict[tuple[str, int], int]] = {}
        for s in AcuteSystemAllocation.objects.select_related("version", "system"):
            self.systems.setdefault(s.version.name, {})[(s.system.name, s.start_year)] = s.amount

    def plan_total(self, version: str, year: int) -> tuple[int, int]:
        amounts = [a for (_code, y), a in self.plan.get(version, {}).items() if y == year]
        return sum(amounts), len(amounts)

    def funding(self, year: int) -> tuple[int, int]:
        amounts = [a for (_code, y), a in self.grants.items() if y == year]
        return sum(amounts), len(amounts)

    def value(self, printed: dict) -> tuple[int, int] | None:
        """(computed pence, number of rounded figures behind it) for a printed figure."""
        version, subject, column = printed["version"], printed["subject"], printed["column"]
        if column == "2017-18 to 2019-20":
            amounts = [self.grants.get(("SB2017", y), 0) for y in (2017, 2018, 2019)]
            return sum(amounts), len(amounts)
        year = _start(column)
        if printed["table"] == "4.2 funding profile":
            this, terms = self.funding(year)
            if subject == "Total":
                return this, terms
            return this - self.funding(year - 1)[0], 2 * terms
        if subject.startswith("Total (plan total") or subject.startswith("iBCF 'additional") or "rising to" in subject:
            return self.plan_total(version, year)
        if subject == "Funded by: Total":
            funding, terms = self.funding(year)
            return -funding, terms
        if subject == "Balance":
            plan, plan_terms = self.plan_total(version, year)
            funding, terms = self.funding(year)
            return calculations.balance(plan, funding), plan_terms + terms
        if subject.startswith("Total (acute systems"):
            amounts = [a for (_name, y), a in self.systems.get(version, {}).items() if y == year]
            return sum(amounts), len(amounts)
        if subject.startswith("Spring Budget grant"):
            return self.grants.get(("SB2017", year), 0), 1
        if subject.startswith("market support"):
            return self.plan[version][("iBCF2", year)], 1
        if "sustaining the market or protecting social care" in subject:
            return self.plan[version][("iBCF1", year)] + self.plan[version][("iBCF2", year)], 2
        return None


def check_printed(year: FinancialYear) -> dict[str, int]:
    FidelityNote.objects.filter(year=year, source__startswith=SOURCE).delete()
    periods = {p.number: p for p in Period.objects.filter(year=year)}
    figures = _Figures()
    counts = {fidelity_calc.EXACT: 0, fidelity_calc.ROUNDING: 0, fidelity_calc.ERROR: 0}

    def note(version: str, source: str, subject: str, column: str, printed_text: str, computed: int, terms: int):
        check = check_printed_in(parse_millions(printed_text), computed, terms, printed_unit(printed_text))
        counts[check.kind] += 1
        if check.kind != fidelity_calc.EXACT:
            FidelityNote.objects.create(
                year=year,
                period=periods.get(VERSION_PERIOD.get(version, 0)),
                source=f"{SOURCE}, {version}: {source}"[:200],
                subject=subject[:200],
                column=column,
                printed=check.printed,
                computed=check.computed,
                tolerance=check.tolerance,
                kind=check.kind,
            )

    for printed in data.PRINTED_TOTALS:
        value = figures.value(printed)
        if value is None:  # pragma: no cover - every printed figure is mapped; a new one must be
            raise ValueError(f"No check for {printed['subject']!r}")
        where = printed["table"]  # "text": a figure quoted in a paragraph, which the source names
        source = printed["source"] if where == "text" else f"{printed['source']}, {where}"
        note(printed["version"], source, printed["subject"], printed["column"], printed["printed"], *value)
    for stream in data.GRANT_STREAMS:
        for version, amounts in stream["funded_by_printed"].items():
            for column, text in amounts.items():
                exact = figures.grants[(stream["code"], _start(column))]
                note(version, "'Funded by' line", stream["name"], column, text, -exact, 0)
    for key, text in data.CARRY_FORWARD.items():
        position = ReservePosition.objects.filter(
            period=periods[int(key.lstrip("P"))], reserve__code=CARRY_FORWARD_RESERVE
        ).first()
        computed = position.proposed_usage if position else 0
        note("Period 10 plan", "carry-forward to the iBCF reserve", "iBCF carry-forward", "2017-18", text, computed, 0)
    return counts
