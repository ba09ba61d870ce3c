"""What a member-facing page or export prints for a text nobody gave (issue 15): a published
period never shows a blank where an explanation, a recovery action or progress belongs."""

from ascweb.models import Period

NO_EXPLANATION = "No explanation given"
NO_PROGRESS = "No progress reported"


def given(text: str, period: Period, missing: str) -> str:
    """`text`, or at a published period where it is blank, `missing` (one of the above; the
    savings page words its own, "No recovery action given", in its template)."""
    return text if text.strip() or not period.is_published else missing
