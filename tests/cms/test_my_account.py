"""'Mi cuenta' (cms.accounts.my_account): sign-in required, the profile links, the
language and notification settings, and the sections the apps register, each showing
only the signed-in citizen's own records with a constant number of queries."""

import json
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Page

import pytest

from cms.account_sections import account_sections
from cms.models import NotificationPreference
from tests.fuzz_samples import SAMPLE_PETITION

pytestmark = pytest.mark.django_db

Kind = NotificationPreference.Kind
Frequency = NotificationPreference.Frequency
#: the most queries the page may run, whatever the citizen's history
MAX_QUERIES = 40


def url(language="es"):
    with translation.override(language):
        return reverse("my_account")


def settings_post(**overrides):
    data = {
        "preferred_language": "es",
        Kind.REPLIES: Frequency.IMMEDIATELY,
        Kind.PETITIONS: Frequency.IMMEDIATELY,
        Kind.FOLLOWED: Frequency.WEEKLY,
        Kind.DIGESTS: Frequency.WEEKLY,
    }
    data.update(overrides)
    return data


@pytest.fixture
def debate(demo_site):
    from participation.models import DebateIndexPage
    from tests.participation.conftest import make_debate

    index = DebateIndexPage.objects.filter(locale__language_code="es").first()
    return make_debate(index, "debate-mi-cuenta", -timedelta(days=1), timedelta(days=10))


@pytest.fixture
def surveys(demo_site):
    from surveys.models import SurveyPage
    from tests.surveys.conftest import definition

    home = Page.objects.get(pk=demo_site.root_page_id)
    now = timezone.now()
    made = []
    for n in range(11):
        page = SurveyPage(
            title=f"Encuesta de la cuenta {n}",
            slug=f"encuesta-cuenta-{n}",
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=7),
            audience=SurveyPage.AUDIENCE_REGISTERED,
            results_visibility=SurveyPage.RESULTS_PUBLIC,
            questions=json.dumps(definition()),
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        made.append(page)
    return made


def give_history(user, debate, surveys, cases, comments, follows_threads=0, n_surveys=1):
    """``cases`` petitions, ``comments`` comments, a follow of the debate and of
    ``follows_threads`` threads, and responses to ``n_surveys`` surveys."""
    from participation import contributions
    from pqr.filing import file_case
    from surveys.models import Response

    for n in range(cases):
        file_case({**SAMPLE_PETITION, "subject": f"Petición {user.pk}-{n}"}, user=user)
    posted = [
        contributions.post_comment(user, debate, f"Comentario {user.pk}-{n}", "es")
        for n in range(comments)
    ]
    contributions.follow(user, debate)
    for comment in posted[:follows_threads]:
        contributions.follow(user, debate, thread=comment)
    for survey in surveys[:n_surveys]:
        Response.objects.create(survey=survey, user=user)
    return posted


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.post(url(), settings_post()).status_code == 302
    assert not NotificationPreference.objects.exists()


def test_every_app_registers_its_section():
    keys = [section.key for section in account_sections()]
    assert keys[:3] == ["petitions", "surveys", "participation"]


@pytest.mark.parametrize("language", ["es", "en"])
def test_page_shows_profile_links_settings_and_sections(client, citizen, language):
    client.force_login(citizen)
    response = client.get(url(language))
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(language):
        for name in ("participation:my_profile", "account_email", "account_change_password"):
            assert f'href="{reverse(name)}"' in html
        assert f'href="{reverse("mfa_index")}"' in html
        for section in account_sections():
            assert f'id="account-{section.key}"' in html
            assert f">{section.title}</h2>" in html
    # the header's "Mi cuenta" link leads here
    assert f'href="{url(language)}"' in html
    for kind in Kind:
        assert f"<legend>{kind.label}</legend>" in html or f'name="{kind.value}"' in html
        assert f'id="id_{kind.value}_0"' in html


def test_mfa_is_open_to_citizens(client, citizen):
    client.force_login(citizen)
    response = client.get(reverse("mfa_index"))
    assert response.status_code == 200
    assert reverse("mfa_activate_totp") in response.content.decode()


def test_sections_show_only_the_citizens_own_records(client, make_user, debate, surveys):
    mine = make_user("mia@cuenta.example")
    other = make_user("otra@cuenta.example")
    give_history(mine, debate, surveys, cases=2, comments=2, n_surveys=1)
    give_history(other, debate, surveys[1:], cases=2, comments=2, n_surveys=1)
    client.force_login(mine)
    html = client.get(url("en")).content.decode()
    assert f"Petición {mine.pk}-0" in html and f"Petición {mine.pk}-1" in html
    assert f"Petición {other.pk}-" not in html
    assert "Encuesta de la cuenta 0" in html
    assert "Encuesta de la cuenta 1" not in html
    from participation.models import Comment

    for comment in Comment.objects.filter(user=mine):
        assert f"#comentario-{comment.pk}" in html
    for comment in Comment.objects.filter(user=other):
        assert f"#comentario-{comment.pk}" not in html
    assert "Debate debate-mi-cuenta" in html


