"""The iBCF scheme update form: validation only. Spend and forecast are optional (the papers
report narrative only) but, when typed, must be exact amounts in pounds."""

from django import forms

from ascweb.forms import AmountField
from ascweb.money import format_pounds
from ibcf.selectors import UpdateEntry
from ibcf.services import UpdateValues
from reserves.selectors import edit_token

PROGRESS_MAX = 4000


class SchemeUpdateForm(forms.Form):
    token = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)

    @property
    def current_token(self) -> str:
        return edit_token(entry.current for entry in self.lines)

    def __init__(self, *args, lines: list[UpdateEntry], **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for entry in lines:
            scheme, current = entry.scheme, entry.current
            name = scheme.code
            self.fields[f"spend_{scheme.id}"] = AmountField(
                line_name=name,
                what="spend to date",
                label=f"{name} spend to date (£)",
                required=False,
                initial=format_pounds(current.spend_to_date) if current else "",
            )
            self.fields[f"forecast_{scheme.id}"] = AmountField(
                line_name=name,
                what="forecast for the year",
                label=f"{name} forecast for the year (£)",
                required=False,
                initial=format_pounds(current.forecast) if current else "",
            )
            self.fields[f"progress_{scheme.id}"] = forms.CharField(
                label=f"{name} activity and progress",
                required=False,
                max_length=PROGRESS_MAX,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=(current or entry.previous).activity_progress if (current or entry.previous) else "",
                error_messages={
                    "max_length": f"{name}: keep the activity and progress under {PROGRESS_MAX} characters"
                },
            )

    def rows(self):
        return [
            (e, self[f"spend_{e.scheme.id}"], self[f"forecast_{e.scheme.id}"], self[f"progress_{e.scheme.id}"])
            for e in self.lines
        ]

    def entries(self) -> list[UpdateValues]:
        data = self.cleaned_data
        return [
            UpdateValues(
                scheme_id=e.scheme.id,
                spend_to_date=data.get(f"spend_{e.scheme.id}"),
                forecast=data.get(f"forecast_{e.scheme.id}"),
                activity_progress=(data.get(f"progress_{e.scheme.id}") or "").strip(),
            )
            for e in self.lines
        ]
