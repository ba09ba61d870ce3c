from ascweb import permissions


def roles(request) -> dict:
    user = request.user
    return {
        "is_lead": permissions.is_lead(user),
        "is_officer": permissions.is_officer(user),
        "is_finance": permissions.is_finance(user),
        "is_member": permissions.is_member(user),
        "organisation": _organisation(),
        "oidc_enabled": _oidc(),
    }


def _organisation() -> str:
    from django.conf import settings

    return settings.ASCWEB_ORGANISATION


def _oidc() -> bool:
    from django.conf import settings

    return settings.OIDC_ENABLED
