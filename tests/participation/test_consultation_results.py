"""The results pages: a consultation's (what was asked, when, who took part, by comuna
with groups under 5 not counted out, what was decided, the diff) and a debate's, in a
bounded number of queries; before closing they say when results are published."""

from datetime import timedelta

from django.utils import translation

import pytest

from participation import answers
from participation.models import (
    Comment,
    DebateHold,
    ObservationAnswer,
    Profile,
    Reaction,
    SectionPosition,
)
from tests.participation.conftest import make_debate
from tests.participation.results_consultations import (
    add_comment,
    add_position,
    close,
    give_comuna,
    make_consultation,
    publish_matrix,
    sections,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_contributions")]

#: a ceiling for the whole page (base template, menus, settings included)
MAX_QUERIES = 16


def machine(moment):
    from cms.templatetags.portal_tags import machine_datetime

    return machine_datetime(moment)


def es(message):
    with translation.override("es"):
        return translation.gettext(message)


@pytest.fixture
def home(demo_site):
    from wagtail.models import Page

    return Page.objects.get(pk=demo_site.root_page_id)


@pytest.fixture
def open_consultation(home):
    return make_consultation(home, "consulta-abierta", -timedelta(days=1), timedelta(days=14))


@pytest.fixture
def people(make_user):
    return [make_user(f"vecina{n}@resultados.example") for n in range(12)]


def url(page):
    return page.url + "resultados/"


def test_before_closing_the_page_says_when_results_are_published(client, open_consultation, people):
    add_comment(open_consultation, people[0], "Una observación")
    response = client.get(url(open_consultation))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="p-notice" role="status"' in html
    assert f'<time datetime="{machine(open_consultation.closes_at)}">' in html
    assert 'id="r-who"' not in html and "<ins>" not in html


def test_announced_consultation_says_when_it_opens(client, home):
    page = make_consultation(home, "consulta-anunciada", timedelta(days=2), timedelta(days=20))
    html = client.get(url(page)).content.decode()
    assert f'<time datetime="{machine(page.opens_at)}">' in html


def fill(page, people):
    """Comments and positions: 8 participants (6 by comment, 2 only by position)."""
    art = sections(page)
    for person in people[:6]:
        add_comment(page, person, f"Observación de {person.pk}", section=art[2])
    add_comment(page, people[0], "Segunda observación de la misma persona")
    add_comment(page, people[6], "Oculta", status=Comment.HIDDEN)  # not a participant
    add_comment(page, people[7], "Pendiente", status=Comment.PENDING)
    add_position(art[2], people[8], SectionPosition.SUPPORT)
    add_position(art[4], people[8], SectionPosition.OPPOSE)
    add_position(art[2], people[9], SectionPosition.SUPPORT)
    add_position(art[2], people[0], SectionPosition.OPPOSE)
    # comunas: 5 in comuna 1 (shown), 2 in comuna 2 (fewer than 5), one without consent
    for person in (people[0], people[1], people[2], people[3], people[8]):
        give_comuna(person, "comuna-1")
    give_comuna(people[4], "comuna-2")
    give_comuna(people[9], "comuna-2")
    give_comuna(people[5], "comuna-3", consent=False)
    give_comuna(people[6], "comuna-4")  # only a hidden comment: not a participant


def figure(html, label):
    """The number shown after a figure's label in the figures list."""
    start = html.index(f"<dt>{label}</dt>")
    value = html[start:].split("<dd>", 1)[1].split("</dd>", 1)[0]
    return value.strip()


def comuna_cell(html, label):
    start = html.index(f'<th scope="row">{label}</th>')
    return html[start:].split("<td>", 1)[1].split("</td>", 1)[0].strip()


def test_under_review_the_page_counts_who_took_part(client, open_consultation, people):
    page = open_consultation
    fill(page, people)
    close(page)
    response = client.get(url(page))
    html = response.content.decode()
    assert response.status_code == 200
    assert figure(html, es("Participants")) == "8"
    assert figure(html, es("Published observations")) == "7"
    assert figure(html, es("Supports for sections")) == "2"
    assert figure(html, es("Oppositions to sections")) == "2"
    assert comuna_cell(html, "Comuna 1 Compartir") == "5"
    few = es("fewer than 5")
    assert comuna_cell(html, "Comuna 2 Soacha Central") == few
    assert comuna_cell(html, "Comuna 3 La Despensa") == few  # no consent: not counted
    assert comuna_cell(html, "Comuna 4 Cazucá") == few
    assert comuna_cell(html, es("Did not say")) == few  # 8 - 7 = 1
    # nobody's nickname or e-mail is on the page
    for profile in Profile.objects.filter(user__in=people):
        assert profile.nickname not in html
    assert not any(person.email in html for person in people)
    assert "Observación de" not in html
    # the answers are being prepared: no decisions yet
    assert 'id="r-decided"' in html and "results-table" in html  # comunas only
    assert es("Decision") not in html


def test_concluded_shows_decisions_conclusion_diff_and_links(client, open_consultation, people):
    from transparency.models import NormPage

    page = open_consultation
    fill(page, people)
    close(page)
    published = list(Comment.objects.filter(page_id=page.pk, status=Comment.PUBLISHED))
    answers.answer_comments(page, published[:3], ObservationAnswer.ACCEPTED, "Aceptada", None)
    answers.answer_comments(page, published[3:4], ObservationAnswer.PARTIAL, "En parte", None)
    answers.answer_comments(page, published[4:], ObservationAnswer.REJECTED, "No", None)
    publish_matrix(page)
    norm = NormPage.objects.live().order_by("path").first()
    page.issued_norm = norm
    page.save_revision().publish()
    html = client.get(url(page)).content.decode()
    decisions = html[html.index('id="r-decided"') :]

    def decided(label):
        return decisions.split(f'<th scope="row">{label}</th><td>', 1)[1].split("</td>", 1)[0]

    assert decided(es("Accepted")) == "3"
    assert decided(es("Partially accepted")) == "1"
    assert decided(es("Not accepted")) == "3"
    assert decided(es("Not applicable")) == "0"
    assert f'href="{page.url}matriz/"' in html
    assert "Se amplió el horario de acompañamiento." in html
    assert norm is not None and f'href="{norm.url}"' in html
    # the diff: changed words marked with ins/del and a hidden prefix, not by colour alone
    removed, added = es("removed text:"), es("added text:")
    assert f'<del><span class="visually-hidden">{removed} </span>6:00</del>' in html
    assert f'<ins><span class="visually-hidden">{added} </span>7:00</ins>' in html
    assert es("Added in the final text") in html and es("Removed from the final text") in html
    diff_part = html[html.index('<ol class="results-diff">') :].split("</ol>", 1)[0]
    assert diff_part.count("<details>") == 3  # the unchanged sections are collapsed
    assert html.count("results-diff__item--changed") == 1


def test_an_unpublished_issued_norm_is_not_linked(client, open_consultation, people):
    from transparency.models import NormPage

    page = open_consultation
    close(page)
    publish_matrix(page)
    norm = NormPage.objects.live().order_by("path").first()
    page.issued_norm = norm
    page.save_revision().publish()
    norm.unpublish()
    html = client.get(url(page)).content.decode()
    assert f'href="{norm.url}"' not in html or norm.url is None


def test_without_a_final_text_the_page_says_so(client, home):
    page = make_consultation(
        home, "consulta-sin-final", -timedelta(days=20), -timedelta(days=1), final=False
    )
    html = client.get(url(page)).content.decode()
    assert 'id="r-diff"' in html and "results-diff__item" not in html


def grow(page, people, total):
    art = sections(page)
    made = Comment.objects.filter(page_id=page.pk).count()
    for n in range(made, total):
        add_comment(page, people[n % len(people)], f"Observación {n}", section=art[n % 5])


@pytest.mark.parametrize("concluded", [False, True])
def test_the_results_page_costs_the_same_for_20_and_2000_comments(
    client, open_consultation, people, concluded, django_assert_max_num_queries, capsys
):
    page = open_consultation
    fill(page, people)
    grow(page, people, 20)
    close(page)
    if concluded:
        publish_matrix(page)

    def count():
        client.get(url(page))
        with django_assert_max_num_queries(MAX_QUERIES) as captured:
            assert client.get(url(page)).status_code == 200
        return len(captured.captured_queries)

    small = count()
    grow(page, people, 2000)
    large = count()
    with capsys.disabled():
        print(f"\nconsultation results (concluded={concluded}): {small} queries, {large} with 2000")  # noqa: T201
    assert small == large


# Debates


def test_debate_results_before_and_after_closing(client, debate_index, people):
    debate = make_debate(debate_index, "debate-resultados", -timedelta(days=1), timedelta(days=5))
    before = client.get(debate.url + "resultados/")
    assert before.status_code == 200
    assert f'<time datetime="{machine(debate.closes_at)}">' in before.content.decode()
    comments = [add_comment(debate, person, f"Opinión {n}") for n, person in enumerate(people[:6])]
    add_comment(debate, people[6], "Retirado", status=Comment.WITHDRAWN)
    for person in people[7:10]:
        Reaction.objects.create(comment=comments[0], user=person, value=Reaction.AGREE)
    Reaction.objects.create(comment=comments[1], user=people[0], value=Reaction.DISAGREE)
    for person in people[:5]:
        give_comuna(person, "comuna-5")
    from participation.models import DebatePage

    DebatePage.objects.filter(pk=debate.pk).update(
        closes_at=debate.opens_at + timedelta(hours=1), conclusion="<p>Conclusión final.</p>"
    )
    html = client.get(debate.url + "resultados/").content.decode()
    assert figure(html, es("Participants")) == "9"
    assert figure(html, es("Published comments")) == "6"
    assert figure(html, es("“Agree” reactions")) == "3"
    assert figure(html, es("“Disagree” reactions")) == "1"
    assert comuna_cell(html, "Comuna 5 San Mateo") == "5"
    assert comuna_cell(html, "Comuna 1 Compartir") == es("fewer than 5")
    assert "Conclusión final." in html
    assert "Opinión 0" not in html


def test_a_held_debate_has_no_public_results(client, closed_debate, moderator):
    DebateHold.objects.create(debate=closed_debate, status=DebateHold.HELD)
    assert client.get(closed_debate.url + "resultados/").status_code == 404
    client.force_login(moderator)
    assert client.get(closed_debate.url + "resultados/").status_code == 200


def test_the_debate_page_itself_still_renders(client, debate):
    response = client.get(debate.url)
    assert response.status_code == 200 and debate.question in response.content.decode()
    assert client.get(debate.url + "no-existe/").status_code == 404
