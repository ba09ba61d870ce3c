"""Figures the papers print about the reserves statement and the capital programme that their
templates have no column for, checked, never stored: a reserve's closing balance, the totals'
closing balances, figures quoted in the text ('planned use of £0.412m of reserves', 'a three year
capital programme of £21.870m'). Two kinds of the core's printed totals (ascweb.printed): each
row names what it adds up (reserves or schemes by code, or the statement's totals: TOTAL, and
for reserves TOTAL RESERVES and TOTAL PROVISIONS, the period's reserves of that kind) and which
of their figures (several joined by +), checked by the one check
(ascweb.fidelity.check_printed_total). The statements' own total rows are checked with their
figures (reserves.imports)."""

from collections.abc import Callable

from ascweb.importing import Column
from ascweb.models import Period
from ascweb.printed import PrintedTotals, printed_totals_kind
from ascweb.registry import ImportKind
from reserves.calculations import CapitalFigures, ReserveFigures
from reserves.imports import CAPITAL_SOURCE, RESERVES_SOURCE
from reserves.models import CapitalPosition, Reserve, ReservePosition

# item id -> (its code, its group, its figures at the period)
Held = dict[int, tuple[str, str, ReserveFigures | CapitalFigures]]

RESERVE_FIGURES = ("balance_1_april", "proposed_usage", "balance_31_march")
CAPITAL_FIGURES = ("current_budget", "forecast_outturn", "next_year_draft", "slippage")
# the codes of the statements' total rows, as in their own files, and the groups they add up
RESERVE_GROUPS = {
    "TOTAL PROVISIONS": (Reserve.Kind.PROVISION,),
    "TOTAL RESERVES": (Reserve.Kind.RESERVE,),
    "TOTAL": (Reserve.Kind.PROVISION, Reserve.Kind.RESERVE),
}
CAPITAL_GROUPS = {"TOTAL": ("",)}


def _reserves(period: Period) -> Held:
    positions = ReservePosition.objects.filter(period=period).select_related("reserve")
    return {
        p.reserve_id: (p.reserve.code, p.reserve.kind, ReserveFigures(p.balance_1_april, p.proposed_usage))
        for p in positions
    }


def _schemes(period: Period) -> Held:
    positions = CapitalPosition.objects.filter(period=period).select_related("scheme")
    return {
        p.scheme_id: (p.scheme.code, "", CapitalFigures(p.current_budget, p.forecast_outturn, p.next_year_draft))
        for p in positions
    }


def _kind(
    *,
    source: str,
    statement: str,
    items: str,
    item: str,
    held: Callable[[Period], Held],
    groups: dict[str, tuple[str, ...]],
    names: tuple[str, ...],
    **kind,
) -> ImportKind:
    """The printed figures kind of a statement (`source` its notes' source, `statement` what a
    paper calls it) whose `items` (one: `item`) are `held` at a period, by code and in `groups`."""

    def members(period: Period) -> dict[str, frozenset]:
        found = held(period)
        codes = {code.upper(): frozenset({pk}) for pk, (code, _group, _figures) in found.items()}
        for code, kinds in groups.items():
            codes[code] = frozenset(pk for pk, (_code, group, _figures) in found.items() if group in kinds)
        return codes

    def figure(values: dict) -> tuple[str, ...] | None:
        wanted = tuple("_".join(part.lower().split()) for part in values["figures"].split("+"))
        return wanted if all(name in names for name in wanted) else None

    def sums(period: Period):
        found = held(period)

        def of(figure: tuple[str, ...], ids: frozenset) -> tuple[int, int]:
            """Each figure of each item, every one a rounded figure of the paper."""
            pence = sum(getattr(found[pk][2], name) for pk in ids for name in figure)
            return pence, len(ids) * len(figure)

        return of

    totals = PrintedTotals(
        prefix=f"{source}, ",
        items=items,
        unknown=f"{item} in this period's {statement}, or {', '.join(groups)}",
        members=members,
        figure=figure,
        figure_column="figures",
        figure_help=f"say which figures it adds up: {', '.join(names)}, or several joined by +",
        sums=sums,
        extra=(Column("figures", max_length=100),),
    )
    description = (
        f"One row per figure the period's papers print about the {statement}, to check it against its rows (it is "
        "never stored): source (where the paper prints it, like 'Period 10 report, paragraph 2.10.2'), subject and "
        f"column as the paper heads them, printed in pounds, {items} (the codes of the {items} it adds up, or "
        f"{', '.join(groups)}, separated by semicolons; blank where no row corresponds to it, with a comment saying "
        f"so), figures (which of their figures it adds up: {', '.join(names)}; several joined by +), printed_as "
        "(Unsigned where prose prints an amount without its sign), rounded_to (the unit printed: 1000 for £m to 3 "
        "decimals, the default; 100000 for '10.9') and comment. A figure that does not add up is recorded as a "
        "fidelity note; a figure imported again replaces its note."
    )
    return printed_totals_kind(totals, description=description, **kind)


RESERVES = _kind(
    source=RESERVES_SOURCE,
    statement="reserves and provisions statement",
    items="reserves",
    item="a reserve or provision",
    held=_reserves,
    groups=RESERVE_GROUPS,
    names=RESERVE_FIGURES,
    name="reserves-printed",
    title="reserves printed figures",
    order=51,
    shown_at="reserves",
)
CAPITAL = _kind(
    source=CAPITAL_SOURCE,
    statement="capital programme",
    items="schemes",
    item="a scheme",
    held=_schemes,
    groups=CAPITAL_GROUPS,
    names=CAPITAL_FIGURES,
    name="capital-printed",
    title="capital printed figures",
    order=61,
    shown_at="capital",
)
