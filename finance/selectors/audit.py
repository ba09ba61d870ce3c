"""The audit log: everything that happened to a period (status changes with reasons, every
figure of every app), and a line's figures through every period."""

from dataclasses import dataclass

from ascweb.models import Period
from finance.models import LineForecast, ReportingLine


@dataclass(frozen=True)
class AuditEntry:
    at: object
    who: str
    subject: str
    changes: list[tuple[str, object, object]]  # (what, old, new); amounts in pence
    reason: str = ""


_AUDITED = (("budget", "budget"), ("forecast", "forecast outturn"), ("explanation", "explanation"))


def _entry(record, subject: str, changes: list[tuple[str, object, object]]) -> AuditEntry:
    """A history record's changes, with who made them, when and why."""
    return AuditEntry(
        at=record.history_date,
        who=record.history_user.get_username() if record.history_user else "system",
        subject=subject,
        changes=changes,
        reason=record.history_change_reason or "",
    )


def _figure_changes(before, after) -> list[tuple[str, object, object]]:
    if before is None:  # created: what it was set to (an empty explanation is not news)
        return [(label, None, getattr(after, field)) for field, label in _AUDITED if getattr(after, field) != ""]
    return [
        (label, getattr(before, field), getattr(after, field))
        for field, label in _AUDITED
        if getattr(before, field) != getattr(after, field)
    ]


def _line_records(**where):
    """History records of line figures, with what their entries name."""
    return LineForecast.history.filter(**where).select_related("history_user", "line", "period__year")


def _line_entries(records) -> list[AuditEntry]:
    """History records of line figures (ordered by line, then time) as changes."""
    entries, previous = [], {}
    for record in records:
        key = (record.line_id, record.period_id)
        changes = _figure_changes(previous.get(key), record)
        previous[key] = record
        if changes:
            entries.append(_entry(record, f"{record.line.name}, {record.period.title}", changes))
    return entries


def period_audit(period: Period) -> list[AuditEntry]:
    """Everything that happened to a period: status changes with reasons and the checks the
    lead acknowledged, and every figure change (a carried-forward figure's confirmation too)."""
    from ascweb.models import PeriodEvent

    records = _line_records(period_id=period.id).order_by("line_id", "history_date", "history_id")
    entries = _line_entries(records) + _other_period_changes(period)
    for event in PeriodEvent.objects.filter(period=period).select_related("user"):
        entries.append(
            AuditEntry(
                at=event.at,
                who=event.user.get_username() if event.user else "system",
                subject=f"{period.title}: {event.action}",
                changes=[("status", event.from_status or None, event.to_status)]
                + [("acknowledged", None, f"{c['section']}: {c['message']}") for c in event.acknowledged],
                reason=event.reason,
            )
        )
    return sorted(entries, key=lambda e: e.at, reverse=True)


_NOT_AUDIT_NEWS = {"id", "period", "updated_at", "updated_by", "version", "carried_from"}


def _other_period_changes(period: Period) -> list[AuditEntry]:
    """Changes to every other audited record of the period (savings forecasts, iBCF updates,
    reserves, capital): each model's history read once, whichever apps are installed."""
    from django.apps import apps

    entries = []
    for model in apps.get_models():
        history = getattr(model, "history", None)
        period_field = next((f for f in model._meta.concrete_fields if f.name == "period"), None)
        if model is LineForecast or history is None or period_field is None or period_field.related_model is not Period:
            continue
        related = [f.name for f in model._meta.concrete_fields if f.is_relation and f.name not in _NOT_AUDIT_NEWS]
        fields = [f.name for f in model._meta.concrete_fields if not f.is_relation and f.name not in _NOT_AUDIT_NEWS]
        records = history.filter(period_id=period.id).select_related("history_user", *related)
        previous: dict[int, object] = {}
        for record in records.order_by("id", "history_date", "history_id"):
            before, previous[record.id] = previous.get(record.id), record
            changes = [
                (name.replace("_", " "), getattr(before, name) if before else None, getattr(record, name))
                for name in fields
                if (before is None and getattr(record, name) not in (None, ""))
                or (before is not None and getattr(before, name) != getattr(record, name))
            ]
            if before is not None and getattr(before, "carried_from_id", None) and not record.carried_from_id:
                changes.append(("carried forward", None, "confirmed"))
            if changes:
                subject = ", ".join(str(getattr(record, name)) for name in related) or model._meta.verbose_name
                entries.append(_entry(record, f"{subject}, {period.title}", changes))
    return entries


def line_history(line: ReportingLine) -> list[AuditEntry]:
    """A line's figures through every period, newest first."""
    records = _line_records(line_id=line.id).order_by("line_id", "period_id", "history_date", "history_id")
    return sorted(_line_entries(records), key=lambda e: e.at, reverse=True)
