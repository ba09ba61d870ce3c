"""Load the Norfolk 2017-18 demo data set and demo users. Safe to run again: structure and
users are brought up to date; figures already in the database (perhaps edited since) are kept."""

from collections.abc import Callable
from datetime import date, datetime, time

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from ascweb import calculations as fidelity_calc
from ascweb import permissions
from ascweb.models import FidelityNote, FinancialYear, Period
from ascweb.money import format_m, parse_millions
from finance import calculations
from finance.demo import norfolk
from finance.models import (
    AreaAssignment,
    GroupExplanation,
    LineAlias,
    LineForecast,
    PriorYearOutturn,
    ReportingLine,
    StructureSnapshot,
)
from finance.selectors.figures import period_figures
from finance.services import structure_snapshot_take

# username -> (role, password, areas assigned). Demo only: printed on start.
DEMO_USERS = {
    "lead": (permissions.LEAD, "lead-demo-2017", []),
    "officer": (permissions.OFFICER, "officer-demo-2017", ["STU", "EHP"]),
    "officer2": (permissions.OFFICER, "officer2-demo-2017", ["CS", "BD", "MFHR"]),
    "member": (permissions.MEMBER, "member-demo-2017", []),
}


@transaction.atomic
def load_norfolk(say: Callable[[str], None] = print) -> None:
    permissions.sync_roles()
    year = _year(norfolk.YEAR)
    prior_year = _year(norfolk.PRIOR_YEAR)
    lines = _structure()
    for number, (meeting, _source) in norfolk.PERIODS.items():
        period = _published_period(year, number, date.fromisoformat(meeting))
        _figures(period, lines, norfolk.LINES[number], norfolk.EXPLANATIONS.get(number, {}))
    for code, (actual, variance) in norfolk.PRIOR_YEAR_OUTTURN.items():
        PriorYearOutturn.objects.update_or_create(
            node=lines[code],
            year=prior_year,
            defaults={"actual": parse_millions(actual), "variance": parse_millions(variance)},
        )
    for number in norfolk.PERIODS:
        period = Period.objects.get(year=year, number=number)
        if period.is_published and not StructureSnapshot.objects.filter(period=period).exists():
            structure_snapshot_take(period=period)
    counts = _check_printed(year)
    say(
        f"Loaded {norfolk.YEAR}: {len(lines)} reporting lines, periods "
        f"{', '.join(str(n) for n in norfolk.PERIODS)}; checked {sum(counts.values())} printed "
        f"figures: {counts['exact']} exact, {counts['rounding']} within rounding, "
        f"{counts['error']} that do not add up (see Fidelity notes)."
    )
    _users(lines)


def _year(code: str) -> FinancialYear:
    year, _ = FinancialYear.objects.get_or_create(code=code, defaults={"start_year": int(code[:4])})
    return year


def _structure() -> dict[str, ReportingLine]:
    lines: dict[str, ReportingLine] = {}
    for order, (code, name, kind, parent, total_label, heading, aliases) in enumerate(norfolk.STRUCTURE):
        line, _ = ReportingLine.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "parent": lines.get(parent),
                "order": order,
                "total_label": total_label,
                "print_heading": heading,
                "income": code in norfolk.INCOME,
            },
        )
        lines[code] = line
        for alias in aliases:
            LineAlias.objects.get_or_create(line=line, name=alias)
    return lines


def _published_period(year: FinancialYear, number: int, meeting: date) -> Period:
    # The papers' publication dates are not in the sources; the meeting date stands in.
    published_at = timezone.make_aware(datetime.combine(meeting, time(9, 0)))
    period, _ = Period.objects.get_or_create(
        year=year,
        number=number,
        defaults={
            "status": Period.Status.PUBLISHED,
            "published_at": published_at,
            "committee_meeting": meeting,
        },
    )
    return period


