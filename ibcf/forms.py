"""The iBCF scheme update form: a statement of the one edit stack (ascweb.statements), a row per
scheme. Spend and forecast are optional (the papers report narrative only) but, when typed,
must be exact amounts in pounds; a scheme with no update yet starts from the previous
period's activity and progress, never from its spend."""

from ascweb.fields import TEXT_MAX
from ascweb.statements import Column, Statement
from ibcf.models import SchemeUpdate, UpdatesAssignment

PROGRESS_MAX = TEXT_MAX  # ibcf.imports holds a file's progress to the same length

UPDATES = Statement(
    model=SchemeUpdate,
    key="scheme",
    columns=(
        Column("spend_to_date", prefix="spend", required=False, carried=False),
        Column("forecast", required=False, carried=False),
        Column("activity_progress", prefix="progress", text=True),
    ),
    title="Enter iBCF scheme updates",
    caption="iBCF schemes",
    item_header="Scheme",
    button="Save iBCF updates",
    page="ibcf",
    what="iBCF updates",
    noun="scheme",
    template="ibcf/updates_edit.html",
    item_name="code",
    item_note="description",
    assignments=UpdatesAssignment.objects.all(),
)
