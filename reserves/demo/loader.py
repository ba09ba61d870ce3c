"""Load the published reserves and provisions statements and capital programmes (Periods 2
and 10, 2017-18) and check every figure the papers print against what the rows add up to.

Safe to run again: reserves and schemes are brought up to date; figures already loaded (perhaps
edited since) are kept; this loader's fidelity notes are rebuilt.
"""

from collections.abc import Callable

from django.db import transaction

from ascweb import calculations as fidelity_calc
from ascweb.models import FidelityNote, FinancialYear, Period
from ascweb.money import parse_millions
from reserves.calculations import check_printed_in, printed_unit
from reserves.demo import data
from reserves.models import CapitalPosition, CapitalScheme, Reserve, ReservePosition
from reserves.selectors import (
    CAPITAL_TOTAL,
    GRAND_TOTAL,
    PROVISIONS_TOTAL,
    RESERVES_TOTAL,
    capital_table,
    reserves_table,
)

YEAR = "2017-18"
RESERVES_SOURCE = "Reserves and provisions"
CAPITAL_SOURCE = "Capital programme"
_TOTAL_KIND = {PROVISIONS_TOTAL: "total", RESERVES_TOTAL: "total", GRAND_TOTAL: "grand_total"}


def _number(key: str) -> int:
    return int(key.lstrip("P"))


@transaction.atomic
def load_reserves_capital(say: Callable[[str], None] = print) -> None:
    year = FinancialYear.objects.get(code=YEAR)
    periods = {key: Period.objects.get(year=year, number=_number(key)) for key in data.PERIODS}
    reserves = _reserves()
    schemes = _schemes()
    for key, period in periods.items():
        standing = {r["code"]: r["description"] for r in data.RESERVES["P10"]}
        for row in data.RESERVES[key]:
            ReservePosition.objects.get_or_create(
                reserve=reserves[row["code"]],
                period=period,
                defaults={
                    "balance_1_april": parse_millions(row["balance_1_april"]),
                    "proposed_usage": parse_millions(row["proposed_usage"]),
                    # the period's own wording, kept only where it differs from today's
                    "description": row["description"] if row["description"] != standing.get(row["code"]) else "",
                },
            )
        for row in data.CAPITAL[key]:
            CapitalPosition.objects.get_or_create(
                scheme=schemes[row["code"]],
                period=period,
                defaults={
                    "current_budget": parse_millions(row["current_budget"]),
                    "forecast_outturn": parse_millions(row["forecast_outturn"]),
                    "next_year_draft": parse_millions(row["next_year_draft"]),
                },
            )
    counts = check_printed(year, periods)
    say(
        f"Loaded reserves and provisions ({len(reserves)}) and capital schemes ({len(schemes)}) for "
        f"{', '.join(data.PERIODS)}; checked {sum(counts.values())} printed figures: {counts['exact']} exact, "
        f"{counts['rounding']} within rounding, {counts['error']} that do not add up, {counts['gap']} not checkable."
    )


def _merged_order(key_rows: list[list[dict]]) -> dict[str, int]:
    """One order for items printed in several periods: the latest paper's order, with items
    only in earlier papers placed after the item they followed there."""
    order: list[str] = []
    for rows in reversed(key_rows):  # latest first
        for index, row in enumerate(rows):
            if row["code"] in order:
                continue
            before = rows[index - 1]["code"] if index else None
            order.insert(order.index(before) + 1 if before in order else 0, row["code"])
    return {code: position for position, code in enumerate(order)}


def _reserves() -> dict[str, Reserve]:
    periods = list(data.PERIODS)
    order = _merged_order([data.RESERVES[p] for p in periods])
    latest = {row["code"]: row for p in periods for row in data.RESERVES[p]}  # later papers win
    reserves = {}
    for code, row in latest.items():
        reserves[code], _ = Reserve.objects.update_or_create(
            code=code,
            defaults={
                "name": row["name"],
                "description": row["description"],
                "kind": row["kind"],
                "order": order[code],
            },
        )
    return reserves


def _schemes() -> dict[str, CapitalScheme]:
    periods = list(data.PERIODS)
    order = _merged_order([data.CAPITAL[p] for p in periods])
    latest = {row["code"]: row for p in periods for row in data.CAPITAL[p]}
    schemes = {}
    for code, row in latest.items():
        schemes[code], _ = CapitalScheme.objects.update_or_create(
            code=code, defaults={"name": row["name"], "order": order[code]}
        )
    return schemes


# --- Checking the papers -------------------------------------------------------------------------


def _reserve_total(rows, subject: str):
    total = next(r for r in rows if r.label == subject)
    lines = [
        r for r in rows if r.kind == "line" and (total.kind == "grand_total" or r.reserve_kind == total.reserve_kind)
    ]
    return total, len(lines)


