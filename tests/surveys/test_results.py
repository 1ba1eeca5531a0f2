"""Results: tallies in the database, visibility, moderation of free text, exports."""

import json
from datetime import timedelta

from django.utils import timezone

import pytest

from surveys.models import Answer, Response, SurveyPage
from surveys.views.exports import FIELDS
from tests.cms.test_exports import read_xlsx

from .conftest import valid_step1, valid_step2
from .helpers import answer_survey

pytestmark = pytest.mark.django_db


def bulk_answers(survey, count):
    """``count`` responses, each choosing s-1/s-2 alternately and scale value 1..5."""
    responses = Response.objects.bulk_create(
        [Response(survey=survey, browser_token=f"t{n}") for n in range(count)]
    )
    answers = []
    for n, response in enumerate(responses):
        common = {"response": response, "survey": survey, "approved": True}
        answers.append(Answer(question_id="q-single", option_id=f"s-{1 + n % 2}", **common))
        answers.append(Answer(question_id="q-scale", value=1 + n % 5, **common))
        answers.append(Answer(question_id="q-multi", option_id="m-1", **common))
        answers.append(Answer(question_id="q-rank", option_id="r-1", value=1 + n % 3, **common))
    Answer.objects.bulk_create(answers, batch_size=2000)


def test_results_show_counts_percentages_averages_and_chart(client, survey):
    """Counts, percentages, the scale average, an SVG chart with a data table."""
    bulk_answers(survey, 10)
    html = client.get(survey.url + "resultados/").content.decode()
    assert "10 personas respondieron." in html
    assert 'class="survey-chart__bar"' in html and '<table class="survey-table">' in html
    assert "<td>5</td><td>50,0 %</td>" in html
    assert "<strong>3,0</strong>" in html  # average of 1..5 twice
    for fmt in ("csv", "json", "xlsx"):
        assert f'href="{survey.url}resultados/{fmt}/"' in html


def test_results_render_in_bounded_queries(client, survey, django_assert_max_num_queries):
    """10 or 10,000 answers: the results page needs the same number of queries."""
    bulk_answers(survey, 10)
    url = survey.url + "resultados/"
    client.get(url)  # warm the site and locale caches
    with django_assert_max_num_queries(60) as small:
        client.get(url)
    Response.objects.filter(survey=survey).delete()
    bulk_answers(survey, 10_000)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    html = response.content.decode()
    assert "10000 personas respondieron." in html or "10.000 personas respondieron." in html


def test_results_hidden_until_closing_when_the_editor_chooses(client, make_survey, editor):
    """ "Hidden until closing": 403 for the public, visible to report staff and after closing."""
    survey = make_survey(results_visibility=SurveyPage.RESULTS_AFTER_CLOSE)
    response = client.get(survey.url + "resultados/")
    assert response.status_code == 403
    assert "se publican cuando la encuesta cierre" in response.content.decode()
    assert client.get(survey.url + "resultados/csv/").status_code == 403
    assert client.get(survey.url + "resultados/xlsx/").status_code == 403
    client.force_login(editor)
    assert client.get(survey.url + "resultados/").status_code == 200
    client.logout()
    survey.closes_at = timezone.now() - timedelta(minutes=1)
    survey.save_revision().publish()
    assert client.get(survey.url + "resultados/").status_code == 200


def test_free_text_is_published_only_after_approval(client, survey, moderator):
    """Written answers appear in the results only once a moderator approves them."""
    answer_survey(client, survey, valid_step1(), valid_step2())
    assert "Más trámites en línea" not in client.get(survey.url + "resultados/").content.decode()
    text = Answer.objects.get(survey=survey, question_id="q-long")
    client.force_login(moderator)
    queue = client.get("/admin/encuestas/moderacion/")
    assert "Más trámites en línea" in queue.content.decode()
    client.post(f"/admin/encuestas/moderacion/{text.pk}/", {"decision": "approve"})
    client.logout()
    assert "Más trámites en línea" in client.get(survey.url + "resultados/").content.decode()


def test_only_moderators_moderate(client, survey, citizen, editor):
    """Citizens and editors cannot approve free-text answers."""
    answer_survey(client, survey, valid_step1(), valid_step2())
    text = Answer.objects.get(survey=survey, question_id="q-long")
    for user in (citizen, editor):
        client.force_login(user)
        response = client.post(f"/admin/encuestas/moderacion/{text.pk}/", {"decision": "approve"})
        assert response.status_code == 302
        assert response["Location"] == "/admin/" or "/cuentas/login/" in response["Location"]
    text.refresh_from_db()
    assert text.approved is None


def test_open_data_csv_and_json(client, survey):
    """Aggregated results as CSV and JSON, without any personal data."""
    bulk_answers(survey, 4)
    csv = client.get(survey.url + "resultados/csv/")
    assert csv["Content-Type"].startswith("text/csv")
    body = csv.getvalue().decode("utf-8-sig")
    assert body.splitlines()[0].startswith("question_id,question,type,option,count,percent")
    data = json.loads(client.get(survey.url + "resultados/json/").content)
    assert data["responses"] == 4
    row = next(r for r in data["rows"] if r["question_id"] == "q-single" and r["count"] == 2)
    assert row["percent"] == 50.0
    assert "t1" not in body
    xlsx = client.get(survey.url + "resultados/xlsx/")
    assert xlsx["Content-Disposition"].endswith('.xlsx"')
    assert "public" in xlsx["Cache-Control"], "open data, like the CSV: shareable"
    sheet = read_xlsx(xlsx)
    header = [cell.value for cell in sheet[0]]
    assert header == list(data["rows"][0])
    assert [[cell.value for cell in r] for r in sheet[1:]] == [
        [value if value != "" else None for value in r.values()] for r in data["rows"]
    ]


def test_raw_export_is_for_staff_with_permission(client, survey, citizen, editor, make_user):
    """Raw answers: CSV/JSON/XLSX for Editores; 403 for citizens and for Control Interno,
    who follow the aggregated report only (the raw answers may hold personal data)."""
    answer_survey(client, survey, valid_step1(), valid_step2())
    for user in (None, citizen, make_user("control@test.example", groups=["Control Interno"])):
        if user:
            client.force_login(user)
        for fmt in ("csv", "json", "xlsx"):
            assert client.get(survey.url + f"respuestas/{fmt}/").status_code == 403
    client.force_login(editor)
    csv = client.get(survey.url + "respuestas/csv/")
    assert csv.status_code == 200
    assert "Más trámites en línea" in b"".join(csv.streaming_content).decode()
    data = json.loads(client.get(survey.url + "respuestas/json/").content)
    assert {a["question_id"] for a in data["answers"]} >= {"q-single", "q-long"}
    xlsx = client.get(survey.url + "respuestas/xlsx/")
    assert xlsx["Cache-Control"] == "private, no-store"
    sheet = read_xlsx(xlsx)
    header = [cell.value for cell in sheet[0]]
    assert header == FIELDS
    assert len(sheet) - 1 == len(data["answers"])
    texts = [row[header.index("text")].value for row in sheet[1:]]
    assert "Más trámites en línea" in texts
    assert any(a["option"] == "Buscador" for a in data["answers"])
    assert "Buscador" in [row[header.index("option")].value for row in sheet[1:]]
