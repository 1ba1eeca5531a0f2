"""The answers matrix of a consultation: answering (one, several identical, correcting),
publishing (refused while the period runs or any published comment lacks an answer),
the e-mails that close the loop (matrix published, norm issued) in each participant's
language, the public matrix and its CSV/XLSX downloads, and the guard that keeps the
draft in the norms library a draft while comments wait for an answer."""

import csv
import io
from datetime import date, timedelta

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail.models import Locale, PageLogEntry

import pytest
from openpyxl import load_workbook

from participation import answers, phases
from participation.models import (
    Comment,
    ConsultationOutcome,
    DraftSection,
    Notification,
    ObservationAnswer,
    SectionPosition,
)
from tests.participation.samples_admin import consultation_comment, make_consultation

pytestmark = pytest.mark.django_db

CLOSED = {"opens": -timedelta(days=30), "closes": -timedelta(days=1)}


@pytest.fixture(autouse=True)
def _immediate_news(monkeypatch):
    """These e-mails are sent at once: participants here kept no digest preference
    (held items are tested in tests/subscriptions/test_digests.py)."""
    from cms.models import NotificationPreference

    Kind = NotificationPreference.Kind
    monkeypatch.setitem(NotificationPreference.DEFAULTS, Kind.FOLLOWED, "immediately")


@pytest.fixture
def closed(demo_site):
    return make_consultation("consulta-cerrada-matriz", **CLOSED)


@pytest.fixture
def sections(closed):
    return list(DraftSection.objects.filter(page=closed).order_by("position"))


@pytest.fixture
def people(make_user):
    return [make_user(f"participante{n}@matriz.example") for n in range(1, 5)]


@pytest.fixture
def comments(closed, sections, people):
    """Two identical comments on article 1, one on the whole draft (in English), a
    formula-looking one, and a hidden and a pending one that the matrix never shows."""
    made = {
        "same1": consultation_comment(closed, people[0], "Amplíe el plazo", sections[0]),
        "same2": consultation_comment(closed, people[1], "Amplíe el plazo", sections[0]),
        "general": consultation_comment(closed, people[2], "General remark", language="en"),
        "formula": consultation_comment(closed, people[0], "@SUM(A1)", sections[2]),
        "hidden": consultation_comment(closed, people[3], "Texto oculto", sections[1], "hidden"),
        "pending": consultation_comment(closed, people[3], "En espera", sections[1], "pending"),
    }
    return made


def _answer_all(page, comments, user=None):
    answers.answer_comments(
        page, [comments["same1"], comments["same2"]], "partial", "Se amplía a 20 días.", user
    )
    answers.answer_comments(page, [comments["general"]], "not_applicable", "No aplica.", user)
    answers.answer_comments(page, [comments["formula"]], "rejected", "-No se acoge.", user)


# answering


def test_several_identical_comments_share_one_answer(closed, comments, superuser):
    answer = answers.answer_comments(
        closed, [comments["same1"], comments["same2"]], "accepted", " Se acoge. ", superuser
    )
    assert set(answer.comments.values_list("pk", flat=True)) == {
        comments["same1"].pk,
        comments["same2"].pk,
    }
    assert (answer.text, answer.answered_by) == ("Se acoge.", superuser)
    assert answers.unanswered_count(closed) == 2
    entry = PageLogEntry.objects.filter(page=closed, action=answers.ANSWER).latest("pk")
    assert entry.user == superuser and entry.data["comments"] == sorted(
        [comments["same1"].pk, comments["same2"].pk]
    )


def test_answering_again_replaces_and_drops_orphan_answers(closed, comments):
    first = answers.answer_comments(closed, [comments["same1"]], "accepted", "Uno", None)
    second = answers.answer_comments(closed, [comments["same1"]], "rejected", "Dos", None)
    comments["same1"].refresh_from_db()
    assert comments["same1"].answer == second
    assert not ObservationAnswer.objects.filter(pk=first.pk).exists()


def test_correcting_an_answer_changes_every_comment_that_shares_it(closed, comments):
    answer = answers.answer_comments(
        closed, [comments["same1"], comments["same2"]], "accepted", "Uno", None
    )
    answers.edit_answer(closed, answer, "partial", "Corregida", None)
    assert set(Comment.objects.filter(answer__text="Corregida").values_list("pk", flat=True)) == {
        comments["same1"].pk,
        comments["same2"].pk,
    }


