"""Forms the core's pages use (starting, re-opening and importing into a period) and the
fields every app's entry forms share: an amount typed in pounds, an explanation's length."""

import datetime

from django import forms

from ascweb.importing import limits, too_large


class NextPeriodForm(forms.Form):
    number = forms.TypedChoiceField(label="Period number", coerce=int, choices=())

    def __init__(self, *args, after: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].choices = [(n, f"Period {n}") for n in range(after + 1, 14)]


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label="Reason for re-opening",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give a reason for re-opening a published period"},
    )


class ImportForm(forms.Form):
    year = forms.CharField(
        label="Financial year",
        max_length=7,
        help_text="For example, 2017-18",
        error_messages={"required": "Enter the financial year, like 2017-18"},
    )
    number = forms.IntegerField(
        label="Period",
        min_value=1,
        max_value=13,
        help_text="1 (April) to 12 (March), 13 for year-end adjustments",
        error_messages={
            "required": "Enter the period number",
            "invalid": "Enter the period as a number from 1 to 13",
            "min_value": "Enter the period as a number from 1 to 13",
            "max_value": "Enter the period as a number from 1 to 13",
        },
    )
    file = forms.FileField(
        label="CSV or Excel file",
        error_messages={"required": "Choose a CSV or Excel (.xlsx) file", "empty": "The file is empty"},
    )
    publish = forms.BooleanField(label="Publish the period after a clean import", required=False)
    acknowledge_all = forms.BooleanField(
        label="Publish even with checks left: I acknowledge every one (each is recorded)", required=False
    )

    def __init__(self, *args, kind, **kwargs) -> None:
        """The fields the import kind needs: a period's figures name the period; only a
        kind that may publish offers to."""
        super().__init__(*args, **kwargs)
        if not kind.per_period:
            del self.fields["year"], self.fields["number"]
        if not kind.can_publish:
            del self.fields["publish"], self.fields["acknowledge_all"]
        most_bytes, most_rows, most_columns = limits()
        self.fields[
            "file"
        ].help_text = f"Up to {most_bytes / 1024 / 1024:g} MB, {most_rows:,} rows and {most_columns} columns"

    def clean_file(self):
        """Refused by its size before it is read: Django has spooled a large upload to a
        temporary file, and reading it whole would bring it all into memory."""
        upload = self.cleaned_data["file"]
        if message := too_large(upload.size):
            raise forms.ValidationError(message)
        return upload


def _date_field(label: str, what: str, example: str) -> forms.DateField:
    """An optional date, typed or picked, whose error names the field and shows a date."""
    return forms.DateField(
        label=label,
        required=False,
        help_text=f"{what}, for example {example}",
        error_messages={"invalid": f"Enter the {label.lower()} as a date, like {example}"},
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class TimetableForm(forms.Form):
    """A period's submission deadline and committee meeting, each within reason: from the
    first day of the period's month to a year after it; the meeting not before the deadline."""

    submission_deadline = _date_field(
        "Submission deadline", "When officers' figures and explanations are due", "2018-02-09"
    )
    committee_meeting = _date_field("Committee meeting", "When the committee meets to read the report", "2018-03-05")

    def __init__(self, *args, period, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.period = period

    def clean(self) -> dict:
        data = super().clean()
        start = period_month_start(self.period)
        latest = start.replace(year=start.year + 1)
        for name in ("submission_deadline", "committee_meeting"):
            value = data.get(name)
            if value is not None and not start <= value <= latest:
                label = self.fields[name].label
                self.add_error(
                    name,
                    f"{label} must be between {long_date(start)} and {long_date(latest)} for {self.period.title}",
                )
        deadline, meeting = data.get("submission_deadline"), data.get("committee_meeting")
        if deadline and meeting and meeting < deadline and not self.errors:
            self.add_error("committee_meeting", "The committee meeting cannot be before the submission deadline")
        return data


def long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def period_month_start(period) -> datetime.date:
    """The first day of the period's month (Period 1 is April; 13, the year end, is April after)."""
    months_after_april = min(period.number, 13) - 1
    year = period.year.start_year + (3 + months_after_april) // 12
    return datetime.date(year, (3 + months_after_april) % 12 + 1, 1)
