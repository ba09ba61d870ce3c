"""Long work off the request, on the queue in the app's own database, its worker run for real
(tests/queue.py): a large import goes to the queue from the upload page, which shows its
progress and then its result or every problem; a published period's pack is built when it is
published, kept for that publication and served, and built again after a re-publish."""

import io
import re

import pikepdf
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ascweb.lifecycle import period_transition
from ascweb.models import BackgroundImport, ImportRecord, Period, PublishedPack
from finance.models import LineForecast
from tests.queue import run_queue

pytestmark = pytest.mark.django_db(transaction=True)  # the worker sees only what is committed
HEADER = "line_code,line_name,area,budget,forecast_outturn,explanation\n"
GOOD = HEADER + "".join(
    f"{code},,,{budget},{forecast},Explained.\n"
    for code, budget, forecast in [
        ("A-1", 10_000_000, 10_600_000),
        ("A-2", -2_000_000, -2_150_000),
        ("B-1", 5_000_000, 4_950_000),
        ("B-2", 1_000_000, 1_000_000),
    ]
)


@pytest.fixture
def reporting_year(small_council):
    return small_council.year


@pytest.fixture
def large(settings):
    """Files over 100 bytes go to the queue (the tests' files are small)."""
    settings.ASCWEB_IMPORT_BACKGROUND_BYTES = 100


def _upload(client: Client, text: str, number: int = 11):
    upload = SimpleUploadedFile("p11.csv", text.encode(), content_type="text/csv")
    return client.post("/imports/period/", {"year": "2030-31", "number": str(number), "file": upload})


def _p11_figures() -> list:
    return list(LineForecast.objects.filter(period__number=11).values_list("line__code", "forecast"))


def test_a_large_import_is_queued_shows_its_progress_then_its_result(large, lead_client):
    response = _upload(lead_client, GOOD)
    job = BackgroundImport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/imports/jobs/{job.pk}/"
    page = lead_client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page  # checks again without script
    assert re.search(r'role="status"[^>]*>\s*<p class="govuk-body"><strong[^>]*>Waiting to start', page)
    assert _p11_figures() == [] and not ImportRecord.objects.exists()  # nothing done on the request

    run_queue()
    page = lead_client.get(response["Location"]).content.decode()
    assert "http-equiv" not in page  # finished: no more refreshing
    assert "Imported" in page and "4 changed, 0 added" in page
    assert sorted(_p11_figures()) == [
        ("A-1", 1_060_000_000),
        ("A-2", -215_000_000),
        ("B-1", 495_000_000),
        ("B-2", 100_000_000),
    ]
    record = ImportRecord.objects.get()
    assert (record.via, record.filename, record.user.username) == ("upload", "p11.csv", "lead")
    job.refresh_from_db()
    assert job.state == "done" and bytes(job.content) == b""  # the file is let go once run


def test_a_large_file_with_problems_lists_every_one_and_saves_nothing(large, lead_client):
    bad = GOOD.replace("B-1,,,5000000", "B-9,,,5000000").replace("10600000", "ten million")
    location = _upload(lead_client, bad)["Location"]
    run_queue()
    response = lead_client.get(location)
    page = response.content.decode()
    assert "2 problems in the file: nothing has been saved" in page
    assert "Not imported" in page and 'id="problems"' in page
    problems = re.findall(
        r'<td class="govuk-table__cell">(\d+)</td><td[^>]*>([^<]*)</td><th[^>]*app-problem[^>]*>([^<]*)<', page
    )
    assert problems == [
        ("2", "forecast_outturn", "Home care: Enter an amount in pounds, like 1,234,567, -1234567.89 or (1,234,567)"),
        ("4", "line_code", "Unknown line code &#x27;B-9&#x27;"),
    ]
    assert _p11_figures() == [] and not ImportRecord.objects.exists()
    assert not Period.objects.filter(number=11).exists()


