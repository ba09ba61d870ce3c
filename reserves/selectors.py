"""Reads for the reserves and provisions statement and the capital programme. Each returns
plain rows with totals computed from the rows, in a fixed number of queries."""

from dataclasses import dataclass

from ascweb.models import Period
from ascweb.statements import StatementLine, statement_lines
from reserves.calculations import CapitalFigures, ReserveFigures
from reserves.models import CapitalPosition, CapitalScheme, Reserve, ReservePosition

PROVISIONS_TOTAL = "Total Adult Social Care Provisions"
RESERVES_TOTAL = "Total Adult Social Care Reserves"
GRAND_TOTAL = "Total Reserves & Provisions"
CAPITAL_TOTAL = "TOTAL"


@dataclass(frozen=True)
class ReserveRow:
    kind: str  # "line", "total" or "grand_total"
    code: str
    label: str
    description: str
    figures: ReserveFigures
    reserve_kind: str = ""

    @property
    def balance_1_april(self) -> int:
        return self.figures.balance_1_april

    @property
    def proposed_usage(self) -> int:
        return self.figures.proposed_usage

    @property
    def balance_31_march(self) -> int:
        return self.figures.balance_31_march

    @property
    def printed_label(self) -> str:
        """The statement's first column: the name, then its description after a dash."""
        return f"{self.label} - {self.description}" if self.description else self.label


def _positions(period: Period) -> list[ReservePosition]:
    return list(
        ReservePosition.objects.filter(period=period)
        .select_related("reserve")
        .order_by("reserve__order", "reserve__code")
    )


def reserves_table(period: Period) -> list[ReserveRow]:
    """The statement as printed: provisions, their total, reserves, their total, and both."""
    positions = _positions(period)
    rows: list[ReserveRow] = []
    totals: dict[str, ReserveFigures] = {}
    for kind, total_label in ((Reserve.Kind.PROVISION, PROVISIONS_TOTAL), (Reserve.Kind.RESERVE, RESERVES_TOTAL)):
        subtotal = ReserveFigures()
        for position in (p for p in positions if p.reserve.kind == kind):
            figures = ReserveFigures(position.balance_1_april, position.proposed_usage)
            subtotal += figures
            reserve = position.reserve
            description = position.description or reserve.description
            rows.append(ReserveRow("line", reserve.code, reserve.name, description, figures, kind))
        totals[kind] = subtotal
        rows.append(ReserveRow("total", kind, total_label, "", subtotal, kind))
    both = totals[Reserve.Kind.PROVISION] + totals[Reserve.Kind.RESERVE]
    rows.append(ReserveRow("grand_total", "all", GRAND_TOTAL, "", both))
    return rows if positions else []


def reserve_rows(period: Period, reserve_ids: list[int]) -> dict[int, ReserveRow]:
    """Some reserves' rows at a period, by reserve id (the iBCF page links its carry-forward)."""
    rows = {}
    for position in ReservePosition.objects.filter(period=period, reserve_id__in=reserve_ids).select_related("reserve"):
        reserve = position.reserve
        figures = ReserveFigures(position.balance_1_april, position.proposed_usage)
        description = position.description or reserve.description
        rows[reserve.id] = ReserveRow("line", reserve.code, reserve.name, description, figures, reserve.kind)
    return rows


@dataclass(frozen=True)
class Movement:
    label: str
    balance_1_april: int
    proposed_usage: int
    balance_31_march: int


def reserves_movement(period: Period) -> list[Movement]:
    """Provisions, reserves and both: 1 April to 31 March (the dashboard panel)."""
    return [
        Movement(row.label, row.balance_1_april, row.proposed_usage, row.balance_31_march)
        for row in reserves_table(period)
        if row.kind != "line"
    ]


@dataclass(frozen=True)
class CapitalRow:
    kind: str  # "line" or "grand_total"
    code: str
    label: str
    figures: CapitalFigures

    @property
    def current_budget(self) -> int:
        return self.figures.current_budget

    @property
    def forecast_outturn(self) -> int:
        return self.figures.forecast_outturn

    @property
    def next_year_draft(self) -> int:
        return self.figures.next_year_draft

    @property
    def slippage(self) -> int:
        return self.figures.slippage


def capital_table(period: Period) -> list[CapitalRow]:
    positions = (
        CapitalPosition.objects.filter(period=period).select_related("scheme").order_by("scheme__order", "scheme__code")
    )
    rows = [
        CapitalRow(
            "line",
            p.scheme.code,
            p.scheme.name,
            CapitalFigures(p.current_budget, p.forecast_outturn, p.next_year_draft),
        )
        for p in positions
    ]
    if not rows:
        return []
    total = sum((row.figures for row in rows), CapitalFigures())
    return [*rows, CapitalRow("grand_total", "TOTAL", CAPITAL_TOTAL, total)]


# --- Entry forms (ascweb.statements) ---------------------------------------------------------


class ReserveEntry(StatementLine):
    @property
    def reserve(self) -> Reserve:
        return self.item


def reserve_entry_lines(period: Period) -> tuple[list[ReserveEntry], Period | None]:
    """Every reserve with this period's figures and the previous period's beside them."""
    return statement_lines(period, ReservePosition, "reserve", ReserveEntry)


class CapitalEntry(StatementLine):
    @property
    def scheme(self) -> CapitalScheme:
        return self.item


def capital_entry_lines(period: Period) -> tuple[list[CapitalEntry], Period | None]:
    return statement_lines(period, CapitalPosition, "scheme", CapitalEntry)
