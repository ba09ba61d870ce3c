"""Form fields every app's entry forms share: an amount typed in pounds, free text, and the version
of a row the form was drawn at (the optimistic lock's half in the form: ascweb.versioning)."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from ascweb.money import AmountError, parse_amount
from ascweb.versioning import StaleEdit

TEXT_MAX = 4000  # an explanation, a recovery action, a scheme's progress


class AmountField(forms.Field):
    """A sum of money typed in pounds; cleaned to integer pence."""

    max_length = 30

    def __init__(self, *, line_name: str, what: str, **kwargs):
        self.line_name, self.what = line_name, what
        super().__init__(error_messages={"required": f"{line_name}: enter the {what}"}, **kwargs)

    def to_python(self, value):
        text = "" if value is None else str(value).strip()
        if not text:
            return None
        if len(text) > self.max_length:
            raise ValidationError(f"{self.line_name}: the {self.what} is too long to be an amount", code="length")
        try:
            return parse_amount(text)
        except AmountError as error:
            raise ValidationError(f"{self.line_name}: {self.what}: {error}", code="amount") from None


def text_field(*, name: str, what: str, label: str, initial: str, rows: int = 3) -> forms.CharField:
    """Free text up to TEXT_MAX characters; `name` names the row in the error."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": rows}),
        initial=initial,
        error_messages={"max_length": f"{name}: keep the {what} under {TEXT_MAX} characters"},
    )


def version_name(item_id: int) -> str:
    """The form field carrying the version of item `item_id`'s row."""
    return f"version_{item_id}"


class VersionField(forms.IntegerField):
    """The version of a row the form was drawn at (hidden; 0: no row was saved yet), named
    version_name(item id).

    A blank is refused as out of date, unless `required=False` (a form whose every field may
    be left blank): then it means the editor saw no row, so a row saved since is still met."""

    def __init__(self, *, name: str, version: int, required: bool = True):
        out_of_date = f"{name}: the form is out of date; open it again"
        super().__init__(
            widget=forms.HiddenInput,
            min_value=0,
            required=required,
            initial=version,
            error_messages=dict.fromkeys(("required", "invalid", "min_value"), out_of_date),
        )

    def clean(self, value) -> int:
        return super().clean(value) or 0


def rebased(data: QueryDict, stale: StaleEdit) -> QueryDict:
    """The editor's typed values with the versions saved now: the form drawn again from them
    keeps what they typed, and saving it again is a deliberate replacement."""
    data = data.copy()
    for item_id, version in stale.versions.items():
        data[version_name(item_id)] = str(version)
    return data
