"""The survey exports (raw answers, open data) neutralise formula-looking cells."""

import json

import pytest

from surveys.models import Answer, Response
from tests.cms.test_exports import (
    PAYLOADS,
    assert_neutralised,
    assert_neutralised_xlsx,
    read_csv,
    read_xlsx,
)

pytestmark = pytest.mark.django_db


def test_raw_survey_export_neutralises_answers(client, survey, editor):
    responses = Response.objects.bulk_create(
        [Response(survey=survey, browser_token=f"p{n}") for n in range(len(PAYLOADS))]
    )
    Answer.objects.bulk_create(
        [
            Answer(response=r, survey=survey, question_id="q-long", text=payload)
            for r, payload in zip(responses, PAYLOADS, strict=True)
        ]
        + [Answer(response=responses[0], survey=survey, question_id="q-scale", value=-2)]
    )
    client.force_login(editor)
    response = client.get(survey.url + "respuestas/csv/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    rows = read_csv(response)
    header = rows[0]
    texts = [row[header.index("text")] for row in rows[1:]]
    assert_neutralised(texts)
    values = [row[header.index("value")] for row in rows[1:] if row[header.index("value")]]
    assert values == ["-2"], "a real negative number must stay a number"

    response = client.get(survey.url + "respuestas/xlsx/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    sheet = read_xlsx(response)
    header = [cell.value for cell in sheet[0]]
    texts = [row[header.index("text")].value for row in sheet[1:]]
    assert_neutralised_xlsx(texts)
    values = [row[header.index("value")] for row in sheet[1:]]
    assert [(c.value, c.data_type) for c in values if c.value is not None] == [(-2, "n")]


def test_open_data_export_neutralises_labels(client, make_survey):
    questions = [
        {
            "type": "single_choice",
            "id": f"q-{n}",
            "value": {
                "question": payload,
                "help_text": "",
                "required": False,
                "sensitive": False,
                "options": [{"type": "item", "id": f"o-{n}", "value": {"label": payload}}],
                "allow_other": False,
            },
        }
        for n, payload in enumerate(PAYLOADS)
    ]
    survey = make_survey(questions=questions)
    rows = read_csv(client.get(survey.url + "resultados/csv/"))
    header = rows[0]
    assert_neutralised([row[header.index("question")] for row in rows[1:]])
    assert_neutralised([row[header.index("option")] for row in rows[1:]])
    sheet = read_xlsx(client.get(survey.url + "resultados/xlsx/"))
    header = [cell.value for cell in sheet[0]]
    assert_neutralised_xlsx([row[header.index("question")].value for row in sheet[1:]])
    assert_neutralised_xlsx([row[header.index("option")].value for row in sheet[1:]])
    data = json.loads(client.get(survey.url + "resultados/json/").content)
    assert {row["question"] for row in data["rows"]} == set(PAYLOADS), "JSON stays raw"