def test_a_file_that_cannot_be_read_is_one_whole_file_problem(large, lead_client):
    location = _upload(lead_client, "PK\x03\x04" + "x" * 300)["Location"]
    run_queue()
    page = lead_client.get(location).content.decode()
    assert "1 problem in the file" in page and "Whole file" in page


def test_a_small_import_still_runs_while_the_lead_waits(lead_client):
    response = _upload(lead_client, GOOD)
    assert response.status_code == 302 and "/imports/jobs/" not in response["Location"]
    assert not BackgroundImport.objects.exists() and len(_p11_figures()) == 4


def test_only_a_lead_sees_an_import_s_progress(large, lead_client, officer_client, member_client):
    location = _upload(lead_client, GOOD)["Location"]
    assert officer_client.get(location).status_code == 403
    assert member_client.get(location).status_code == 403
    assert lead_client.get("/imports/jobs/999999/").status_code == 404


def _pdf(content: bytes) -> pikepdf.Pdf:
    assert content.startswith(b"%PDF-")
    return pikepdf.open(io.BytesIO(content))


def _images(pdf: pikepdf.Pdf) -> int:
    """The charts: WeasyPrint embeds each SVG chart as a form XObject on its page."""
    return sum(len(page.resources.get("/XObject", {})) for page in pdf.pages)


PACK = "/periods/2030-31/10/pack.pdf"


def test_the_pack_is_built_when_published_and_served_to_members(member_client, lead_client, small_council):
    assert not PublishedPack.objects.exists()  # queued with the publication, built by the worker
    run_queue()
    p10 = Period.objects.get(pk=small_council.p10.pk)
    kept = PublishedPack.objects.get(period=p10)
    assert kept.event == p10.events.filter(action="publish").first()
    assert _images(_pdf(bytes(kept.content))) >= 1  # with its charts
    # what is served is what was kept (marked, to tell it from a pack built on the request)
    PublishedPack.objects.filter(pk=kept.pk).update(content=b"%PDF-1.7 kept for the publication")
    for client in (member_client, lead_client):
        response = client.get(PACK)
        assert response.status_code == 200 and response.content == b"%PDF-1.7 kept for the publication"
    # a lead's own choice of contents is built on the request, as before
    chosen = lead_client.get(PACK, {"contents": "chosen", "section": "summary"})
    assert chosen.status_code == 200 and chosen.content != b"%PDF-1.7 kept for the publication"


def test_a_re_publish_builds_the_pack_again_and_a_re_opened_period_s_is_not_kept(member_client, small_council):
    run_queue()
    lead = User.objects.get(username="lead")
    first = PublishedPack.objects.get(period=small_council.p10)
    PublishedPack.objects.filter(pk=first.pk).update(content=b"%PDF-1.7 the first publication")
    period_transition(user=lead, period=small_council.p10, action="reopen", reason="A correction")
    assert member_client.get(PACK).status_code == 404  # members see published periods only
    period_transition(user=lead, period=small_council.p10, action="submit")
    period_transition(user=lead, period=small_council.p10, action="publish")
    # until the worker has built it, the download is built on the request: never the old pack
    before = member_client.get(PACK)
    assert before.status_code == 200 and before.content != b"%PDF-1.7 the first publication"
    _pdf(before.content)
    run_queue()
    second = PublishedPack.objects.get(period=small_council.p10)  # the first one is gone
    assert second.event_id != first.event_id
    assert member_client.get(PACK).content == bytes(second.content)
    # published then re-opened before the worker ran: nothing is kept for it
    period_transition(user=lead, period=small_council.p10, action="reopen", reason="Another")
    period_transition(user=lead, period=small_council.p10, action="submit")
    period_transition(user=lead, period=small_council.p10, action="publish")
    period_transition(user=lead, period=small_council.p10, action="reopen", reason="And again")
    run_queue()
    assert not PublishedPack.objects.filter(period=small_council.p10).exclude(pk=second.pk).exists()
