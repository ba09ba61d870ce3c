"""Forms the core's pages use (starting, re-opening and importing into a period) and the
fields every app's entry forms share: an amount typed in pounds, an explanation's length."""

from django import forms


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
