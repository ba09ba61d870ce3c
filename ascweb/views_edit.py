"""How every entry form's view saves: bind the POST, save when valid, and after a clash
(ascweb.versioning.StaleEdit) show the form again with the editor's typed values and what
changed. The page answers 409 after a clash, 400 for bad input, else 200."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect

from ascweb.fields import rebased
from ascweb.models import Period
from ascweb.versioning import Conflict, StaleEdit


@dataclass
class Submission:
    form: forms.Form
    changed: int | None = None  # rows changed, once saved
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def status(self) -> int:
        if self.conflicts:
            return 409
        return 400 if self.form.errors else 200


def submit(
    request: HttpRequest, build: Callable[[QueryDict | None], forms.Form], save: Callable[[forms.Form], int]
) -> Submission:
    """Draw the form (`build(data)`) and, on a POST that validates, save it (`save(form)`
    returns how many rows changed). An empty POST is still a submission."""
    data = request.POST if request.method == "POST" else None
    form = build(data)
    if data is None or not form.is_valid():
        return Submission(form)
    try:
        return Submission(form, changed=save(form))
    except StaleEdit as stale:
        form = build(rebased(data, stale))
        form.is_valid()  # the typed values were valid: this only binds them for the page
        return Submission(form, conflicts=stale.conflicts)


def saved(request: HttpRequest, period: Period, *, what: str, changed: int, noun: str, page: str) -> HttpResponse:
    """Back to the period's `page`, saying what was saved: 'Reserves and provisions: saved, 2 rows changed.'"""
    messages.success(request, f"{what}: saved, {changed} {noun}{'s' if changed != 1 else ''} changed.")
    return redirect(page, period.year.code, period.number)
