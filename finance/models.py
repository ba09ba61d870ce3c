"""Revenue budget monitoring: the reporting-line tree and per-period figures.

Amounts are integer pence (BigIntegerField, db_comment="pence"). Totals are never stored:
every level above a line is the sum of the lines below it (see calculations.rollup).
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ascweb.bulk import BulkHistoricalRecords
from ascweb.models import PENCE, FinancialYear, Period, Versioned


class ReportingLine(models.Model):
    """A node of the reporting tree: department > expenditure area > group(s) > line.

    Only lines (leaves) carry figures. Groups may nest (Purchase of Care sits inside the
    cost of Services to Users, above Service User Income).
    """

    class Kind(models.TextChoices):
        DEPARTMENT = "department", "Department"
        AREA = "area", "Expenditure area"
        GROUP = "group", "Group"
        LINE = "line", "Line"

    code = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    order = models.PositiveIntegerField(default=0)
    total_label = models.CharField(
        max_length=200, blank=True, help_text="Label of the total row, e.g. 'Total Purchase of Care'"
    )
    print_heading = models.BooleanField(default=True, help_text="Print a heading row above the group's lines")
    income = models.BooleanField(
        default=False,
        help_text="Income (e.g. Service User Income), budgeted as a negative amount: a forecast below the budget "
        "is an over-recovery of income, not an underspend. Not read from the budget's sign: a spending area can "
        "have a negative net budget too.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def total_name(self) -> str:
        return self.total_label or f"Total {self.name}"


class LineAlias(models.Model):
    """Another name the papers use for a line ('ICES' for Integrated Community Equipment Service)."""

    line = models.ForeignKey(ReportingLine, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["line", "name"], name="alias_unique_per_line"),
        ]

    def __str__(self) -> str:
        return self.name


class AreaAssignment(models.Model):
    """An officer is responsible for the lines of an expenditure area."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="areas")
    area = models.ForeignKey(ReportingLine, on_delete=models.CASCADE, related_name="assignments")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "area"], name="assignment_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} > {self.area}"


class LineForecast(Versioned):
    """One line's figures at one period."""

    line = models.ForeignKey(ReportingLine, on_delete=models.PROTECT, related_name="forecasts")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="forecasts")
    budget = models.BigIntegerField(db_comment=PENCE, help_text="Revised budget, pence")
    forecast = models.BigIntegerField("forecast outturn", db_comment=PENCE, help_text="Forecast outturn, pence")
    explanation = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["line", "period"], name="forecast_unique_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.line} at {self.period}"


class GroupExplanation(Versioned):
    """A variance explained for a group as a whole (the papers explain Purchase of Care so)."""

    node = models.ForeignKey(ReportingLine, on_delete=models.PROTECT, related_name="explanations")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="group_explanations")
    text = models.TextField()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["node", "period"], name="group_explanation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.node} at {self.period}"


class PrintedVariance(models.Model):
    """A variance known only from what a later paper printed: the Period 10 paper's "Variance
    @ Pd 7" column is all there is of Period 7 (a period with status "printed")."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="printed_variances")
    node = models.ForeignKey(ReportingLine, on_delete=models.PROTECT, related_name="printed_variances")
    variance = models.BigIntegerField(db_comment=PENCE, help_text="Over (+) or under (-) spend as printed, pence")
    source = models.CharField(max_length=200, help_text="Where it is printed")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["node", "period"], name="printed_variance_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.node} at {self.period} as printed"


class PriorYearOutturn(models.Model):
    """A year's actual and over/underspend at outturn, at the depth the papers give it."""

    node = models.ForeignKey(ReportingLine, on_delete=models.PROTECT, related_name="outturns")
    year = models.ForeignKey(FinancialYear, on_delete=models.PROTECT, related_name="outturns")
    actual = models.BigIntegerField(db_comment=PENCE)
    variance = models.BigIntegerField(db_comment=PENCE, help_text="Over/underspend at outturn")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["node", "year"], name="outturn_unique_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.node} outturn {self.year}"


class StructureSnapshot(models.Model):
    """The reporting tree as it stood when a period was published: published reports read
    their names, order and grouping from here, so later renames or moves do not change them."""

    period = models.OneToOneField(Period, on_delete=models.CASCADE, related_name="structure_snapshot")
    nodes = models.JSONField(help_text="[{id, code, name, kind, parent_id, order, total_label, print_heading}]")
    frozen = models.JSONField(
        default=dict,
        blank=True,
        help_text="What else the published report shows that later changes could move (previous variances, "
        "net expenditure, profile)",
    )
    taken_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Structure of {self.period}"


class NetExpenditure(models.Model):
    """Actual net expenditure (spend less income) in one period, for the profile graph.

    `area` is an expenditure area, or empty for the whole department where the split by area
    is not known. A period's department figure is the sum of its rows (computed, never stored).
    """

    year = models.ForeignKey(FinancialYear, on_delete=models.PROTECT, related_name="net_expenditure")
    period = models.PositiveSmallIntegerField(help_text="1 = April ... 12 = March, 13 = year-end adjustments")
    area = models.ForeignKey(
        ReportingLine, null=True, blank=True, on_delete=models.PROTECT, related_name="net_expenditure"
    )
    amount = models.BigIntegerField(db_comment=PENCE, help_text="Net expenditure in the period, pence")

    # filled by imports 100,000 rows at a time; read by row, never by year or area
    history = BulkHistoricalRecords(no_db_index=["year", "area"])

    class Meta:
        ordering = ["year__start_year", "period", "area__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "period", "area"],
                condition=models.Q(area__isnull=False),
                name="net_expenditure_unique_per_area",
            ),
            models.UniqueConstraint(
                fields=["year", "period"],
                condition=models.Q(area__isnull=True),
                name="net_expenditure_unique_for_department",
            ),
            models.CheckConstraint(
                condition=models.Q(period__gte=1, period__lte=13), name="net_expenditure_period_1_to_13"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} P{self.period} {self.area or 'department'}"


class BudgetProfile(models.Model):
    """How a year's budget is spread over its periods, as the lead chose it.

    Explicit weights are stored exactly: 13 whole numbers of basis points (1/100 of a per
    cent) summing to 10,000, period 13 carrying year-end adjustments. The budget profiled is
    the department's computed budget at the period being looked at; `budget` is only for a
    year with no periods in the system (its figure and where it came from in `budget_source`).
    """

    class Method(models.TextChoices):
        TWELFTHS = "twelfths", "Straight twelfths"
        LAST_YEAR = "last_year", "Last year's actual pattern"
        EXPLICIT = "explicit", "Explicit profile"

    year = models.OneToOneField(FinancialYear, on_delete=models.CASCADE, related_name="budget_profile")
    method = models.CharField(max_length=10, choices=Method.choices, default=Method.TWELFTHS)
    weights = models.JSONField(
        default=list, blank=True, help_text="Explicit profile: 13 basis-point weights summing to 10,000"
    )
    budget = models.BigIntegerField(
        null=True, blank=True, db_comment=PENCE, help_text="Annual budget, for a year with no periods here"
    )
    budget_source = models.CharField(max_length=300, blank=True)
    note = models.CharField(
        max_length=500, blank=True, help_text="Shown with the net expenditure graph: where the figures came from"
    )

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.year} profile: {self.get_method_display()}"