@pytest.mark.parametrize(
    ("which", "decision", "text"),
    [
        ("hidden", "accepted", "Texto"),  # not a published comment
        ("pending", "accepted", "Texto"),
        ("same1", "maybe", "Texto"),  # unknown decision
        ("same1", "accepted", "   "),  # no reasoned answer
        ("same1", "accepted", "x" * 8001),
    ],
)
def test_bad_answers_save_nothing(closed, comments, which, decision, text):
    with pytest.raises(answers.MatrixRefused):
        answers.answer_comments(closed, [comments["same2"], comments[which]], decision, text, None)
    assert not ObservationAnswer.objects.filter(page=closed).exists()
    assert not Comment.objects.filter(page=closed, answer__isnull=False).exists()


def test_a_comment_of_another_consultation_is_refused(closed, comments, people):
    other = make_consultation("otra-consulta-matriz", **CLOSED)
    foreign = consultation_comment(other, people[0], "Ajeno")
    with pytest.raises(answers.MatrixRefused):
        answers.answer_comments(closed, [comments["same1"], foreign], "accepted", "x", None)
    foreign.refresh_from_db()
    assert foreign.answer_id is None


def test_comments_are_answered_only_after_closing(demo_site, people):
    page = make_consultation(
        "consulta-abierta-matriz", opens=-timedelta(days=2), closes=timedelta(days=20)
    )
    comment = consultation_comment(page, people[0], "Abierta")
    with pytest.raises(answers.MatrixRefused):
        answers.answer_comments(page, [comment], "accepted", "Pronto", None)
    with pytest.raises(answers.MatrixRefused):
        answers.publish_matrix(page, None)


# publishing the matrix


def test_publishing_is_refused_while_a_comment_lacks_an_answer(closed, comments, superuser):
    answers.answer_comments(closed, [comments["same1"]], "accepted", "Sí", superuser)
    with translation.override("en"):
        with pytest.raises(answers.MatrixRefused) as refused:
            answers.publish_matrix(closed, superuser)
    assert "3 published comments still lack an answer" in str(refused.value.message)
    assert closed.phase() == phases.UNDER_REVIEW
    assert not ConsultationOutcome.objects.filter(
        page=closed, matrix_published_at__isnull=False
    ).exists()
    assert not Notification.objects.filter(kind=Notification.Kind.MATRIX).exists()


def test_publishing_concludes_logs_and_is_done_once(
    closed, comments, superuser, django_capture_on_commit_callbacks
):
    _answer_all(closed, comments, superuser)
    with django_capture_on_commit_callbacks(execute=True):
        answers.publish_matrix(closed, superuser)
    outcome = ConsultationOutcome.objects.get(page=closed)
    assert outcome.matrix_published_by == superuser and outcome.matrix_published_at
    closed.refresh_from_db()
    closed._outcome_cache = False
    assert closed.phase() == phases.CONCLUDED
    assert PageLogEntry.objects.filter(
        page=closed, action=answers.PUBLISH_MATRIX, user=superuser
    ).exists()
    with pytest.raises(answers.MatrixRefused):
        answers.publish_matrix(closed, superuser)


def test_participants_are_told_in_their_language(
    closed, sections, comments, people, make_user, superuser, django_capture_on_commit_callbacks
):
    supporter = make_user("solo-apoya@matriz.example")
    SectionPosition.objects.create(section=sections[1], user=supporter, value=1)
    _answer_all(closed, comments, superuser)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answers.publish_matrix(closed, superuser)
    notes = {n.user_id: n for n in Notification.objects.filter(kind=Notification.Kind.MATRIX)}
    # the authors of published comments and whoever took a position; not the author
    # of hidden and pending comments only
    assert set(notes) == {people[0].pk, people[1].pk, people[2].pk, supporter.pk}
    assert notes[people[2].pk].language == "en" and notes[people[0].pk].language == "es"
    assert all(n.sent_at for n in notes.values())
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {people[0].email, people[1].email, people[2].email, supporter.email}
    english = by_address[people[2].email]
    assert english.subject.startswith("The answers to the consultation")
    assert "Whole draft" in english.body and "No aplica." in english.body
    assert closed.url + "matriz/" in english.body and closed.url + "resultados/" in english.body
    first = by_address[people[0].email].body
    assert "Se amplía a 20 días." in first and "-No se acoge." in first
    assert "Amplíe el plazo" in first
    assert "Texto oculto" not in "".join(m.body for m in mail.outbox)


def test_an_english_participant_gets_the_english_pages(
    closed, comments, superuser, django_capture_on_commit_callbacks
):
    english = closed.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    _answer_all(closed, comments, superuser)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answers.publish_matrix(english.specific, superuser)  # a translation publishes the same
    body = next(m.body for m in mail.outbox if m.to == [comments["general"].user.email])
    assert english.url + "matriz/" in body
    spanish = next(m.body for m in mail.outbox if m.to == [comments["same2"].user.email])
    assert closed.url + "matriz/" in spanish


