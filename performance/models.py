"""Performance indicators (the Better Care Fund metrics) and their figures at each period.

A reporting period holds the year's monthly figures to date, as the committee's dashboard
prints them: one row per series (the indicator's total, or one of its breakdowns: a trust, a
responsible organisation, a CCG) with a figure per month. Quarter and year-to-date figures,
totals of a breakdown and rates per 100,000 are never stored: see performance/calculations.py.
Figures are exact decimals (counts, or percentages to one place), never floats.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ascweb.models import Period, Versioned

FIGURE = {"max_digits": 14, "decimal_places": 3, "null": True, "blank": True}
MONTH_FIELDS = ("apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "jan", "feb", "mar")


class Indicator(models.Model):
    """A metric of the dashboard: what it measures, where from, and which way is better."""

    class Unit(models.TextChoices):
        COUNT = "count", "Count"
        PERCENT = "percent", "Percentage"

    class Direction(models.TextChoices):
        LOWER = "lower", "Lower is better"
        HIGHER = "higher", "Higher is better"

    class Aggregation(models.TextChoices):
        SUM = "sum", "Added up over the months"
        LAST = "last", "The latest month's figure"

    code = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=300)
    definition = models.TextField(blank=True)
    source = models.TextField(blank=True, help_text="Where the figures come from (the paper's source notes)")
    unit = models.CharField(max_length=10, choices=Unit.choices, default=Unit.COUNT)
    direction = models.CharField(max_length=10, choices=Direction.choices, default=Direction.LOWER)
    aggregation = models.CharField(
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
        help_text="How a quarter and the year to date are made from the months",
    )
    population_base = models.CharField(max_length=100, blank=True, help_text="e.g. all ages, aged 65+")
    population = models.PositiveIntegerField(null=True, blank=True, help_text="The population rates are per")
    per = models.PositiveIntegerField(null=True, blank=True, help_text="Rates per this many people, e.g. 100,000")
    total_of = models.CharField(
        max_length=100,
        blank=True,
        help_text="The breakdown whose series add up to the total (blank: the total is entered)",
    )
    order = models.PositiveIntegerField(default=0)
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="indicators", help_text="Who enters this indicator's figures"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class Series(models.Model):
    """A row of an indicator's table: its total (blank group) or one of a breakdown's parts."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="series")
    group = models.CharField(max_length=100, blank=True, help_text="The breakdown, e.g. Trust; blank for the total")
    name = models.CharField(max_length=100)
    order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__order", "indicator__code", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "group", "name"], name="series_unique_in_indicator"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.group} {self.name}".replace("  ", " ")

    @property
    def code(self) -> str:  # what the lifecycle's checks key a row by
        return f"{self.indicator.code}:{self.group}:{self.name}"


class SeriesValues(Versioned):
    """A series' monthly figures in a period's dashboard (blank: not known yet)."""

    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="values")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="performance_values")
    apr = models.DecimalField("April", **FIGURE)
    may = models.DecimalField("May", **FIGURE)
    jun = models.DecimalField("June", **FIGURE)
    jul = models.DecimalField("July", **FIGURE)
    aug = models.DecimalField("August", **FIGURE)
    sep = models.DecimalField("September", **FIGURE)
    oct = models.DecimalField("October", **FIGURE)
    nov = models.DecimalField("November", **FIGURE)
    dec = models.DecimalField("December", **FIGURE)
    jan = models.DecimalField("January", **FIGURE)
    feb = models.DecimalField("February", **FIGURE)
    mar = models.DecimalField("March", **FIGURE)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["series", "period"], name="series_values_unique_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.series} at {self.period}"

    def months(self) -> list:
        return [getattr(self, name) for name in MONTH_FIELDS]


class Target(Versioned):
    """A series' target over months `first_month` to `last_month` (1 = April): one month, a
    quarter or the year to date, spread equally over its months for an indicator that adds up
    ("Quarterly targets are apportioned equally between each of the three months")."""

    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="targets")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="performance_targets")
    first_month = models.PositiveSmallIntegerField()
    last_month = models.PositiveSmallIntegerField()
    target = models.DecimalField(max_digits=14, decimal_places=3)

    history = HistoricalRecords()

    class Meta:
        ordering = ["first_month"]
        constraints = [
            models.UniqueConstraint(fields=["series", "period", "first_month"], name="target_unique_per_start"),
            models.CheckConstraint(
                condition=models.Q(first_month__gte=1, last_month__lte=12, first_month__lte=models.F("last_month")),
                name="target_months_in_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.series} target at {self.period}"


class Commentary(Versioned):
    """An indicator's key issues and discussion points at a period."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="commentaries")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="performance_commentaries")
    text = models.TextField("key issues and discussion points", blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="commentary_unique_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} commentary at {self.period}"
