"""Pure calculations for reserves, provisions and the capital programme (integer pence).

Forecast balance at 31 March = balance at 1 April + proposed usage (usage keeps the papers'
sign: negative draws on the reserve). Slippage = current capital budget - forecast outturn.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ReserveFigures:
    balance_1_april: int = 0
    proposed_usage: int = 0

    @property
    def balance_31_march(self) -> int:
        return self.balance_1_april + self.proposed_usage

    def __add__(self, other: "ReserveFigures") -> "ReserveFigures":
        return ReserveFigures(self.balance_1_april + other.balance_1_april, self.proposed_usage + other.proposed_usage)


@dataclass(frozen=True)
class CapitalFigures:
    current_budget: int = 0
    forecast_outturn: int = 0
    next_year_draft: int = 0

    @property
    def slippage(self) -> int:
        """Budget not expected to be spent this year (negative: spend above budget)."""
        return self.current_budget - self.forecast_outturn

    def __add__(self, other: "CapitalFigures") -> "CapitalFigures":
        return CapitalFigures(
            self.current_budget + other.current_budget,
            self.forecast_outturn + other.forecast_outturn,
            self.next_year_draft + other.next_year_draft,
        )