def _text_value(key: str, subject: str, column: str, reserves, capital) -> tuple[int, int] | None:
    """What a figure quoted in the text should equal, and how many rounded figures make it up;
    None where no table figure corresponds (recorded as a gap)."""
    by_code = {r.code: r for r in reserves if r.kind == "line"}
    capital_by_code = {r.code: r for r in capital if r.kind == "line"}
    lines = [r for r in reserves if r.kind == "line" and r.reserve_kind == Reserve.Kind.RESERVE]
    if subject in ("reserves", "reserves: forecast outturn", "reserves: forecast position"):
        total, terms = _reserve_total(reserves, RESERVES_TOTAL)
        return getattr(total, column), terms
    if subject == "provisions":
        total, terms = _reserve_total(reserves, PROVISIONS_TOTAL)
        return getattr(total, column), terms
    if subject == "reserves and provisions":
        total, terms = _reserve_total(reserves, GRAND_TOTAL)
        return getattr(total, column), terms
    if subject.startswith("reserves: committed expenditure"):
        total, terms = _reserve_total(reserves, RESERVES_TOTAL)
        return -total.proposed_usage, terms  # quoted as a positive sum spent
    if subject.startswith("reserves: planned use"):
        drawn = [r.proposed_usage for r in lines if r.proposed_usage < 0]
        return -sum(drawn), len(drawn)
    named = {
        "reserves: social care replacement system (carried forward)": "RES-IT",
        "reserves: Learning and Development": "RES-WFG",
        "reserves: market development": "RES-MDF",
        "iBCF grant proposed to be carried forward within reserves": "RES-IBCF",
    }
    if subject in named and named[subject] in by_code:
        usage = by_code[named[subject]].proposed_usage
        return abs(usage), 1
    if subject == "three year capital programme":
        total = capital[-1]
        return total.current_budget + total.next_year_draft, 2 * (len(capital) - 1)
    capital_named = {
        "capital: BCF Disabled Facilities Grant (passported to districts)": "CAP-DFG",
        "capital: social care and finance replacement system": "CAP-SCFIS",
    }
    if subject in capital_named:
        row = capital_by_code[capital_named[subject]]
        return row.current_budget + row.next_year_draft, 2
    return None


def check_printed(year: FinancialYear, periods: dict[str, Period]) -> dict[str, int]:
    """Compare every printed total, closing balance and quoted figure with the rows."""
    FidelityNote.objects.filter(year=year, source__startswith=RESERVES_SOURCE).delete()
    FidelityNote.objects.filter(year=year, source__startswith=CAPITAL_SOURCE).delete()
    counts = {fidelity_calc.EXACT: 0, fidelity_calc.ROUNDING: 0, fidelity_calc.ERROR: 0, "gap": 0}

    def note(period, source, subject, column, printed_text, computed, terms, comment=""):
        printed = parse_millions(printed_text)
        check = check_printed_in(printed, computed, terms, printed_unit(printed_text))
        counts[check.kind] += 1
        if check.kind != fidelity_calc.EXACT:
            FidelityNote.objects.create(
                year=year,
                period=period,
                source=source,
                subject=subject,
                column=column.replace("_", " "),
                printed=check.printed,
                computed=check.computed,
                tolerance=check.tolerance,
                kind=check.kind,
                comment=comment,
            )

    for key, period in periods.items():
        meta = data.PERIODS[key]
        report = meta["source"].split(":")[0]  # "Period 2 report"
        reserves, capital = reserves_table(period), capital_table(period)
        reserves_source = f"{RESERVES_SOURCE}, {report}, Appendix {meta['reserves_appendix']}"
        capital_source = f"{CAPITAL_SOURCE}, {report}, Appendix {meta['capital_appendix']}"
        by_code = {r.code: r for r in reserves if r.kind == "line"}
        for row in data.RESERVES[key]:
            note(
                period,
                reserves_source,
                row["name"],
                "balance_31_march",
                row["balance_31_march"],
                by_code[row["code"]].balance_31_march,
                2,
            )
        for printed in (p for p in data.PRINTED_TOTALS if p["period"] == key):
            if printed["table"] == "reserves":
                total, terms = _reserve_total(reserves, printed["subject"])
                note(
                    period,
                    reserves_source,
                    printed["subject"],
                    printed["column"],
                    printed["printed"],
                    getattr(total, printed["column"]),
                    terms,
                )
            elif printed["table"] == "capital":
                note(
                    period,
                    capital_source,
                    CAPITAL_TOTAL,
                    printed["column"],
                    printed["printed"],
                    getattr(capital[-1], printed["column"]),
                    len(capital) - 1,
                )
            else:
                _check_text(year, period, key, printed, reserves, capital, note, counts)
    return counts


def _check_text(year, period, key, printed, reserves, capital, note, counts) -> None:
    prefix = CAPITAL_SOURCE if printed["subject"].startswith(("capital", "three year capital")) else RESERVES_SOURCE
    source = f"{prefix}, {printed['source']}"
    value = _text_value(key, printed["subject"], printed["column"], reserves, capital)
    if value is None:
        counts["gap"] += 1
        FidelityNote.objects.create(
            year=year,
            period=period,
            source=source,
            subject=printed["subject"],
            column=printed["column"].replace("_", " "),
            printed=parse_millions(printed["printed"]),
            computed=0,
            tolerance=0,
            kind=FidelityNote.Kind.GAP,
            comment="Quoted in the text; no row of the table corresponds to it.",
        )
        return
    computed, terms = value
    note(period, source, printed["subject"], printed["column"], printed["printed"], computed, terms)
