"""participation's personal-data handler: the export tells debates' comments from
consultation contributions; erasing leaves the contributions without their author
("Participante eliminado" wherever an author is named) and other people's untouched."""

from django.utils import translation

import pytest

from participation import contributions, matrix
from participation.models import Comment, Profile, SectionPosition
from participation.personal_data import author_name, erase_participation, export_participation
from tests.participation.conftest import sections_of

pytestmark = pytest.mark.django_db


def test_export_separates_comments_from_consultation_contributions(
    citizens, debate, open_consultation
):
    citizen = citizens[0]
    contributions.post_comment(citizen, debate, "Sobre el debate.", "es")
    section = sections_of(open_consultation)[0]
    contributions.comment_on_consultation(
        citizen, open_consultation, "Sobre el artículo.", "es", section=section
    )
    contributions.take_position(citizen, open_consultation, section, SectionPosition.OPPOSE)
    contributions.post_comment(citizens[1], debate, "De otra persona.", "es")
    tables = export_participation(citizen)
    assert [row["comment"] for row in tables["comments"]] == ["Sobre el debate."]
    assert [row["comment"] for row in tables["consultation_contributions"]] == [
        "Sobre el artículo."
    ]
    assert [row["position"] for row in tables["section_supports"]] == ["oppose"]
    assert tables["participant_profile"][0]["nickname"]


def test_erased_comments_stay_and_are_signed_deleted_participant(citizens, debate):
    citizen, other = citizens[0], citizens[1]
    mine = contributions.post_comment(citizen, debate, "Mi comentario.", "es")
    theirs = contributions.post_comment(other, debate, "El de otra persona.", "es")
    erase_participation(citizen)
    mine = Comment.objects.get(pk=mine.pk)
    theirs = Comment.objects.select_related("user__participant").get(pk=theirs.pk)
    assert mine.user_id is None and mine.user_name == "" and mine.ip_address is None
    assert mine.comment == "Mi comentario." and mine.status == Comment.PUBLISHED
    assert not Profile.objects.filter(user=citizen).exists()
    with translation.override("en"):
        assert author_name(mine) == "Deleted participant"
        assert matrix.nickname(mine) == "Deleted participant"
    assert author_name(theirs) == theirs.user.participant.nickname