def test_the_subscribers_of_the_consultation_get_its_results(
    closed, comments, superuser, debate_index, django_capture_on_commit_callbacks
):
    from subscriptions import services
    from tests.participation.conftest import make_debate

    other = make_debate(debate_index, "otro-proceso", -timedelta(days=9), -timedelta(days=2))
    for email, page in (("matriz@test.example", closed), ("otro@test.example", other)):
        subscription = services.subscribe(email, "results", page=page, language="es")
        subscription.confirmed_at = subscription.created_at
        subscription.save(update_fields=["confirmed_at"])
    _answer_all(closed, comments, superuser)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answers.publish_matrix(closed, superuser)
    sent = [m for m in mail.outbox if m.to == ["matriz@test.example"]]
    assert len(sent) == 1 and closed.title in sent[0].subject
    assert not [m for m in mail.outbox if m.to == ["otro@test.example"]]


# the issued norm


@pytest.fixture
def norm_index(demo_site):
    from transparency.models import NormIndexPage

    return NormIndexPage.objects.filter(locale__language_code="es").first()


def _norm(index, slug, norm_type):
    from transparency.models import NormPage

    norm = NormPage(
        title=f"Norma {slug}",
        slug=slug,
        norm_type=norm_type,
        number="77",
        year=2026,
        issue_date=date(2026, 1, 15),
        issuer="Alcalde Municipal",
        epigraph="Por el cual se reglamenta algo.",
        comment_deadline=date(2026, 2, 1) if norm_type == "proyecto" else None,
    )
    index.add_child(instance=norm)
    norm.save_revision().publish()
    return norm


def test_the_issued_norm_is_announced_once(
    closed, comments, superuser, norm_index, django_capture_on_commit_callbacks
):
    norm = _norm(norm_index, "decreto-expedido-matriz", "decreto")
    _answer_all(closed, comments, superuser)
    closed.issued_norm = norm
    closed.full_clean()  # every comment answered: the issued norm can be linked
    with django_capture_on_commit_callbacks(execute=True):
        closed.save_revision().publish()  # matrix not published yet: nobody told
    assert not Notification.objects.filter(kind=Notification.Kind.NORM).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answers.publish_matrix(closed, superuser)
    norm_mail = [m for m in mail.outbox if norm.url in m.body]
    assert len(norm_mail) == 3
    assert Notification.objects.filter(kind=Notification.Kind.NORM).count() == 3
    with django_capture_on_commit_callbacks(execute=True):
        closed.save_revision().publish()  # once only
    assert Notification.objects.filter(kind=Notification.Kind.NORM).count() == 3
    assert ConsultationOutcome.objects.get(page=closed).norm_notified_at


def test_the_issued_norm_cannot_be_linked_while_comments_lack_an_answer(
    closed, comments, norm_index
):
    norm = _norm(norm_index, "decreto-prematuro-matriz", "decreto")
    closed.issued_norm = norm
    with pytest.raises(ValidationError) as refused:
        closed.full_clean()
    assert "issued_norm" in refused.value.message_dict
    _answer_all(closed, comments)
    closed.full_clean()


def test_the_draft_stays_a_draft_while_comments_lack_an_answer(closed, comments, norm_index):
    from transparency.models import NormPage

    draft = _norm(norm_index, "proyecto-consultado-matriz", "proyecto")
    closed.draft_norm = draft
    closed.save_revision().publish()
    draft = NormPage.objects.get(pk=draft.pk)
    draft.norm_type = "decreto"
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        draft.full_clean()
    assert "4 published comments still lack an answer" in " ".join(
        refused.value.message_dict["norm_type"]
    )
    draft.norm_type = "proyecto"
    draft.title = "Otro título"
    draft.full_clean()  # other changes stay allowed
    _answer_all(closed, comments)
    draft.norm_type = "decreto"
    draft.full_clean()


def test_a_norm_no_consultation_drafts_is_free(norm_index):
    from transparency.models import NormPage

    draft = _norm(norm_index, "proyecto-libre-matriz", "proyecto")
    draft = NormPage.objects.get(pk=draft.pk)
    draft.norm_type = "decreto"
    draft.full_clean()


# the public matrix and its downloads


def _matrix(client, page, query=""):
    return client.get(page.url + "matriz/" + query)


def test_before_publication_the_matrix_shows_no_answer(client, closed, comments):
    answers.answer_comments(closed, [comments["same1"]], "accepted", "Respuesta secreta", None)
    response = _matrix(client, closed)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Amplíe el plazo" in html and "Respuesta secreta" not in html
    assert "Texto oculto" not in html and "En espera" not in html
    assert "matriz/csv/" not in html


