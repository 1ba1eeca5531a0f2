"""The participant's comuna: optional, saved only with explicit consent (Ley 1581),
withdrawn by unticking it (comuna and consent time forgotten), and never shown next to
a nickname."""

from django.utils import translation

import pytest

from participation import contributions
from participation.models import Block, Profile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_contributions")]
MINE = "/es/participacion/perfil/"


def es(message):
    with translation.override("es"):
        return translation.gettext(message)


def post(client, **data):
    return client.post(MINE, {"form": "comuna", **data})


def stored(user):
    return Profile.objects.filter(user=user).values_list("comuna", "comuna_consent_at").first()


def test_the_profile_page_offers_the_choice_with_its_consent_text(client, citizen):
    client.force_login(citizen)
    html = client.get(MINE).content.decode()
    assert 'name="comuna"' in html and 'name="consent"' in html
    assert '<label for="id_comuna">' in html and '<label for="id_consent">' in html
    assert "Ley 1581" in html
    assert "Comuna 4 Cazucá" in html and "Corregimiento 2" in html


def test_a_comuna_without_consent_is_refused_and_nothing_saved(client, citizen):
    client.force_login(citizen)
    response = post(client, comuna="comuna-3")
    html = response.content.decode()
    assert response.status_code == 400
    assert (
        es(
            "To save your comuna or corregimiento, tick the authorisation box. "
            "Without it nothing is saved."
        )
        in html
    )
    assert '<option value="comuna-3" selected>' in html  # what they chose is kept
    assert stored(citizen) in (None, ("", None))


def test_a_comuna_with_consent_is_saved_with_the_time(client, citizen):
    client.force_login(citizen)
    response = post(client, comuna="comuna-3", consent="on")
    assert response.status_code == 302
    comuna, consent_at = stored(citizen)
    assert comuna == "comuna-3" and consent_at is not None
    html = client.get(MINE).content.decode()
    assert '<option value="comuna-3" selected>' in html
    assert 'name="consent" id="id_consent" checked' in html or "checked" in html
    # changing the comuna keeps the original consent time
    post(client, comuna="comuna-5", consent="on")
    assert stored(citizen) == ("comuna-5", consent_at)


def test_unticking_consent_forgets_the_comuna(client, citizen):
    client.force_login(citizen)
    post(client, comuna="comuna-1", consent="on")
    assert post(client, comuna="comuna-1").status_code == 400  # still refused, kept
    assert stored(citizen)[0] == "comuna-1"
    assert post(client, comuna="").status_code == 302  # "prefer not to say", unticked
    assert stored(citizen) == ("", None)
    post(client, comuna="corregimiento-2", consent="on")
    assert post(client, comuna="", consent="on").status_code == 302
    assert stored(citizen) == ("", None)


def test_a_junk_comuna_is_refused(client, citizen):
    client.force_login(citizen)
    response = post(client, comuna="comuna-99", consent="on")
    assert response.status_code == 400
    assert stored(citizen) in (None, ("", None))


def test_a_blocked_person_can_still_withdraw_consent(client, citizen, moderator):
    contributions.set_comuna(citizen, "comuna-2", True)
    Block.objects.create(user=citizen, reason="Insultos")
    client.force_login(citizen)
    assert post(client, comuna="").status_code == 302
    assert stored(citizen) == ("", None)


def test_the_nickname_form_still_works_beside_it(client, citizen):
    client.force_login(citizen)
    assert client.post(MINE, {"nickname": "vecina-de-cazuca"}).status_code == 302
    assert Profile.objects.get(user=citizen).nickname == "vecina-de-cazuca"


def test_the_comuna_is_never_shown_with_the_nickname(client, citizen, debate):
    contributions.post_comment(citizen, debate, "Mi opinión", "es")
    contributions.set_comuna(citizen, "comuna-4", True)
    profile = Profile.objects.get(user=citizen)
    for url in (f"/es/participacion/perfil/{profile.pk}/", debate.url):
        html = client.get(url).content.decode()
        assert profile.nickname in html
        assert "Cazucá" not in html and "comuna-4" not in html


def test_the_service_refuses_a_comuna_without_consent(citizen):
    with pytest.raises(contributions.Refused):
        contributions.set_comuna(citizen, "comuna-1", False)
    assert stored(citizen) is None
