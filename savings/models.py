"""The savings programme: programmes > workstreams > savings, multi-year targets, and each
period's delivery forecast.

Amounts are integer pence (BigIntegerField, db_comment="pence"). Savings are reductions in
spend, so targets and forecasts are negative; variance = forecast - target, so a positive
variance is a shortfall (at risk of non-delivery). Totals are never stored.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from ascweb.models import Assignment, FinancialYear, Period, Versioned

PENCE = "pence"


class Programme(models.Model):
    """Promoting Independence; Business as Usual."""

    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class Workstream(models.Model):
    """A workstream as Appendix D groups the projects (Early Help and Prevention, ...)."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="workstreams")
    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class Saving(models.Model):
    """One saving (a project), the same record across periods however a paper words it."""

    class Category(models.TextChoices):
        A = "A", "A - Cutting costs through efficiencies"
        B = "B", "B - Better value for money through procurement and contract management"
        C = "C", "C - Service redesign"
        D = "D", "D - Raising revenue; commercial activities"

    workstream = models.ForeignKey(Workstream, on_delete=models.PROTECT, related_name="savings")
    code = models.CharField(max_length=20, unique=True, help_text="The papers' reference, e.g. ASC006")
    description = models.CharField(max_length=400)
    category = models.CharField(max_length=1, choices=Category.choices, blank=True)
    part_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parts",
        help_text="The saving this project delivers part of (its parts hold the years it does not)",
    )
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["workstream__order", "order", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.description}"


class SavingAlias(models.Model):
    """Another wording of a saving in a paper ('Older people reviews' for part of ASC006)."""

    saving = models.ForeignKey(Saving, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=400)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["saving", "name"], name="saving_alias_unique")]

    def __str__(self) -> str:
        return self.name


class SavingTarget(models.Model):
    """The saving required in a financial year (negative: a reduction)."""

    saving = models.ForeignKey(Saving, on_delete=models.CASCADE, related_name="targets")
    year = models.ForeignKey(FinancialYear, on_delete=models.PROTECT, related_name="saving_targets")
    amount = models.BigIntegerField(db_comment=PENCE, help_text="Gross saving required, pence (negative)")
    reversal = models.BigIntegerField(
        default=0,
        db_comment=PENCE,
        help_text="Reversal of an earlier saving (positive), in the net figures but not the gross requirement",
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["saving", "year"], name="saving_target_unique_per_year")]

    def __str__(self) -> str:
        return f"{self.saving.code} {self.year}"


class SavingForecast(Versioned):
    """A saving's forecast delivery for its year, as reported at one period."""

    class Status(models.TextChoices):
        ON_TARGET = "on", "On target"
        OFF_TARGET = "off", "Off target"

    class Rag(models.TextChoices):
        NONE = "", "Not graded"
        GREEN = "green", "Green"
        AMBER = "amber", "Amber"
        RED = "red", "Red"

    saving = models.ForeignKey(Saving, on_delete=models.PROTECT, related_name="forecasts")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="saving_forecasts")
    forecast = models.BigIntegerField(
        "forecast saving", db_comment=PENCE, help_text="Forecast delivery, pence (negative)"
    )
    status = models.CharField(max_length=3, choices=Status.choices, default=Status.ON_TARGET)
    rag = models.CharField("RAG grade", max_length=5, choices=Rag.choices, blank=True, default="")
    explanation = models.TextField(blank=True)
    recovery_action = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["saving", "period"], name="saving_forecast_unique_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.saving.code} at {self.period}"


class Mitigation(models.Model):
    """A saving delivered outside the programme that offsets a shortfall (the paper's Transport,
    Service user income). Shown beside the programme, never added into its totals.
    Amounts are positive: money saved."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="mitigations")
    name = models.CharField(max_length=200)
    target = models.BigIntegerField(null=True, blank=True, db_comment=PENCE, help_text="None: not printed")
    forecast = models.BigIntegerField(db_comment=PENCE)
    one_off = models.BooleanField(default=False)
    explanation = models.TextField(blank=True)
    related_savings = models.ManyToManyField(Saving, blank=True, related_name="mitigations")
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["period", "name"], name="mitigation_unique_per_period")]

    def __str__(self) -> str:
        return f"{self.name} at {self.period}"


class WorkstreamAssignment(Assignment):
    """An officer updates this workstream's savings forecasts."""

    workstream = models.ForeignKey(Workstream, on_delete=models.CASCADE, related_name="assignments")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "workstream"], name="workstream_assignment_unique")]

    def __str__(self) -> str:
        return f"{self.user} > {self.workstream}"
