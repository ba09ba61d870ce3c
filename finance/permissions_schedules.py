"""Who may edit the schedules that are not split by expenditure area: reserves and provisions,
the capital programme and the iBCF scheme updates.

These belong to no expenditure area, so there is no assigned officer: a finance lead and ANY
finance officer may edit them while the period is open; nobody may once it is submitted or
published. Built only from the role predicates in ascweb.permissions.
"""

from ascweb import permissions


def can_see_schedule_forms(user) -> bool:
    """Whether the entry forms exist for this user at all (members and others: 403)."""
    return permissions.is_finance(user)


def can_edit_schedules(user, period) -> bool:
    return period.is_open and permissions.is_finance(user)
