"""The appendix letters on the web pages: the pack's, so a page and the pack never disagree."""

from django import template

from ascweb import pack

register = template.Library()


@register.simple_tag
def appendix_label(name: str) -> str:
    """The label the appendix pack prints for a registered part: {% appendix_label "ibcf" %} is
    "Appendix C" (a report table its number, "Table 2.1"; "" for a part the pack does not hold)."""
    return pack.label_for(name)
