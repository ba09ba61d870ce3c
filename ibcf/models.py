"""The improved Better Care Fund: grant streams, schemes, plan versions and per-period updates.

Amounts are integer pence. Plan years are budget years (2017-18 to 2019-20 and beyond) held as
the year they start (2017 = 2017-18): they are not monitoring years, so no finance
FinancialYear is created for them (creating future years would change which year finance
opens its next period in).
"""

from django.db import models
from simple_history.models import HistoricalRecords

from ascweb.models import PENCE, Assignment, FinancialYear, Period, Versioned


def year_code(start_year: int) -> str:
    return FinancialYear.code_for(start_year)


class GrantStream(models.Model):
    """A source of iBCF funding (the plan's "Funded by" lines)."""

    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    label = models.CharField(max_length=200, help_text="As printed on the plan's 'Funded by' line")
    note = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)
    reserve = models.ForeignKey(
        "reserves.Reserve",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The reserve that holds this grant's unspent balance carried forward",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class GrantAmount(models.Model):
    stream = models.ForeignKey(GrantStream, on_delete=models.CASCADE, related_name="amounts")
    start_year = models.PositiveSmallIntegerField(help_text="2017 for 2017-18")
    amount = models.BigIntegerField(db_comment=PENCE)

    history = HistoricalRecords()

    class Meta:
        ordering = ["start_year"]
        constraints = [
            models.UniqueConstraint(fields=["stream", "start_year"], name="grant_amount_unique_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.stream} {year_code(self.start_year)}"


class Scheme(models.Model):
    class Priority(models.TextChoices):
        PROTECT = "Protect", "Protect"
        SUSTAIN = "Sustain", "Sustain"
        INVEST = "Invest and Improve", "Invest and Improve"

    class Condition(models.TextChoices):
        NEEDS = "Meeting social care needs", "Meeting social care needs"
        NHS = "Reducing pressure on the NHS", "Reducing pressure on the NHS"
        MARKET = "Stabilising the provider market", "Stabilising the provider market"

    code = models.CharField(max_length=20, unique=True, help_text="iBCF1 ... iBCF11")
    order = models.PositiveIntegerField(default=0)
    priority = models.CharField(max_length=20, choices=Priority.choices)
    condition = models.CharField(max_length=40, choices=Condition.choices, help_text="The primary grant condition")
    condition_text = models.CharField(max_length=200, blank=True, help_text="The condition as the plan words it")
    description = models.TextField()
    impact = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.code


class PlanVersion(models.Model):
    """One version of the plan as agreed or reported: plans are revised and every version kept."""

    name = models.CharField(max_length=100, unique=True)
    date = models.DateField(help_text="When this version was agreed or reported")
    source = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return self.name


class SchemeAllocation(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="allocations")
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="allocations")
    start_year = models.PositiveSmallIntegerField(help_text="2017 for 2017-18")
    amount = models.BigIntegerField(db_comment=PENCE, help_text="Planned amount, pence")

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "scheme", "start_year"], name="allocation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} {year_code(self.start_year)} in {self.version}"


class AcuteSystem(models.Model):
    name = models.CharField(max_length=40, unique=True)
    label = models.CharField(max_length=200)
    ccgs = models.CharField(max_length=300, blank=True)
    order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class AcuteSystemAllocation(models.Model):
    """A plan version's money split by acute hospital system (population basis)."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="system_allocations")
    system = models.ForeignKey(AcuteSystem, on_delete=models.PROTECT, related_name="allocations")
    start_year = models.PositiveSmallIntegerField()
    amount = models.BigIntegerField(db_comment=PENCE)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "system", "start_year"], name="system_allocation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.system} {year_code(self.start_year)} in {self.version}"


class SchemeUpdate(Versioned):
    """A scheme's progress at a period. The papers print narrative only: spend and forecast
    stay empty (None) until an officer enters them."""

    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="updates")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="scheme_updates")
    spend_to_date = models.BigIntegerField(null=True, blank=True, db_comment=PENCE)
    forecast = models.BigIntegerField(
        "forecast for the year", null=True, blank=True, db_comment=PENCE, help_text="Forecast for the year"
    )
    activity_progress = models.TextField("activity and progress", blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scheme", "period"], name="scheme_update_unique_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} at {self.period}"


class UpdatesAssignment(Assignment):
    """An officer enters the iBCF schemes' updates (Appendix C): one statement, for every scheme."""

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user"], name="ibcf_updates_assignment_unique")]

    def __str__(self) -> str:
        return f"{self.user} > iBCF scheme updates"
