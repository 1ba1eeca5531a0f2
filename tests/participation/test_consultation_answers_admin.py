"""The answers admin ("Consultas"): who may open a consultation's answers page and
post to it (the officials of its dependency, superusers; an official of another
dependency, an editor or Control Interno are bounced like anyone without the right,
and nothing changes), answering several comments with one form, bad input kept and
explained, correcting an answer, and publishing the matrix (refused with the count
of missing answers)."""

from datetime import timedelta

from django.contrib.messages import get_messages

import pytest

from cms.models import Dependency
from cms.roles import EDITORS, INTERNAL_CONTROL, PQR_OFFICERS
from participation import answers
from participation.models import Comment, ConsultationOutcome, DraftSection, ObservationAnswer
from tests.participation.samples_admin import consultation_comment, make_consultation

pytestmark = pytest.mark.django_db

CLOSED = {"opens": -timedelta(days=30), "closes": -timedelta(days=1)}
BOUNCED = "302:admin"


@pytest.fixture
def dependencies(demo_site):
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code="es")
    return [
        Dependency.objects.create(
            name=f"Secretaría matriz {n}", slug=f"sec-matriz-{n}", locale=locale
        )
        for n in (1, 2)
    ]


def _official(make_user, email, dependencies=(), sees_all=False):
    from pqr.models import OfficerProfile

    user = make_user(email, groups=[PQR_OFFICERS])
    profile = OfficerProfile.objects.create(user=user, sees_all=sees_all)
    profile.dependencies.set(dependencies)
    return user


@pytest.fixture
def users(make_user, dependencies):
    return {
        "official": _official(make_user, "funcionaria@matriz.example", [dependencies[0]]),
        "elsewhere": _official(make_user, "otra-dependencia@matriz.example", [dependencies[1]]),
        "all": _official(make_user, "ventanilla@matriz.example", sees_all=True),
        "editor": make_user("editora@matriz.example", groups=[EDITORS]),
        "control": make_user("control@matriz.example", groups=[INTERNAL_CONTROL]),
        "superuser": make_user("super@matriz.example", is_superuser=True, is_staff=True),
    }


@pytest.fixture
def consultation(dependencies):
    return make_consultation("consulta-admin-matriz", dependency=dependencies[0], **CLOSED)


@pytest.fixture
def comments(consultation, make_user):
    sections = list(DraftSection.objects.filter(page=consultation).order_by("position"))
    people = [make_user(f"autor{n}@matriz.example") for n in range(3)]
    return [
        consultation_comment(consultation, people[0], "Igual", sections[0]),
        consultation_comment(consultation, people[1], "Igual", sections[0]),
        consultation_comment(consultation, people[2], "Distinto", sections[1]),
        consultation_comment(consultation, people[2], "Escondido", sections[1], "hidden"),
    ]


def _url(page, suffix=""):
    return f"/admin/consultas/{page.pk}/{suffix}"


def _cell(response):
    if response.status_code == 302 and response["Location"].rstrip("/").endswith("/admin"):
        return BOUNCED
    return str(response.status_code)


def _answer_data(comments, decision="partial", text="Se acoge en parte."):
    return {"ids": [c.pk for c in comments], "decision": decision, "text": text}


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("official", "200"),
        ("all", "200"),
        ("superuser", "200"),
        ("elsewhere", BOUNCED),  # an official of another dependency
        ("editor", BOUNCED),  # no answer_observations
        ("control", BOUNCED),  # Control Interno reads no answers page either
    ],
)
def test_who_may_open_and_post(client, users, consultation, comments, who, expected):
    client.force_login(users[who])
    assert _cell(client.get(_url(consultation))) == expected
    response = client.post(_url(consultation), _answer_data(comments[:1]))
    assert _cell(response) == ("302" if expected == "200" else BOUNCED)
    answered = Comment.objects.filter(pk=comments[0].pk, answer__isnull=False).exists()
    assert answered is (expected == "200")
    publish = client.post(_url(consultation, "publicar/"))
    assert _cell(publish) == ("302" if expected == "200" else BOUNCED)
    assert (
        not ConsultationOutcome.objects.filter(matrix_published_at__isnull=False)
        .filter(page=consultation)
        .exists()
    )  # two comments still lack an answer, whoever asks


def test_another_dependency_cannot_correct_an_answer(client, users, consultation, comments):
    answer = answers.answer_comments(consultation, comments[:1], "accepted", "Original", None)
    client.force_login(users["elsewhere"])
    url = _url(consultation, f"respuestas/{answer.pk}/")
    assert _cell(client.get(url)) == BOUNCED
    response = client.post(url, {"decision": "rejected", "text": "Cambiada"})
    assert _cell(response) == BOUNCED
    answer.refresh_from_db()
    assert answer.text == "Original"


def test_the_list_shows_only_answerable_consultations_with_counts(
    client, users, consultation, comments, dependencies
):
    other = make_consultation("consulta-ajena-matriz", dependency=dependencies[1], **CLOSED)
    client.force_login(users["official"])
    html = client.get("/admin/consultas/").content.decode()
    assert consultation.title in html and other.title not in html
    assert "3 sin respuesta" in html or "3 without answer" in html
    client.force_login(users["all"])
    html = client.get("/admin/consultas/").content.decode()
    assert consultation.title in html and other.title in html


