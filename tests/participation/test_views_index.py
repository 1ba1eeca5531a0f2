"""The debate index: phases, counts, filters that never fail, pagination, held debates
and the way to propose one."""

import re
from datetime import timedelta

from django.utils import translation

import pytest

from participation import contributions
from participation.models import Comment, DebateHold
from tests.participation.conftest import make_debate

pytestmark = pytest.mark.django_db


def es(message):
    with translation.override("es"):
        return translation.gettext(message)


def titles(response):
    """The debate titles listed, in order."""
    html = response.content.decode()
    return re.findall(r'class="debate-card__title"><a href="[^"]*">([^<]*)</a>', html)


@pytest.fixture
def three(debate_index, debate, closed_debate, announced_debate, citizens):
    for n in range(3):  # written while it was open
        early = contributions.post_comment(citizens[n], debate, f"Cerrado {n}", "es")
        Comment.objects.filter(pk=early.pk).update(page=closed_debate, object_pk=closed_debate.pk)
    hidden = contributions.post_comment(citizens[0], debate, "Oculto", "es")
    Comment.objects.filter(pk=hidden.pk).update(status=Comment.HIDDEN)
    contributions.post_comment(citizens[1], debate, "Abierto", "es")
    return debate, closed_debate, announced_debate


def test_lists_debates_with_phase_and_published_comment_count(client, debate_index, three):
    debate, closed, announced = three
    response = client.get(debate_index.url)
    assert response.status_code == 200
    listed = titles(response)
    assert {debate.title, closed.title, announced.title} <= set(listed)
    html = response.content.decode()
    card = html.split(f">{closed.title}</a>", 1)[1].split("</li>", 1)[0]
    assert "phase-badge--closed" in card and "<dd>3</dd>" in card
    card = html.split(f">{debate.title}</a>", 1)[1].split("</li>", 1)[0]
    assert "phase-badge--open" in card and "<dd>1</dd>" in card  # the hidden one not counted


@pytest.mark.parametrize(
    ("status", "expected"),
    [("open", "debate"), ("closed", "closed_debate"), ("announced", "announced_debate")],
)
def test_filter_by_status(request, client, debate_index, three, status, expected):
    listed = titles(client.get(debate_index.url, {"status": status}))
    assert request.getfixturevalue(expected).title in listed
    others = {d.title for d in three} - {request.getfixturevalue(expected).title}
    assert not others & set(listed)


def test_filter_by_dependency(client, debate_index, debate, closed_debate):
    from cms.models import Dependency

    dependency = Dependency.objects.filter(locale__language_code="es").first()
    debate.dependency = dependency
    debate.save_revision().publish()
    listed = titles(client.get(debate_index.url, {"dependency": dependency.slug}))
    assert debate.title in listed and closed_debate.title not in listed


def test_order_by_most_commented(client, debate_index, three):
    debate, closed, _announced = three
    listed = titles(client.get(debate_index.url, {"order": "most_commented"}))
    assert listed.index(closed.title) < listed.index(debate.title)
    listed = titles(client.get(debate_index.url, {"order": "newest"}))
    assert listed.index(debate.title) < listed.index(closed.title)


def test_mine_lists_what_i_proposed_or_commented(client, debate_index, three, citizens):
    debate, closed, announced = three
    announced.proposed_by = contributions.profile_for(citizens[2])
    announced.save_revision().publish()
    client.force_login(citizens[2])
    listed = titles(client.get(debate_index.url, {"mine": "on"}))
    assert set(listed) == {closed.title, announced.title}


def test_mine_is_not_offered_to_visitors_and_ignored(client, debate_index, three):
    response = client.get(debate_index.url, {"mine": "on"})
    assert 'name="mine"' not in response.content.decode()
    assert len(titles(response)) >= 3


@pytest.mark.parametrize(
    "query",
    [
        {"status": "zzz"},
        {"dependency": "no-existe"},
        {"order": "-1"},
        {"status": "a" * 5000},
        {"page": "abc"},
        {"page": "99999999999999999999"},
        {"dependency": "99999999999999999999"},
    ],
)
def test_bad_filter_values_are_ignored_with_a_notice(client, debate_index, three, query):
    response = client.get(debate_index.url, query)
    assert response.status_code == 200
    assert len(titles(response)) >= 3
    assert 'class="notices"' in response.content.decode()


def test_the_filter_form_has_labels_and_works_without_javascript(client, debate_index):
    html = client.get(debate_index.url).content.decode()
    form = html.split('class="p-filters"', 1)[1].split("</form>", 1)[0]
    assert '<form class="p-filters" method="get"' in html
    for name in ("status", "dependency", "order"):
        field_id = re.search(rf'name="{name}" id="([^"]+)"', form).group(1)
        assert f'<label for="{field_id}"' in form
    assert 'type="submit"' in form


def test_pagination_keeps_the_filters(client, debate_index):
    for n in range(12):
        make_debate(debate_index, f"paginado-{n}", -timedelta(days=1, hours=n), timedelta(days=5))
    response = client.get(debate_index.url, {"status": "open"})
    html = response.content.decode()
    assert len(titles(response)) == 10
    assert "status=open&amp;page=2" in html
    assert len(titles(client.get(debate_index.url, {"status": "open", "page": 2}))) >= 2


def test_held_debates_are_listed_only_for_moderators(
    client, debate_index, debate, closed_debate, moderator
):
    DebateHold.objects.create(debate=debate, status=DebateHold.HELD)
    listed = titles(client.get(debate_index.url))
    assert debate.title not in listed and closed_debate.title in listed
    client.force_login(moderator)
    response = client.get(debate_index.url)
    assert debate.title in titles(response)
    assert es("Hidden pending review") in response.content.decode()


def test_propose_link_for_participants_sign_in_for_visitors(client, debate_index, citizen):
    html = client.get(debate_index.url).content.decode()
    assert f'href="/es/cuentas/login/?next={debate_index.url}"' in html
    assert "/participacion/debates/proponer/" not in html
    client.force_login(citizen)
    html = client.get(debate_index.url).content.decode()
    assert 'href="/es/participacion/debates/proponer/"' in html


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("unverified", "Confirm your e-mail address to take part: open the link we sent you."),
        (
            "blocked",
            "Your account is blocked from taking part: you can still read the debates, "
            "but not comment, react, report or propose.",
        ),
    ],
)
def test_who_may_not_propose_is_told_why(request, client, debate_index, who, message):
    client.force_login(request.getfixturevalue(who))
    html = client.get(debate_index.url).content.decode()
    assert "/participacion/debates/proponer/" not in html
    assert es(message) in html


def test_proposed_by_shows_the_nickname(client, debate_index, debate, citizen):
    debate.proposed_by = contributions.profile_for(citizen)
    debate.save_revision().publish()
    html = client.get(debate_index.url).content.decode()
    assert debate.proposed_by.nickname in html and citizen.email not in html
