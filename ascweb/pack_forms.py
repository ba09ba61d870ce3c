"""The lead's choice of the appendix pack's contents."""

from django import forms

from ascweb.pack import PartChoice


class PackContentsForm(forms.Form):
    section = forms.MultipleChoiceField(
        label="Contents of the pack",
        error_messages={
            "required": "Select at least one part for the pack",
            "invalid_choice": "Select parts from the list",
        },
    )

    def __init__(self, *args, parts: list[PartChoice], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [(part.name, part.choice_label) for part in parts]
