"""Pages name the committee papers as a finance lead knows them ('Period 10 report',
'Health and Wellbeing Board paper (2 May 2018)'), never the demo's file names or line
numbers ('seed 002', '(002:136)')."""

import re

import pytest

from ascweb.models import FidelityNote

DEVELOPER_WORDS = re.compile(r"\bseeds?\b|fixture|\.txt\b|\.md\b|\(00[1-4]:|\bHWB\b|\bPI report|\bLD report")


def test_no_fidelity_note_names_a_file_or_a_line_number(demo):
    for note in FidelityNote.objects.all():
        for text in (note.source, note.subject, note.column, note.comment):
            assert not DEVELOPER_WORDS.search(text), f"{note.source!r}: {text!r}"


def test_sources_name_the_papers(demo):
    sources = set(FidelityNote.objects.values_list("source", flat=True))
    assert "Reserves and provisions, Period 10 report, Appendix E" in sources
    assert "Savings programme: Period 10 report, 2.8.3 savings summary" in sources
    assert (
        "Savings programme: Promoting Independence progress report (Adult Social Care Committee, 10 July 2017), "
        "4.1 text"
    ) in sources
    assert any(s.startswith("iBCF, Period 10 plan: Health and Wellbeing Board paper (2 May 2018)") for s in sources)


@pytest.mark.parametrize("url", ["/fidelity/", "/periods/2017-18/10/ibcf/", "/periods/2017-18/2/ibcf/"])
def test_pages_a_lead_reads_use_no_developer_words(lead_client, url):
    body = lead_client.get(url).content.decode()
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>|<[^>]+>", " ", body, flags=re.S)
    assert not DEVELOPER_WORDS.search(text), DEVELOPER_WORDS.search(text)
