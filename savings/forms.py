"""Forms: validation only, with the revenue form's rules. Amounts are typed in pounds and
parsed by ascweb.money; every error names the saving; nothing is saved unless all is valid."""

from django import forms

from ascweb.forms import EXPLANATION_MAX, AmountField
from ascweb.money import format_pounds
from savings.calculations import forecast_problems
from savings.models import SavingForecast
from savings.selectors import SavingRow
from savings.services import SavingEntry

Status = SavingForecast.Status
_STALE = ("required", "invalid", "min_value")
_FIELDS = {"recovery_action": "recovery"}  # the rules' field names -> this form's


def _text(label: str, name: str, initial: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=EXPLANATION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        initial=initial,
        error_messages={"max_length": f"{name}: keep the {label.split(' ', 1)[-1]} under {EXPLANATION_MAX} characters"},
    )


class WorkstreamSavingsForm(forms.Form):
    """Forecast delivery, status, RAG, explanation and recovery action for each saving of a
    workstream. A saving not yet updated this period starts from the last published period's
    forecast, status and text, for the officer to review."""

    def __init__(self, *args, rows: list[SavingRow], **kwargs):
        super().__init__(*args, **kwargs)
        self.savings = rows
        for row in rows:
            name = f"{row.code} {row.description}"
            start = row.forecast if row.forecast is not None else row.previous_forecast
            self.fields[f"forecast_{row.id}"] = AmountField(
                line_name=name,
                what="forecast saving",
                label=f"{row.code} forecast saving (£)",
                initial=format_pounds(start) if start is not None else "",
            )
            self.fields[f"status_{row.id}"] = forms.ChoiceField(
                label=f"{row.code} status",
                choices=Status.choices,
                widget=forms.RadioSelect,
                initial=row.status,
                error_messages={
                    "required": f"{name}: choose on target or off target",
                    "invalid_choice": f"{name}: choose on target or off target",
                },
            )
            self.fields[f"rag_{row.id}"] = forms.ChoiceField(
                label=f"{row.code} RAG grade (optional)",
                choices=SavingForecast.Rag.choices,
                required=False,
                initial=row.rag,
                error_messages={"invalid_choice": f"{name}: choose a RAG grade from the list"},
            )
            explanation = row.explanation if row.reported else row.previous_explanation
            recovery = row.recovery_action if row.reported else row.previous_recovery_action
            self.fields[f"explanation_{row.id}"] = _text(f"{row.code} explanation", name, explanation)
            self.fields[f"recovery_{row.id}"] = _text(f"{row.code} recovery action", name, recovery)
            self.fields[f"version_{row.id}"] = forms.IntegerField(
                widget=forms.HiddenInput,
                min_value=0,
                initial=row.version,
                error_messages=dict.fromkeys(_STALE, f"{name}: the form is out of date; open it again"),
            )

    def clean(self):
        cleaned = super().clean()
        for row in self.savings:
            status = cleaned.get(f"status_{row.id}")
            problems = forecast_problems(
                row.target,
                cleaned.get(f"forecast_{row.id}"),
                off_target=None if status is None else status == Status.OFF_TARGET,
                explanation=cleaned.get(f"explanation_{row.id}") or "",
                recovery_action=cleaned.get(f"recovery_{row.id}") or "",
            )
            for field, message in problems:
                self.add_error(f"{_FIELDS.get(field, field)}_{row.id}", f"{row.code} {row.description}: {message}")
        return cleaned

    def entries(self) -> list[SavingEntry]:
        data = self.cleaned_data
        return [
            SavingEntry(
                saving_id=row.id,
                forecast=data[f"forecast_{row.id}"],
                status=data[f"status_{row.id}"],
                rag=data.get(f"rag_{row.id}") or "",
                explanation=(data.get(f"explanation_{row.id}") or "").strip(),
                recovery_action=(data.get(f"recovery_{row.id}") or "").strip(),
                version=data[f"version_{row.id}"],
            )
            for row in self.savings
        ]

    def rows(self):
        """(saving row, {field name: bound field}) for the template."""
        keys = ("forecast", "status", "rag", "explanation", "recovery")
        return [(row, {key: self[f"{key}_{row.id}"] for key in keys}) for row in self.savings]
