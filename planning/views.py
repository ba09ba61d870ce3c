"""Budget planning pages: the rounds, a round (its bridge charts, tables, allocation,
timetable and risks), what changed since the previous round, and the lead's forms. Members see
published rounds only; a draft is a 404 to them; only a lead changes or publishes a round."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ascweb import permissions
from ascweb.lifecycle import financial_year_for
from ascweb.periods import period_or_404
from planning import registry, selectors, services
from planning.forms import GridForm, MilestoneForm, RiskForm, RoundForm
from planning.models import Allocation, Assumption, BridgeLine, Department, Milestone, PlanningRound, Risk


def _can_edit(user, round_: PlanningRound) -> bool:
    return permissions.can_manage_periods(user) and not round_.is_published


def _lead_only(user) -> None:
    if not permissions.can_manage_periods(user):
        raise PermissionDenied("Only a finance lead can change a planning round")


def index(request: HttpRequest) -> HttpResponse:
    if not (permissions.is_finance(request.user) or permissions.is_member(request.user)):
        raise PermissionDenied("Budget planning is for members and finance staff")
    context = {"rounds": selectors.rounds_visible_to(request.user), "can_manage": permissions.is_lead(request.user)}
    return render(request, "planning/index.html", context)


def _round_page(request: HttpRequest, round_: PlanningRound, period=None) -> HttpResponse:
    context = {
        **registry.round_context(round_),
        "charts": registry.round_charts(round_),
        "previous": selectors.previous_round(round_),
        "can_edit": _can_edit(request.user, round_),
        "period": period,
        "downloads": DOWNLOADS,
    }
    return render(request, "planning/round.html", context)


DOWNLOADS = [
    ("planning-bridge", "The gap bridge"),
    ("planning-assumptions", "Assumptions"),
    ("planning-departments", "Savings targets by department"),
    ("planning-committees", "Savings targets by committee"),
]


def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _round_page(request, selectors.round_or_404(request.user, pk))


def period_round(request: HttpRequest, year: str, number: int) -> HttpResponse:
    """A period's planning page: the round its pack shows."""
    period = period_or_404(request, year, number)
    round_ = selectors.round_for_period(period)
    if round_ is None:
        return render(request, "planning/none.html", {"period": period})
    return _round_page(request, round_, period)


def round_changes(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = selectors.round_or_404(request.user, pk)
    previous = selectors.previous_round(round_)
    found = selectors.changes(round_, previous) if previous else []
    context = {"round": round_, "previous": previous, "changes": found}
    return render(request, "planning/changes.html", context)


def round_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _lead_only(request.user)
    round_ = selectors.round_or_404(request.user, pk) if pk else None
    initial = {}
    if round_ is not None:
        initial = {f: getattr(round_, f) for f in ("name", "share_rule", "illustrative")}
        initial["first_year"] = round_.first_year.code
    form = RoundForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = {**form.cleaned_data, "first_year": financial_year_for(form.cleaned_data["first_year"])}
        taken = PlanningRound.objects.filter(name__iexact=values["name"]).exclude(pk=pk)
        if taken.exists():
            form.add_error("name", "There is a round of that name already")
        else:
            try:
                saved = services.round_save(user=request.user, round_id=pk, values=values)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("planning-round", saved.pk)
    title = f"Change {round_.name}" if round_ else "Start a planning round"
    return render(request, "planning/round_edit.html", {"form": form, "round": round_, "title": title})


@require_POST
def round_publish(request: HttpRequest, pk: int) -> HttpResponse:
    _lead_only(request.user)
    round_ = selectors.round_or_404(request.user, pk)
    try:
        services.round_publish(user=request.user, round_id=round_.pk)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"{round_.name} is published for members")
    return redirect("planning-round", round_.pk)


# --- The figures' forms ---------------------------------------------------------------------------

_PERCENTS = [
    ("tax_increase", "Council tax increase %", "percent"),
    ("precept", "Adult social care precept %", "percent"),
    ("base_growth", "Council tax base growth %", "percent"),
]
ASSUMPTION_COLUMNS = [("tax_yield", "Council tax yield £", "money"), *_PERCENTS]
ALLOCATION_COLUMNS = [
    ("net_budget", "Net budget £", "money"),
    ("agreed", "Previously agreed savings £", "money"),
    ("new_share", "Share of new savings £ (as entered)", "money"),
    ("changes", "Changes to agreed savings £", "money"),
]


