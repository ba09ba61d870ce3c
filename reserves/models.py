"""Reserves and provisions, and the capital programme: per-period figures in pence.

Closing balances, totals and slippage are never stored: see reserves/calculations.py.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from ascweb.models import PENCE, Assignment, Period, Versioned


class Reserve(models.Model):
    """A reserve or provision of the department (the rows of the reserves statement)."""

    class Kind(models.TextChoices):
        PROVISION = "provision", "Provision"
        RESERVE = "reserve", "Reserve"

    code = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="Printed after the name in the statement")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class ReservePosition(Versioned):
    """A reserve at one period: balance at 1 April and the year's proposed usage as forecast then.

    Usage keeps the papers' sign: negative is drawn from the reserve, positive is added to it.
    """

    reserve = models.ForeignKey(Reserve, on_delete=models.PROTECT, related_name="positions")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="reserve_positions")
    balance_1_april = models.BigIntegerField(
        "balance at 1 April", db_comment=PENCE, help_text="Balance at 1 April, pence"
    )
    proposed_usage = models.BigIntegerField(db_comment=PENCE, help_text="Proposed usage in the year, pence")
    description = models.TextField(blank=True, help_text="This period's wording, where it differs")

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reserve", "period"], name="reserve_position_unique_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.reserve} at {self.period}"


class CapitalScheme(models.Model):
    """A scheme of the department's capital programme."""

    code = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=300)
    order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class CapitalPosition(Versioned):
    """A capital scheme at one period: this year's budget and forecast, and next year's draft."""

    scheme = models.ForeignKey(CapitalScheme, on_delete=models.PROTECT, related_name="positions")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="capital_positions")
    current_budget = models.BigIntegerField(
        "current capital budget", db_comment=PENCE, help_text="Current capital budget, pence"
    )
    forecast_outturn = models.BigIntegerField(db_comment=PENCE, help_text="Forecast outturn at year end, pence")
    next_year_draft = models.BigIntegerField(
        "draft budget for next year", db_comment=PENCE, help_text="Next year's draft capital budget, pence"
    )

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scheme", "period"], name="capital_position_unique_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} at {self.period}"


class StatementAssignment(Assignment):
    """An officer enters a statement: the reserves and provisions, or the capital programme."""

    class Statement(models.TextChoices):
        RESERVES = "reserves", "Reserves and provisions"
        CAPITAL = "capital", "Capital programme"

    statement = models.CharField(max_length=10, choices=Statement.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "statement"], name="statement_assignment_unique")]

    def __str__(self) -> str:
        return f"{self.user} > {self.get_statement_display()}"