def test_the_published_matrix_shows_answers_and_filters(client, closed, comments, sections):
    _answer_all(closed, comments)
    answers.publish_matrix(closed, None)
    html = _matrix(client, closed).content.decode()
    assert "Se amplía a 20 días." in html and "No aplica." in html
    assert "Texto oculto" not in html and "@matriz.example" not in html
    only = _matrix(client, closed, f"?section={sections[0].pk}").content.decode()
    assert "Amplíe el plazo" in only and "General remark" not in only
    general = _matrix(client, closed, "?section=general&decision=not_applicable")
    assert "General remark" in general.content.decode()
    assert "Amplíe el plazo" not in general.content.decode()
    rejected = _matrix(client, closed, "?decision=rejected").content.decode()
    assert "@SUM(A1)" in rejected and "Amplíe el plazo" not in rejected


def test_an_invalid_filter_is_ignored_with_a_notice(client, closed, comments):
    response = _matrix(client, closed, "?section=nope&decision=accepted&page=99")
    html = response.content.decode()
    assert response.status_code == 200 and "Amplíe el plazo" in html
    notices = response.context["notices"]
    assert len(notices) == 2 and "nope" in notices[0]  # the filter, then the page number
    for notice in notices:
        assert notice in html
    # before publication there is no decision filter: the value is simply not read
    assert "decision" not in response.context["filter_form"].fields


def _csv(client, page):
    response = client.get(page.url + "matriz/csv/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _xlsx(client, page):
    response = client.get(page.url + "matriz/xlsx/")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [
        [("" if v is None else str(v)) for v in row] for row in sheet.iter_rows(values_only=True)
    ]


@pytest.mark.parametrize("read", [_csv, _xlsx])
def test_downloads_hold_every_published_comment_with_its_answer(
    client, closed, comments, people, read
):
    _answer_all(closed, comments)
    answers.publish_matrix(closed, None)
    rows = read(client, closed)
    assert len(rows[0]) == 7  # id, section, date, nickname, comment, decision, answer
    body = {int(row[0]): row for row in rows[1:]}
    published = {comments[k].pk for k in ("same1", "same2", "general", "formula")}
    assert set(body) == published
    assert body[comments["same1"].pk][1] == "Artículo 1 Tema 1"
    assert body[comments["same1"].pk][6] == "Se amplía a 20 días."
    assert body[comments["formula"].pk][4] == "'@SUM(A1)"  # neutralised
    assert body[comments["formula"].pk][6] == "'-No se acoge."
    flat = "\n".join(",".join(row) for row in rows)
    assert "@matriz.example" not in flat  # no e-mail address
    assert "Texto oculto" not in flat and "En espera" not in flat


def test_downloads_before_publication_carry_no_answer(client, closed, comments):
    answers.answer_comments(closed, [comments["same1"]], "accepted", "Respuesta secreta", None)
    rows = _csv(client, closed)
    assert all(row[5] == "" and row[6] == "" for row in rows[1:])


def test_formula_cells_are_neutralised_in_every_column(client, demo_site, make_user):
    page = make_consultation("consulta-formulas-matriz", **CLOSED)
    for n, prefix in enumerate("=+-@"):
        user = make_user(f"formula{n}@matriz.example")
        comment = consultation_comment(page, user, f"{prefix}1+1")
        answers.answer_comments(page, [comment], "accepted", f"{prefix}CMD()", None)
    answers.publish_matrix(page, None)
    for read in (_csv, _xlsx):
        for row in read(client, page)[1:]:
            assert row[4].startswith("'") and row[6].startswith("'")


def _bulk_comments(page, sections, people, count):
    for n in range(count):
        consultation_comment(
            page, people[n % len(people)], f"Comentario {n}", sections[n % len(sections)]
        )


def test_the_matrix_costs_the_same_for_20_and_2000_comments(
    client, demo_site, people, django_assert_max_num_queries, capsys
):
    small = make_consultation("consulta-pequena-matriz", sections=50, **CLOSED)
    large = make_consultation("consulta-grande-matriz", sections=50, **CLOSED)
    small_sections = list(DraftSection.objects.filter(page=small))
    large_sections = list(DraftSection.objects.filter(page=large))
    _bulk_comments(small, small_sections, people, 20)
    _bulk_comments(large, large_sections, people, 2000)
    for page in (small, large):
        answers.answer_comments(
            page, answers.published_comments(page), "accepted", "Acogidos todos.", None
        )
        answers.publish_matrix(page, None)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for page in (small, large):
        client.get(page.url + "matriz/")  # warm caches shared by every page
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url + "matriz/?page=2")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    with capsys.disabled():
        print(f"\nmatrix page: {counts[0]} queries with 20 comments, {counts[1]} with 2,000")  # noqa: T201
    with django_assert_max_num_queries(30):
        client.get(large.url + "matriz/")
    with django_assert_max_num_queries(30):
        response = client.get(large.url + "matriz/csv/")
        assert len(b"".join(response.streaming_content).splitlines()) == 2001
