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


NOT_MONEY = "Not money: "  # a fidelity note's comment starting so: its printed and computed are not pence


class Assignment(models.Model):
    """An officer is responsible for something an app's form edits (a savings workstream, a
    statement): only its officers and the finance leads may edit it (ascweb.permissions). Each
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

    @property
    def is_money(self) -> bool:
        """False for a note about counts or rates (a performance figure): its words say it all."""
        return not self.comment.startswith(NOT_MONEY)

    @property
    def words(self) -> str:
        return self.comment.removeprefix(NOT_MONEY)


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


class BackgroundImport(models.Model):
    """An import too large to run while the lead waits (ascweb.jobs): the file as uploaded and
    what the lead asked, run by the queue worker; at the end, its report (every problem, or
    the counts). The file is let go once it has been run."""

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Checking and importing"
        DONE = "done", "Finished"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=40, help_text="The import kind's name (ascweb.registry)")
    filename = models.CharField(max_length=255)
    content = models.BinaryField(help_text="The file as uploaded, until it has been run")
    year_code = models.CharField(max_length=7, blank=True)
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    publish = models.BooleanField(default=False)
    acknowledge_all = models.BooleanField(default=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    report = models.JSONField(default=dict, blank=True, help_text="problems [row, column, message], counts, notes")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} from {self.filename} ({self.state})"


class PublishedPack(models.Model):
    """A published period's whole appendix pack, built once by the queue worker when it was
    published (ascweb.jobs) and kept for that publication: a re-publish is a new event, so
    the pack is built again."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+")
    event = models.OneToOneField(PeriodEvent, on_delete=models.CASCADE, related_name="+")
    content = models.BinaryField()
    built_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Appendix pack of {self.period} ({self.built_at:%Y-%m-%d %H:%M})"