def _bridge_form(round_, data):
    codes = selectors.year_codes(round_)
    lines = BridgeLine.objects.filter(round=round_).values_list("category", "year__code", "amount")
    initial = {(category, code): amount for category, code, amount in lines}
    columns = [(code, code, "money") for code in codes]
    return GridForm(data, rows=list(BridgeLine.Category.choices), columns=columns, initial=initial)


def _bridge_rows(round_, form) -> list:
    values = form.values()
    return [
        ({"year": financial_year_for(code), "category": category}, {"amount": values.get(category, {}).get(code, 0)})
        for category, _label in BridgeLine.Category.choices
        for code in selectors.year_codes(round_)
    ]


def _assumption_form(round_, data):
    found = Assumption.objects.filter(round=round_).select_related("year")
    initial = {(a.year.code, name): getattr(a, name) for a in found for name, _h, _k in ASSUMPTION_COLUMNS}
    rows = [(code, code) for code in selectors.year_codes(round_)]
    return GridForm(data, rows=rows, columns=ASSUMPTION_COLUMNS, initial=initial, required=True)


def _assumption_rows(_round, form) -> list:
    return [({"year": financial_year_for(code)}, values) for code, values in form.values().items()]


def _allocation_form(round_, data):
    linked = set(selectors.savings_targets(round_))
    found = Allocation.objects.filter(round=round_).select_related("year")
    initial = {
        (f"{a.department_id}_{a.year.code}", name): getattr(a, name)
        for a in found
        for name, _h, _k in ALLOCATION_COLUMNS
    }
    rows, fixed = [], {}
    for department in Department.objects.all():
        for code in selectors.year_codes(round_):
            key = f"{department.pk}_{code}"
            rows.append((key, f"{department.name} {code}"))
            if department.code in linked:
                fixed[(key, "agreed")] = "From the savings programme"
    return GridForm(data, rows=rows, columns=ALLOCATION_COLUMNS, initial=initial, fixed=fixed)


def _allocation_rows(round_, form) -> list:
    linked = set(selectors.savings_targets(round_))
    departments = {str(d.pk): d for d in Department.objects.all()}
    rows = []
    for key, values in form.values().items():
        department_id, code = key.split("_", 1)
        department = departments[department_id]
        figures = {
            "net_budget": values.get("net_budget", 0),
            "agreed": None if department.code in linked else values.get("agreed", 0),
            "new_share": values.get("new_share"),
            "changes": values.get("changes", 0),
        }
        rows.append(({"department": department, "year": financial_year_for(code)}, figures))
    return rows


FIGURES = {
    "bridge": ("The gap bridge", BridgeLine, _bridge_form, _bridge_rows),
    "assumptions": ("Assumptions", Assumption, _assumption_form, _assumption_rows),
    "allocation": ("Savings targets by department", Allocation, _allocation_form, _allocation_rows),
}


ITEMS = {
    "timetable": ("Add a milestone to the budget-setting timetable", Milestone, MilestoneForm),
    "risks": ("Add a risk not yet reflected in the figures", Risk, RiskForm),
}


def figures_edit(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    """A draft round's figures of one kind: a grid (FIGURES) or one item added (ITEMS)."""
    _lead_only(request.user)
    round_ = selectors.round_or_404(request.user, pk)
    if what not in FIGURES and what not in ITEMS:
        raise Http404("No such form")
    if round_.is_published:
        messages.error(request, f"{round_.name} is published: it cannot be changed")
        return redirect("planning-round", round_.pk)
    if what in ITEMS:
        title, model, item_form = ITEMS[what]
        form = item_form(request.POST or None)
        template, rows_of = "planning/round_edit.html", lambda _round, bound: [bound.row()]
    else:
        title, model, build, rows_of = FIGURES[what]
        form, template = build(round_, request.POST or None), "planning/figures_edit.html"
    if request.method == "POST" and form.is_valid():
        try:
            services.round_figures_update(
                user=request.user, round_id=round_.pk, model=model, rows=rows_of(round_, form)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{title} of {round_.name} saved")
            return redirect("planning-round", round_.pk)
    context = {"round": round_, "form": form, "title": title, "columns": getattr(form, "columns", [])}
    return render(request, template, context)
