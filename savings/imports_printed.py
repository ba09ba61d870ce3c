"""The savings figures a period's papers print as totals, from a file, checked against the
savings they add up (never stored): each row by the one check, finance.services.
check_printed_total, which records a fidelity note where a figure does not add up exactly or
cannot be rebuilt from the savings.

The savings programme's totals are printed over many sets of savings (a workstream, the savings
off target, those agreed by County Council, the two lines making up the removal of a one-off
grant ...), for the period's year, a later one or the whole programme, in tables and in prose,
so each row names its savings and the figure it sums instead of following the layout of the
forecasts' template.
"""

import re

from ascweb.fidelity import check_printed_total
from ascweb.importing import Column
from ascweb.imports import ImportJob
from ascweb.models import FidelityNote
from ascweb.money import PENCE_PER_THOUSAND, format_m
from ascweb.registry import ImportKind
from savings import calculations
from savings.importing import first_rows, split_list
from savings.models import Saving, SavingForecast, SavingTarget

SOURCE_PREFIX = "Savings programme: "  # every savings fidelity note's source starts so
NONE = "none"  # a figure that sums no saving (a workstream the papers report nothing under)
SIGNED = (("signed", "Signed"), ("unsigned", "Unsigned"))
COLUMNS = [
    Column("source", required=True, max_length=200 - len(SOURCE_PREFIX)),
    Column("subject", required=True, max_length=200),
    Column("column", required=True, max_length=100),
    Column("printed", "money", required=True),
    Column("savings"),
    Column("printed_as", "choice", choices=SIGNED),
    Column("rounded_to", "money"),
    Column("comment"),
]
_YEARS = re.compile(r"^(target|reversal|net) (\d{4})-(\d{2})$")
_PERIOD_FIGURES = ("forecast", "variance")


def _template_rows(_period) -> list[dict]:
    """Nothing to start from: printed totals are checked, never kept."""
    return []


def _figure(column: str) -> tuple[str, range] | None:
    """What a column sums: ("forecast" | "variance", the period's year) or ("target" | "reversal"
    | "net", the start years of '2018-19' or of every year of '2017-20'); None if it is neither."""
    if column in _PERIOD_FIGURES:
        return column, range(0)
    match = _YEARS.match(column)
    if match is None:
        return None
    start = int(match[2])
    end = start // 100 * 100 + int(match[3])
    end += 100 if end <= start else 0
    return match[1], range(start, end)


def _load(job: ImportJob) -> None:
    members = _members()
    rows = [
        (number, v, _savings(job, number, v, members))
        for number, _key, v in first_rows(job, COLUMNS, _identity, "column", ("source", "subject", "column"))
    ]
    if not job.report.ok:
        return
    sources = {SOURCE_PREFIX + v["source"] for _n, v, _s in rows}
    FidelityNote.objects.filter(period=job.period, source__in=sources).delete()  # the sources' last check
    sums = _Sums(job.period)
    for number, v, savings in rows:
        computed = None if savings is None else sums.of(_figure(v["column"]), savings)
        if computed is not None:
            computed = calculations.printed_value(v["printed"], computed, magnitude=v["printed_as"] == "unsigned")
        check_printed_total(
            period=job.period,
            report=job.report,
            source=SOURCE_PREFIX + v["source"],
            row=number,
            subject=v["subject"],
            column=v["column"],
            printed=v["printed"],
            computed=computed,
            terms=len(savings or ()),
            fmt=format_m,
            sums="savings",
            unit_pence=v["rounded_to"] or PENCE_PER_THOUSAND,
            comment=v["comment"],
        )
    job.report.created += FidelityNote.objects.filter(period=job.period, source__in=sources).count()


def _identity(values: dict) -> tuple[str, str, str]:
    return values["source"], values["subject"], values["column"]


def _members() -> dict[str, set[int]]:
    """The savings a code names: a saving itself, or every saving of a workstream."""
    members: dict[str, set[int]] = {}
    for saving_id, workstream in Saving.objects.values_list("id", "workstream__code"):
        members.setdefault(workstream.upper(), set()).add(saving_id)
    for code, saving_id in Saving.objects.values_list("code", "id"):
        members[code.upper()] = {saving_id}
    members[NONE.upper()] = set()
    return members


def _savings(job: ImportJob, number: int, v: dict, members: dict[str, set[int]]) -> set[int] | None:
    """The savings a row adds up, its problems reported; None for a row that names none: a figure
    the sources do not give the savings of, which needs a comment saying so."""
    label = f"{v['subject']} {v['column']}"
    if not v["savings"]:
        if not v["comment"]:
            job.report.add(number, "comment", f"{label}: say why the savings it is made of are not known")
        return None
    if _figure(v["column"]) is None:
        job.report.add(
            number,
            "column",
            f"{label}: a printed total sums forecast, variance, or target, reversal or net with a year "
            "(2018-19) or years (2017-20)",
        )
    if v["rounded_to"] is not None and v["rounded_to"] <= 0:
        job.report.add(number, "rounded_to", f"{label}: the unit the paper rounded to, like 1000 or 1000000")
    found: set[int] = set()
    for code in split_list(v["savings"]):
        if code.upper() not in members:
            job.report.add(number, "savings", f"{label}: {code!r} is not a saving or a workstream")
        found |= members.get(code.upper(), set())
    return found


class _Sums:
    """The figures a printed total can sum, read once for the period."""

    def __init__(self, period) -> None:
        self.year = period.year.start_year
        self.targets = {
            (t["saving_id"], t["year__start_year"]): (t["amount"], t["reversal"])
            for t in SavingTarget.objects.values("saving_id", "year__start_year", "amount", "reversal")
        }
        self.forecasts = dict(SavingForecast.objects.filter(period=period).values_list("saving_id", "forecast"))

    def of(self, what: tuple[str, range], savings: set[int]) -> int:
        kind, years = what
        if kind in _PERIOD_FIGURES:
            forecast = sum(self.forecasts.get(saving, 0) for saving in savings)
            if kind == "forecast":
                return forecast
            return calculations.variance(self._sum("target", range(self.year, self.year + 1), savings), forecast)
        return self._sum(kind, years, savings)

    def _sum(self, kind: str, years: range, savings: set[int]) -> int:
        total = 0
        for saving in savings:
            for year in years:
                amount, reversal = self.targets.get((saving, year), (0, 0))
                total += (amount if kind in ("target", "net") else 0) + (reversal if kind in ("reversal", "net") else 0)
        return total


KIND = ImportKind(
    name="savings-totals",
    title="savings printed totals",
    columns=COLUMNS,
    template_rows=_template_rows,
    load=_load,
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
        "fidelity note; importing the same sources again replaces their notes."
    ),
)
