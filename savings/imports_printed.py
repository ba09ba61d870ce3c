"""The savings figures a period's papers print as totals, from a file, checked against the
savings they add up (never stored): each row by the one check, ascweb.fidelity.
check_printed_total, which records a fidelity note where a figure does not add up exactly or
cannot be rebuilt from the savings. The file's layout and its checks are the core's printed
totals (ascweb.printed); this module says what the savings are and how they add up.

The savings programme's totals are printed over many sets of savings (a workstream, the savings
off target, those agreed by County Council, the two lines making up the removal of a one-off
grant ...), for the period's year, a later one or the whole programme, in tables and in prose,
so each row names its savings and the figure it sums instead of following the layout of the
forecasts' template.
"""

import re

from ascweb.printed import PrintedTotals, printed_totals_kind
from savings import calculations
from savings.models import Saving, SavingForecast, SavingTarget

SOURCE_PREFIX = "Savings programme: "  # every savings fidelity note's source starts so
NONE = "none"  # a figure that sums no saving (a workstream the papers report nothing under)
_YEARS = re.compile(r"^(target|reversal|net) (\d{4})-(\d{2})$")
_PERIOD_FIGURES = ("forecast", "variance")


def _figure(values: dict) -> tuple[str, range] | None:
    """What a row's column sums: ("forecast" | "variance", the period's year) or ("target" |
    "reversal" | "net", the start years of '2018-19' or of every year of '2017-20'); None if it
    is neither."""
    column = values["column"]
    if column in _PERIOD_FIGURES:
        return column, range(0)
    match = _YEARS.match(column)
    if match is None:
        return None
    start = int(match[2])
    end = start // 100 * 100 + int(match[3])
    end += 100 if end <= start else 0
    return match[1], range(start, end)


def _members(_period) -> dict[str, frozenset]:
    """The savings a code names: a saving itself, or every saving of a workstream."""
    members: dict[str, set[int]] = {}
    for saving_id, workstream in Saving.objects.values_list("id", "workstream__code"):
        members.setdefault(workstream.upper(), set()).add(saving_id)
    for code, saving_id in Saving.objects.values_list("code", "id"):
        members[code.upper()] = {saving_id}
    members[NONE.upper()] = set()
    return {code: frozenset(ids) for code, ids in members.items()}


class _Sums:
    """The figures a printed total can sum, read once for the period."""

    def __init__(self, period) -> None:
        self.year = period.year.start_year
        self.targets = {
            (t["saving_id"], t["year__start_year"]): (t["amount"], t["reversal"])
            for t in SavingTarget.objects.values("saving_id", "year__start_year", "amount", "reversal")
        }
        self.forecasts = dict(SavingForecast.objects.filter(period=period).values_list("saving_id", "forecast"))

    def of(self, what: tuple[str, range], savings: frozenset) -> tuple[int, int]:
        """What the savings add up to, and how many (each a rounded figure of the papers)."""
        return self._of(what, savings), len(savings)

    def _of(self, what: tuple[str, range], savings: frozenset) -> int:
        kind, years = what
        if kind in _PERIOD_FIGURES:
            forecast = sum(self.forecasts.get(saving, 0) for saving in savings)
            if kind == "forecast":
                return forecast
            return calculations.variance(self._sum("target", range(self.year, self.year + 1), savings), forecast)
        return self._sum(kind, years, savings)

    def _sum(self, kind: str, years: range, savings: frozenset) -> int:
        total = 0
        for saving in savings:
            for year in years:
                amount, reversal = self.targets.get((saving, year), (0, 0))
                total += (amount if kind in ("target", "net") else 0) + (reversal if kind in ("reversal", "net") else 0)
        return total


TOTALS = PrintedTotals(
    prefix=SOURCE_PREFIX,
    items="savings",
    unknown="a saving or a workstream",
    members=_members,
    figure=_figure,
    figure_column="column",
    figure_help=(
        "a printed total sums forecast, variance, or target, reversal or net with a year (2018-19) or years (2017-20)"
    ),
    sums=lambda period: _Sums(period).of,
)

KIND = printed_totals_kind(
    TOTALS,
    name="savings-totals",
    title="savings printed totals",
    order=35,
    shown_at="savings",
    description=(
        "One row per total the period's papers print about the savings programme, to check it against the "
        "savings (it is never stored): source (the paper and table, like 'Period 10 report, Appendix D'), "
        "subject and column as the paper heads them, column saying what is summed (forecast, variance, or "
        "target, reversal or net with a year like 2018-19 or years like 2017-20), printed in pounds, savings "
        "(the codes of the savings or workstreams it adds up, separated by semicolons; none for a figure of "
        "no saving; blank where the papers do not say, with a comment saying why), printed_as (Unsigned where "
        "prose prints an amount without its sign), rounded_to (the unit printed: 1000 for £m to 3 decimals, "
        "the default; 1000000 for '£47m') and comment. A figure that does not add up is recorded as a "
        "fidelity note; a figure imported again replaces its note."
    ),
)
