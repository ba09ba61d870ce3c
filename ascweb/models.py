"""The core's models: financial years, periods and their lifecycle events, the papers' fidelity
notes and the record of every import. Every app's figures hang off a Period; those officers
edit are Versioned.

Amounts are integer pence (BigIntegerField, db_comment="pence").
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ascweb.calculations import MONTHS

PENCE = "pence"


class FinancialYear(models.Model):
    """A financial year, 1 April to 31 March, written 2017-18."""

    code = models.CharField(max_length=7, unique=True, help_text="e.g. 2017-18")
    start_year = models.PositiveSmallIntegerField(unique=True)

    class Meta:
        ordering = ["start_year"]

    def __str__(self) -> str:
        return self.code

    @staticmethod
    def code_for(start_year: int) -> str:
        return f"{start_year}-{(start_year + 1) % 100:02d}"


class Period(models.Model):
    """A monitoring period: 1 = April ... 12 = March, 13 = year-end adjustments."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        SUBMITTED = "submitted", "Submitted"
        PUBLISHED = "published", "Published"
        # Known only from what a later paper printed (Period 7's variances in the Period 10
        # paper): a comparison for a later report, never a report of its own.
        PRINTED = "printed", "As printed in a later paper"

    year = models.ForeignKey(FinancialYear, on_delete=models.PROTECT, related_name="periods")
    number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    published_at = models.DateTimeField(null=True, blank=True)
    committee_meeting = models.DateField(null=True, blank=True)
    submission_deadline = models.DateField(
        null=True, blank=True, help_text="When officers' figures and explanations are due"
    )
    compared_with = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The earlier period whose variances the report prints beside this one's; fixed when published",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["year__start_year", "number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="period_unique_in_year"),
            models.CheckConstraint(condition=models.Q(number__gte=1, number__lte=13), name="period_number_1_to_13"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def month(self) -> str:
        return MONTHS[self.number - 1] if self.number <= 12 else "Year end"

    @property
    def title(self) -> str:
        return f"Period {self.number} ({self.month}) {self.year.code}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Versioned(models.Model):
    """A figure officers edit at a period (a line's forecast, a saving's, a reserve's, a
    scheme's): who saved it last, when, and its version. Every change raises the version, a
    form's save and an import's alike, so a form drawn at an older version is refused rather
    than silently overwriting (ascweb.versioning)."""

    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised on every change: a stale form is refused")
    carried_from = models.ForeignKey(
        Period,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Carried forward from this period and not yet confirmed or changed by an officer",
    )

    class Meta:
        abstract = True


class Assignment(models.Model):
    """An officer is responsible for something an app's form edits (a savings workstream, a
    schedule): only its officers and the finance leads may edit it (ascweb.permissions). Each
    app's concrete assignment adds what is assigned, unique per user; kept in the admin."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class FidelityNote(models.Model):
    """Where a figure printed in a paper does not equal what the lines add up to."""

    class Kind(models.TextChoices):
        ROUNDING = "rounding", "Rounding"
        ERROR = "error", "Does not add up"
        GAP = "gap", "Not in the source documents"

    year = models.ForeignKey(FinancialYear, on_delete=models.CASCADE, related_name="fidelity_notes")
    period = models.ForeignKey(Period, null=True, blank=True, on_delete=models.CASCADE, related_name="fidelity_notes")
    source = models.CharField(max_length=200, help_text="Where the figure is printed")
    subject = models.CharField(max_length=200)
    column = models.CharField(max_length=100)
    printed = models.BigIntegerField(db_comment=PENCE)
    computed = models.BigIntegerField(db_comment=PENCE)
    tolerance = models.BigIntegerField(db_comment=PENCE)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return f"{self.source}: {self.subject} {self.column}"

    @property
    def difference(self) -> int:
        return self.printed - self.computed


class PeriodEvent(models.Model):
    """A change of a period's status: who, when, and why where a reason is asked for."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="events")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=20)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    reason = models.TextField(blank=True)
    acknowledged = models.JSONField(
        default=list, blank=True, help_text="The checks still failing that the lead acknowledged, one by one"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.period} {self.action}"


class ImportRecord(models.Model):
    """Every import: who, when, which file (name and SHA-256), into what, and what changed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    via = models.CharField(max_length=20, help_text="upload or command")
    kind = models.CharField(max_length=40, help_text="What was imported, e.g. period figures")
    period = models.ForeignKey(Period, null=True, blank=True, on_delete=models.SET_NULL, related_name="imports")
    filename = models.CharField(max_length=255)
    checksum = models.CharField(max_length=64)
    rows = models.PositiveIntegerField()
    changed = models.PositiveIntegerField()
    created = models.PositiveIntegerField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} from {self.filename}"
