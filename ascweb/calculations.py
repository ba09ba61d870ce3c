"""Pure calculations the core owns: checking a paper's printed total against its rows, and
the months of a financial year. No database; integer pence in and out."""

from dataclasses import dataclass

from ascweb.money import PENCE_PER_THOUSAND

# A financial year's months: Period 1 is April ... Period 12 March (13: year-end adjustments).
MONTHS = [
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "January",
    "February",
    "March",
]

ROUNDING = "rounding"
ERROR = "error"
EXACT = "exact"


@dataclass(frozen=True)
class PrintedCheck:
    printed: int
    computed: int
    tolerance: int

    @property
    def difference(self) -> int:
        return self.printed - self.computed

    @property
    def kind(self) -> str:
        if self.difference == 0:
            return EXACT
        return ROUNDING if abs(self.difference) <= self.tolerance else ERROR


def rounding_tolerance(rounded_terms: int, unit_pence: int = PENCE_PER_THOUSAND) -> int:
    """The most that rounding can explain: half the printed unit for each rounded figure.

    A total of n lines each printed to the nearest £1,000 can differ from the true total by
    up to n x £500, and the printed total itself by another £500.
    """
    return (rounded_terms + 1) * unit_pence // 2


def check_printed(
    printed: int, computed: int, rounded_terms: int, unit_pence: int = PENCE_PER_THOUSAND
) -> PrintedCheck:
    """A printed total against the sum of its rounded terms, each printed to `unit_pence`
    (£1,000 in the committee tables; £1m or £0.1m in prose such as 'the required £47m')."""
    return PrintedCheck(printed, computed, rounding_tolerance(rounded_terms, unit_pence))


def printed_value(printed: int, computed: int, *, magnitude: bool) -> int:
    """What to compare a printed figure with: prose prints amounts unsigned ('£3.874m')."""
    return abs(computed) if magnitude else computed