def test_sections_list_the_latest_with_a_link_to_the_rest(client, make_user, debate, surveys):
    user = make_user("muchas@cuenta.example")
    give_history(user, debate, surveys, cases=7, comments=7, n_surveys=11)
    client.force_login(user)
    response = client.get(url("en"))
    html = response.content.decode()
    assert f"Petición {user.pk}-6" in html and f"Petición {user.pk}-2" in html
    assert f"Petición {user.pk}-1\n" not in html and f"Petición {user.pk}-1 " not in html
    with translation.override("en"):
        assert f'href="{reverse("pqr:my_cases")}"' in html
    context = response.context
    sections = {item["section"].key: item["context"] for item in context["sections"]}
    assert sections["petitions"]["count"] == 7 and len(sections["petitions"]["cases"]) == 5
    assert sections["surveys"]["count"] == 11 and len(sections["surveys"]["responses"]) == 10
    assert sections["participation"]["comment_count"] == 7
    assert len(sections["participation"]["comments"]) == 5
    assert sections["participation"]["follow_count"] == 1


def test_survey_section_never_shows_answers(client, make_user, surveys):
    from surveys.models import Answer, Response

    user = make_user("respuestas@cuenta.example")
    response_row = Response.objects.create(survey=surveys[0], user=user)
    Answer.objects.create(
        response=response_row, survey=surveys[0], question_id="q-text", text="Mi secreto 4821"
    )
    client.force_login(user)
    html = client.get(url()).content.decode()
    assert "Encuesta de la cuenta 0" in html
    assert "Mi secreto 4821" not in html


def _queries(client, user):
    client.force_login(user)
    assert client.get(url()).status_code == 200  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url()).status_code == 200
    return len(queries)


def test_query_count_is_bounded_and_constant(
    client, make_user, debate, surveys, django_assert_max_num_queries
):
    few = make_user("pocas@cuenta.example")
    many = make_user("muchas-mas@cuenta.example")
    give_history(few, debate, surveys, cases=5, comments=18, follows_threads=1, n_surveys=1)
    give_history(many, debate, surveys, cases=50, comments=180, follows_threads=9, n_surveys=11)
    assert _queries(client, few) == _queries(client, many)
    client.force_login(many)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url()).status_code == 200


def test_defaults_are_shown(client, citizen):
    client.force_login(citizen)
    form = client.get(url()).context["form"]
    assert form.initial[Kind.REPLIES] == Frequency.IMMEDIATELY
    assert form.initial[Kind.PETITIONS] == Frequency.IMMEDIATELY
    assert form.initial[Kind.FOLLOWED] == Frequency.WEEKLY


def test_preferences_are_saved(client, citizen):
    client.force_login(citizen)
    response = client.post(
        url("en"),
        settings_post(preferred_language="en", **{Kind.REPLIES: "never", Kind.DIGESTS: "daily"}),
    )
    assert response.status_code == 302 and response["Location"] == url("en")
    citizen.refresh_from_db()
    assert citizen.preferred_language == "en"
    assert NotificationPreference.for_user(citizen.pk) == {
        Kind.REPLIES: Frequency.NEVER,
        Kind.PETITIONS: Frequency.IMMEDIATELY,
        Kind.FOLLOWED: Frequency.WEEKLY,
        Kind.DIGESTS: Frequency.DAILY,
    }
    # saving again updates the rows, never duplicates them
    client.post(url(), settings_post(**{Kind.REPLIES: "weekly"}))
    assert NotificationPreference.objects.filter(user=citizen).count() == len(Kind)
    assert NotificationPreference.frequency_for(citizen.pk, Kind.REPLIES) == Frequency.WEEKLY


@pytest.mark.parametrize("language", ["es", "en"])
def test_bad_input_gives_a_translated_error_and_keeps_the_rest(client, citizen, language):
    client.force_login(citizen)
    response = client.post(
        url(language), settings_post(preferred_language="fr", **{Kind.REPLIES: "sometimes"})
    )
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override(language):
        from django.utils.translation import gettext

        message = gettext("Select a valid choice. %(value)s is not one of the available choices.")
        assert message % {"value": "sometimes"} in html
        assert message % {"value": "fr"} in html
    assert 'id="error-summary"' in html
    # what was valid stays chosen
    assert f'name="{Kind.DIGESTS}" value="weekly" class' in html or (
        response.context["form"][Kind.DIGESTS].value() == "weekly"
    )
    assert not NotificationPreference.objects.filter(user=citizen).exists()
    citizen.refresh_from_db()
    assert citizen.preferred_language == ""


def test_junk_in_every_field_is_a_400_never_a_500(client, citizen):
    from tests.cms.test_fuzz import JUNK

    client.force_login(citizen)
    for junk in JUNK:
        for field in ["preferred_language", *Kind.values]:
            response = client.post(url(), settings_post(**{field: junk}))
            assert response.status_code in (302, 400), (field, junk)
    response = client.post(url(), {})
    assert response.status_code == 400
