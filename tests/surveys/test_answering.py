"""Answering a survey: steps, period, audience and one answer per person."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest

from surveys.models import Answer, Response, SurveyPage, SurveyStepCount

from .conftest import valid_step1, valid_step2
from .helpers import answer_survey, state_of

pytestmark = pytest.mark.django_db


def test_two_step_survey_is_stored_and_thanks(client, survey):
    """Both steps answered: one response, normalised answers, redirect to thanks."""
    response = answer_survey(client, survey, valid_step1(), valid_step2())
    assert response.status_code == 302
    assert response["Location"].endswith("/gracias/")
    assert Response.objects.filter(survey=survey).count() == 1
    rows = set(
        Answer.objects.filter(survey=survey).values_list(
            "question_id", "option_id", "value", "text"
        )
    )
    assert ("q-single", "s-1", None, "") in rows
    assert {("q-multi", "m-1", None, ""), ("q-multi", "m-3", None, "")} <= rows
    assert ("q-scale", "", 4, "") in rows
    assert ("q-rank", "r-2", 1, "") in rows
    assert ("q-long", "", None, "Más trámites en línea") in rows
    thanks = client.get(response["Location"])
    assert "Gracias por sus respuestas" in thanks.content.decode()


def test_progress_indicator_and_back_button_keep_answers(client, survey):
    """Step 2 says "Paso 2 de 2"; going back shows step 1 with what was chosen."""
    step2 = answer_survey(client, survey, valid_step1(), action="next")
    html = step2.content.decode()
    assert "Paso 2 de 2" in html and '<progress max="2" value="2"' in html
    back = client.post(survey.url, {"state": state_of(step2), "action": "back"})
    html = back.content.decode()
    assert "Paso 1 de 2" in html
    assert 'value="s-1" id="id_q_q-single_0" required checked' in html
    assert 'value="m-3" id="id_q_q-multi_2" checked' in html
    assert not Response.objects.filter(survey=survey).exists()


def test_required_question_error_is_summarised_and_nothing_stored(client, survey):
    """A missing required answer: translated error linked from a summary, typed kept."""
    response = answer_survey(client, survey, {"q_q-single": "s-2"}, action="next")
    html = response.content.decode()
    assert "Corrija las siguientes respuestas" in html
    assert 'href="#id_q_q-multi_0"' in html
    assert "Este campo es necesario." in html
    assert 'value="s-2" id="id_q_q-single_1" required checked' in html
    assert not Response.objects.filter(survey=survey).exists()


def test_sensitive_question_is_always_optional(client, survey):
    """A sensitive question marked required by the editor may be left empty (Ley 1581)."""
    question = next(q for q in survey.all_questions() if q.id == "q-ethnic")
    assert question.sensitive and not question.required
    assert answer_survey(client, survey, valid_step1(), valid_step2()).status_code == 302


def test_second_attempt_shows_already_answered_not_500(client, survey):
    """The same browser answering again sees "ya respondió" and a results link."""
    answer_survey(client, survey, valid_step1(), valid_step2())
    page = client.get(survey.url)
    assert "Ya respondió esta encuesta" in page.content.decode()
    assert "resultados/" in page.content.decode()
    again = client.post(survey.url, {"state": "", **valid_step1(), "action": "next"})
    assert again.status_code == 409
    assert Response.objects.filter(survey=survey).count() == 1


def test_duplicate_race_is_caught_by_the_database(client, survey, citizen):
    """When the pre-check passes but the row exists, IntegrityError becomes "ya respondió"."""
    from surveys import services

    survey.audience = SurveyPage.AUDIENCE_REGISTERED
    survey.save_revision().publish()
    client.force_login(citizen)
    Response.objects.create(survey=survey, user=citizen)
    with pytest.raises(services.AlreadyAnswered):
        services.store_response(survey, [], citizen, None)
    assert Response.objects.filter(survey=survey).count() == 1


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [(1, 5, "todavía no está abierta"), (-5, -1, "Esta encuesta está cerrada")],
)
def test_answers_outside_the_period_are_refused(client, make_survey, opens, closes, message):
    """Before opening or after closing: a clear message and nothing stored."""
    now = timezone.now()
    survey = make_survey(
        opens_at=now + timedelta(days=opens), closes_at=now + timedelta(days=closes)
    )
    assert message in client.get(survey.url).content.decode()
    response = client.post(survey.url, {"state": "", **valid_step1()})
    assert response.status_code == 403
    assert message in response.content.decode()
    assert not Response.objects.filter(survey=survey).exists()
    assert not SurveyStepCount.objects.filter(survey=survey).exists()


def test_registered_only_survey_asks_anonymous_visitors_to_sign_in(client, make_survey):
    """Registered-only: anonymous visitors get a sign-in link and their POST is refused."""
    survey = make_survey(audience=SurveyPage.AUDIENCE_REGISTERED)
    assert "/es/cuentas/login/?next=" in client.get(survey.url).content.decode()
    assert client.post(survey.url, {"state": "", **valid_step1()}).status_code == 403
    assert not Response.objects.filter(survey=survey).exists()


def test_registered_survey_stores_one_response_per_account(client, make_survey, citizen):
    """Registered: the answer belongs to the account, not to the browser."""
    survey = make_survey(audience=SurveyPage.AUDIENCE_REGISTERED)
    client.force_login(citizen)
    assert answer_survey(client, survey, valid_step1(), valid_step2()).status_code == 302
    stored = Response.objects.get(survey=survey)
    assert stored.user == citizen and stored.browser_token is None
    client.cookies.clear()
    client.force_login(citizen)
    assert "Ya respondió" in client.get(survey.url).content.decode()


def test_verified_survey_refuses_unverified_accounts(client, make_survey, citizen):
    """Verified-only: an account without a verified email may not answer."""
    from allauth.account.models import EmailAddress

    survey = make_survey(audience=SurveyPage.AUDIENCE_VERIFIED)
    EmailAddress.objects.filter(user=citizen).update(verified=False)
    client.force_login(citizen)
    assert "Verifique su correo" in client.get(survey.url).content.decode()
    assert client.post(survey.url, {"state": "", **valid_step1()}).status_code == 403
    EmailAddress.objects.filter(user=citizen).update(verified=True)
    assert answer_survey(client, survey, valid_step1(), valid_step2()).status_code == 302


def test_anonymous_survey_says_the_cookie_is_weaker(client, survey):
    """Anyone-may-answer surveys say that one answer per browser is weaker."""
    assert "más débil" in client.get(survey.url).content.decode()


def test_survey_post_is_rate_limited(client, survey, settings):
    """Too many POSTs from one address get HTTP 429 and a Spanish message, never a 500."""
    # django-ratelimit counts in fixed windows: a day-long one cannot reset mid-test.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "survey_answer": "30/d"}
    statuses = [client.post(survey.url, {"state": ""}).status_code for _ in range(31)]
    assert statuses[-1] == 429
    assert "Demasiados intentos" in client.post(survey.url, {"state": ""}).content.decode()
    assert not Response.objects.filter(survey=survey).exists()


def test_rate_limited_step_keeps_what_was_typed(client, survey, settings):
    """Over the limit, the same step comes back (429) with the answers still chosen,
    and nothing is stored."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "survey_answer": "1/h"}
    first = client.get(survey.url)
    client.post(survey.url, {"state": state_of(first), "action": "next", **valid_step1()})
    response = client.post(
        survey.url, {"state": state_of(first), "action": "next", **valid_step1()}
    )
    html = response.content.decode()
    assert response.status_code == 429 and "Demasiados intentos" in html
    assert re.search(r'value="s-1"[^>]*checked', html)
    assert not Response.objects.filter(survey=survey).exists()
