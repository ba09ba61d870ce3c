"""Helpers for posting entry forms as a browser would."""


def as_drawn(response) -> dict[str, str]:
    """The hidden fields of the page's form as it was drawn: the version of every row the
    editor saw (ascweb.versioning), to post back with the figures typed."""
    return {field.html_name: str(field.value()) for field in response.context["form"].hidden_fields()}