def test_the_menu_follows_the_rule(client, users):
    client.force_login(users["official"])
    assert "/admin/consultas/" in client.get("/admin/").content.decode()
    client.force_login(users["editor"])
    assert "/admin/consultas/" not in client.get("/admin/").content.decode()


def test_several_identical_comments_answered_at_once(client, users, consultation, comments):
    client.force_login(users["official"])
    response = client.post(_url(consultation) + "?answered=unanswered", _answer_data(comments[:2]))
    assert response.status_code == 302 and response["Location"].endswith("?answered=unanswered")
    first, second = (Comment.objects.get(pk=c.pk) for c in comments[:2])
    assert first.answer_id == second.answer_id is not None
    assert first.answer.answered_by == users["official"]
    page = client.get(_url(consultation)).content.decode()
    assert "Se acoge en parte." in page and "Escondido" not in page


@pytest.mark.parametrize(
    "data",
    [
        {"ids": [], "decision": "accepted", "text": "Sin selección"},
        {"decision": "maybe", "text": "Decisión rara"},
        {"decision": "accepted", "text": "   "},
        {"ids": ["x"], "decision": "accepted", "text": "Id raro"},
    ],
)
def test_bad_input_saves_nothing_and_keeps_the_text(client, users, consultation, comments, data):
    client.force_login(users["official"])
    data = {"ids": [comments[0].pk], **data}
    response = client.post(_url(consultation), data)
    assert response.status_code == 400
    assert not ObservationAnswer.objects.filter(page=consultation).exists()
    if data["text"].strip():
        assert data["text"] in response.content.decode()


def test_a_hidden_comment_cannot_be_answered(client, users, consultation, comments):
    client.force_login(users["official"])
    response = client.post(_url(consultation), _answer_data([comments[0], comments[3]]))
    assert response.status_code == 400
    assert str(comments[3].pk) in response.content.decode()
    assert not ObservationAnswer.objects.filter(page=consultation).exists()


def test_filters_and_pages(client, users, consultation, comments):
    answers.answer_comments(consultation, comments[:1], "rejected", "No", None)
    client.force_login(users["official"])
    unanswered = client.get(_url(consultation) + "?answered=unanswered")
    assert [r["comment"].pk for r in unanswered.context["rows"]] == [c.pk for c in comments[1:3]]
    rejected = client.get(_url(consultation) + "?decision=rejected")
    assert [r["comment"].pk for r in rejected.context["rows"]] == [comments[0].pk]
    junk = client.get(_url(consultation) + "?decision=nope&section=0&p=x")
    assert junk.status_code == 200 and len(junk.context["notices"]) == 3
    assert len(junk.context["rows"]) == 3


def test_correcting_an_answer(client, users, consultation, comments):
    answer = answers.answer_comments(consultation, comments[:2], "accepted", "Original", None)
    client.force_login(users["official"])
    url = _url(consultation, f"respuestas/{answer.pk}/")
    assert "Original" in client.get(url).content.decode()
    bad = client.post(url, {"decision": "rejected", "text": ""})
    assert bad.status_code == 400
    response = client.post(url, {"decision": "rejected", "text": "Corregida"})
    assert response.status_code == 302
    assert set(Comment.objects.filter(answer__text="Corregida").values_list("pk", flat=True)) == {
        comments[0].pk,
        comments[1].pk,
    }


def test_an_answer_of_another_consultation_is_404(client, users, consultation, comments):
    other = make_consultation("consulta-otra-respuesta", **CLOSED)
    foreign = consultation_comment(other, comments[0].user, "Ajeno")
    answer = answers.answer_comments(other, [foreign], "accepted", "Ajena", None)
    client.force_login(users["official"])
    # a 404 under /admin/ is sent on to the language-prefixed path, which 404s too
    response = client.get(_url(consultation, f"respuestas/{answer.pk}/"), follow=True)
    assert response.status_code == 404


def test_publishing_is_refused_with_the_count_then_done(
    client, users, consultation, comments, django_capture_on_commit_callbacks
):
    client.force_login(users["official"])
    page = client.get(_url(consultation))
    assert page.context["missing"] == 3
    response = client.post(_url(consultation, "publicar/"))
    assert response.status_code == 302
    text = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert (
        "3" in text
        and not ConsultationOutcome.objects.filter(
            page=consultation, matrix_published_at__isnull=False
        ).exists()
    )
    assert consultation.phase() == "under_review"
    answers.answer_comments(consultation, comments[:3], "accepted", "Todas", None)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(consultation, "publicar/"))
    assert response.status_code == 302
    outcome = ConsultationOutcome.objects.get(page=consultation)
    assert outcome.matrix_published_by == users["official"]


def test_publishing_answers_get_with_405(client, users, consultation):
    client.force_login(users["official"])
    assert client.get(_url(consultation, "publicar/")).status_code == 405