def _figures(period, lines, figures, explanations) -> None:
    for code, (budget, forecast) in figures.items():
        LineForecast.objects.get_or_create(
            line=lines[code],
            period=period,
            defaults={
                "budget": parse_millions(budget),
                "forecast": parse_millions(forecast),
                "explanation": explanations.get(code, ""),
            },
        )
    for code, text in explanations.items():
        if lines[code].kind != ReportingLine.Kind.LINE:
            GroupExplanation.objects.get_or_create(node=lines[code], period=period, defaults={"text": text})


def _check_printed(year: FinancialYear) -> dict[str, int]:
    """Compare every figure the papers print with what the loaded lines add up to."""
    FidelityNote.objects.filter(year=year).delete()
    counts = {fidelity_calc.EXACT: 0, fidelity_calc.ROUNDING: 0, fidelity_calc.ERROR: 0}
    for number in norfolk.PERIODS:
        period = Period.objects.get(year=year, number=number)
        figures = period_figures(period)
        codes = {node.code: node_id for node_id, node in figures.nodes.items()}
        for p_number, source, code, column, printed in norfolk.PRINTED:
            if p_number != number:
                continue
            node_id = codes[code]
            computed = _value(figures, node_id, column)
            terms = len(figures.tree.leaves_under(node_id)) * (2 if "variance" in column else 1)
            check = fidelity_calc.check_printed(parse_millions(printed), computed, terms)
            counts[check.kind] += 1
            if check.kind != fidelity_calc.EXACT:
                FidelityNote.objects.create(
                    year=year,
                    period=period,
                    source=source,
                    subject=figures.nodes[node_id].name,
                    column=column.replace("_", " "),
                    printed=check.printed,
                    computed=check.computed,
                    tolerance=check.tolerance,
                    kind=check.kind,
                )
        _unexplained(year, period, figures)
        for p_number, source, column, comment in norfolk.KNOWN_GAPS:
            if p_number == number:
                FidelityNote.objects.create(
                    year=year,
                    period=period,
                    source=source,
                    subject="Appendix A",
                    column=column,
                    printed=0,
                    computed=0,
                    tolerance=0,
                    kind=FidelityNote.Kind.GAP,
                    comment=comment,
                )
    return counts


def _unexplained(year: FinancialYear, period: Period, figures) -> None:
    """Material variances that the paper's Appendix B leaves unexplained (on the line or its group)."""
    threshold = settings.ASCWEB_MATERIALITY_PENCE
    texts = set(LineForecast.objects.filter(period=period).exclude(explanation="").values_list("line_id", flat=True))
    texts |= set(GroupExplanation.objects.filter(period=period).values_list("node_id", flat=True))
    tree = figures.tree
    for node_id, node in figures.nodes.items():
        variance = figures.totals[node_id].variance
        if not tree.is_leaf(node_id) or not calculations.needs_explanation(variance, threshold):
            continue
        if node_id in texts or tree.ancestors(node_id) & texts:
            continue
        FidelityNote.objects.create(
            year=year,
            period=period,
            source=f"{norfolk.PERIODS[period.number][1]}, Appendix B",
            subject=node.name,
            column="explanation",
            printed=0,
            computed=variance,
            tolerance=0,
            kind=FidelityNote.Kind.GAP,
            comment=f"No explanation is given for {node.name}'s variance of {format_m(variance)}; "
            "an officer must write one before the line can be saved again.",
        )


def _value(figures, node_id: int, column: str) -> int:
    if column.startswith("prior_"):
        outturn = figures.prior[node_id] or calculations.Outturn()
        return outturn.actual if column == "prior_actual" else outturn.variance
    return getattr(figures.totals[node_id], column)


def _users(lines: dict[str, ReportingLine]) -> None:
    for username, (role, password, areas) in DEMO_USERS.items():
        user, _ = User.objects.get_or_create(username=username)
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=role)])
        for code in areas:
            AreaAssignment.objects.get_or_create(user=user, area=lines[code])


def demo_credentials() -> list[tuple[str, str, str]]:
    return [(name, role, password) for name, (role, password, _areas) in DEMO_USERS.items()]
