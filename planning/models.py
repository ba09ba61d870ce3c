"""Budget planning (the Medium Term Financial Strategy): planning rounds and their figures.

A round is one update of the plan ("July 2017"): a version, drafted by the lead and then
published for members; a published round never changes (planning.services refuses every write).
Amounts are integer pence; a positive bridge movement widens the gap, a negative one closes it;
savings are negative, as in the savings programme. Totals (the revised gap, the new savings to
find, each department's and committee's total) are never stored: see planning/calculations.py.
"""

from django.db import models
from simple_history.models import HistoricalRecords

from ascweb.models import PENCE, FinancialYear, Period

PLANNING_YEARS = 4  # a round plans its first year and the three after it


class PlanningRound(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class ShareRule(models.TextChoices):
        NET_BUDGET = "net_budget", "In proportion to net budget"
        ENTERED = "entered", "As entered"

    name = models.CharField(max_length=100, unique=True, help_text='"July 2017"')
    first_year = models.ForeignKey(FinancialYear, on_delete=models.PROTECT, related_name="planning_rounds")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    share_rule = models.CharField(
        "share of new savings", max_length=12, choices=ShareRule.choices, default=ShareRule.NET_BUDGET
    )
    illustrative = models.TextField(
        blank=True, help_text="Which figures are illustrative (not from a paper): shown on every page that shows them"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Committee(models.Model):
    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="departments")
    order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class BridgeLine(models.Model):
    """One movement of the gap in one year."""

    class Category(models.TextChoices):
        AGREED_GAP = "agreed_gap", "Gap as agreed in the last MTFS"
        COST_PRESSURES = "cost_pressures", "New cost pressures"
        FUNDING = "funding", "Funding changes"
        SAVINGS_CHANGES = "savings_changes", "Changes to agreed savings"
        TAX_INCREASE = "tax_increase", "Council tax increase"
        TAX_BASE = "tax_base", "Council tax base growth"
        REALLOCATION = "reallocation", "Reallocation between years"

    round = models.ForeignKey(PlanningRound, on_delete=models.CASCADE, related_name="bridge_lines")
    year = models.ForeignKey(FinancialYear, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=20, choices=Category.choices)
    amount = models.BigIntegerField(db_comment=PENCE, help_text="Pence; positive widens the gap")
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "year", "category"], name="planning_bridge_line_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.round} {self.year} {self.category}"


class Assumption(models.Model):
    """The plan's assumptions for one year; percentages as typed (1.99 is 1.99%)."""

    round = models.ForeignKey(PlanningRound, on_delete=models.CASCADE, related_name="assumptions")
    year = models.ForeignKey(FinancialYear, on_delete=models.PROTECT, related_name="+")
    tax_yield = models.BigIntegerField("council tax yield", db_comment=PENCE)
    tax_increase = models.DecimalField("council tax increase %", max_digits=6, decimal_places=3)
    precept = models.DecimalField("adult social care precept %", max_digits=6, decimal_places=3)
    base_growth = models.DecimalField("council tax base growth %", max_digits=6, decimal_places=3)

    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "year"], name="planning_assumption_unique")]

    def __str__(self) -> str:
        return f"{self.round} {self.year}"


class Allocation(models.Model):
    """A department's savings target for one year. `agreed` is blank for the department whose
    agreed savings are the savings programme's (read through the registry) until the round
    is published, when they are frozen here; `new_share` counts only when the round's rule is "as entered"."""

    round = models.ForeignKey(PlanningRound, on_delete=models.CASCADE, related_name="allocations")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="allocations")
    year = models.ForeignKey(FinancialYear, on_delete=models.PROTECT, related_name="+")
    net_budget = models.BigIntegerField(db_comment=PENCE)
    agreed = models.BigIntegerField(null=True, blank=True, db_comment=PENCE, help_text="Previously agreed savings")
    new_share = models.BigIntegerField(
        null=True, blank=True, db_comment=PENCE, help_text="Used when the round's rule is as entered"
    )
    changes = models.BigIntegerField(default=0, db_comment=PENCE, help_text="Changes to agreed savings")

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "department", "year"], name="planning_allocation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.round} {self.department} {self.year}"


class Milestone(models.Model):
    round = models.ForeignKey(PlanningRound, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField()
    name = models.CharField(max_length=300)

    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "id"]
        constraints = [models.UniqueConstraint(fields=["round", "name"], name="planning_milestone_unique")]

    def __str__(self) -> str:
        return self.name


class Risk(models.Model):
    """A risk not yet reflected in the figures; `amount` where it has been estimated."""

    round = models.ForeignKey(PlanningRound, on_delete=models.CASCADE, related_name="risks")
    name = models.CharField(max_length=300)
    amount = models.BigIntegerField(null=True, blank=True, db_comment=PENCE)
    order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["round", "name"], name="planning_risk_unique")]

    def __str__(self) -> str:
        return self.name


class PeriodRound(models.Model):
    """The round a published period's pack shows, fixed when the period is published (the
    latest published round then) and let go when it is re-opened: a published period's
    pack never changes, whatever rounds are published after it."""

    period = models.OneToOneField(Period, on_delete=models.CASCADE, related_name="planning_round")
    round = models.ForeignKey(PlanningRound, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"{self.period}: {self.round}"
