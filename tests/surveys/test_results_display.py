"""Issue 13: results of a survey are those of all its translations together, ranking
questions show average positions, and the language switch keeps the results route."""

import re

from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Locale

import pytest

from surveys.models import Answer, Response, SurveyPage

from .conftest import valid_step1, valid_step2
from .helpers import answer_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(survey):
    """The survey (Spanish original) and its published English translation."""
    english = survey.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    return survey, SurveyPage.objects.get(pk=english.pk)


def answered(html):
    """The number in the lead "N people answered" (language independent)."""
    match = re.search(r'<p class="lead">\s*([\d.,]+)', html)
    return int(match.group(1).replace(".", "").replace(",", "")) if match else None


def test_answers_given_in_either_language_count_on_both_results_pages(bilingual):
    spanish, english = bilingual
    answer_survey(Client(), spanish, valid_step1(), valid_step2())
    answer_survey(Client(), english, valid_step1(), valid_step2())

    # Answers belong to the Spanish original, whichever page took them.
    assert set(
        Response.objects.filter(survey__in=[spanish, english]).values_list("survey_id", flat=True)
    ) == {spanish.pk}
    for page in (spanish, english):
        html = Client().get(page.url + "resultados/").content.decode()
        assert answered(html) == 2, page.url
        data = Client().get(page.url + "resultados/json/").json()
        assert data["responses"] == 2


def test_answers_stored_on_a_translation_are_counted_too(bilingual):
    """Answers an older version stored against the English page still count."""
    spanish, english = bilingual
    for n, page in enumerate((spanish, english, english)):
        response = Response.objects.create(survey=page, browser_token=f"old-{n}")
        Answer.objects.create(
            response=response, survey=page, question_id="q-yes", option_id="yes", approved=True
        )
    for page in (spanish, english):
        html = Client().get(page.url + "resultados/").content.decode()
        assert answered(html) == 3


def test_one_answer_per_person_across_languages(bilingual):
    spanish, english = bilingual
    client = Client()
    answer_survey(client, spanish, valid_step1(), valid_step2())
    response = client.get(english.url)
    assert 'name="state"' not in response.content.decode()


def test_translated_results_need_the_same_queries_for_few_and_many_answers(
    bilingual, django_assert_max_num_queries
):
    spanish, english = bilingual
    url = english.url + "resultados/"

    def add(count):
        responses = Response.objects.bulk_create(
            [Response(survey=spanish, browser_token=f"b{count}-{n}") for n in range(count)]
        )
        Answer.objects.bulk_create(
            [
                Answer(
                    response=r,
                    survey=spanish,
                    question_id="q-single",
                    option_id="s-1",
                    approved=True,
                )
                for r in responses
            ]
        )

    add(3)
    Client().get(url)  # warm the site and locale caches
    with django_assert_max_num_queries(60) as few:
        assert answered(Client().get(url).content.decode()) == 3
    add(300)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert answered(Client().get(url).content.decode()) == 303


def ranked(survey, positions):
    """One response per position given to option r-1 (r-2 and r-3 take the others)."""
    responses = Response.objects.bulk_create(
        [Response(survey=survey, browser_token=f"r{n}") for n in range(len(positions))]
    )
    answers = []
    for response, first in zip(responses, positions, strict=True):
        others = [p for p in (1, 2, 3) if p != first]
        for option_id, position in zip(("r-1", "r-2", "r-3"), (first, *others), strict=True):
            answers.append(
                Answer(
                    response=response,
                    survey=survey,
                    question_id="q-rank",
                    option_id=option_id,
                    value=position,
                    approved=True,
                )
            )
    Answer.objects.bulk_create(answers)


def ranking_section(html):
    start = html.index("Ordene sus prioridades")
    return html[start : html.index("</section>", start)]


def test_a_ranking_question_shows_average_positions_not_percentages(client, survey):
    ranked(survey, [1, 2, 2, 2, 2])  # r-1: 1.8
    section = ranking_section(client.get(survey.url + "resultados/").content.decode())
    with translation.override("es"):
        expected = gettext("Average position %(position)s") % {"position": "1,8"}
    assert expected in section
    assert "100,0 %" not in section and "%" not in re.sub(r"<[^>]+>", "", section)


def test_the_language_switch_keeps_the_results_route(client, bilingual):
    spanish, english = bilingual
    for page, other in ((spanish, english), (english, spanish)):
        html = client.get(page.url + "resultados/").content.decode()
        code = other.locale.language_code
        link = re.search(rf'<a href="([^"]+)" hreflang="{code}"', html)
        assert link and link.group(1) == other.url + "resultados/"
        alternate = re.search(rf'<link rel="alternate" hreflang="{code}[^"]*" href="([^"]+)"', html)
        assert alternate and alternate.group(1).endswith(other.url + "resultados/")
    # The survey itself still switches to the other survey page.
    html = client.get(spanish.url).content.decode()
    assert f'<a href="{english.url}" hreflang="en"' in html


def test_survey_times_carry_no_fraction_of_a_second(client, survey):
    """``<time datetime>`` takes whole seconds (Django's "c" keeps microseconds)."""
    for url in (survey.url, survey.url + "resultados/"):
        html = client.get(url).content.decode()
        values = re.findall(r'<time datetime="([^"]+)"', html)
        assert values, url
        for value in values:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", value), value


def test_the_report_of_either_language_counts_every_translations_answers(client, bilingual, editor):
    from surveys import reports

    spanish, english = bilingual
    answer_survey(Client(), english, valid_step1(), valid_step2())
    answer_survey(Client(), spanish, valid_step1(), valid_step2())
    for page in (spanish, english):
        report = reports.survey_report(page)
        assert report["finished"] == 2 and report["started"] == 2
        assert [step.completed for step in report["funnel"]] == [2, 2]
    client.force_login(editor)
    html = client.get("/admin/encuestas/").content.decode()
    for page in (spanish, english):
        link = f'href="/admin/encuestas/{page.pk}/"'
        row = html[html.index(link) : html.index("</tr>", html.index(link))]
        assert re.search(r"<td>2</td>\s*$", row), row
