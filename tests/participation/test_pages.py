"""Debate pages are ordinary Wagtail pages: the editorial workflow, page permissions by
role, translation, and a phase that follows the dates."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from participation import phases
from participation.models import DebatePage

pytestmark = pytest.mark.django_db


def draft_debate(index, owner):
    now = timezone.now()
    debate = DebatePage(
        title="Debate borrador",
        slug="debate-borrador",
        question="¿Qué priorizar en 2027?",
        opens_at=now,
        closes_at=now + timedelta(days=15),
        live=False,
        owner=owner,
    )
    index.add_child(instance=debate)
    debate.save_revision(user=owner)
    return debate


def test_debate_pages_go_through_the_editorial_workflow(debate_index, author, editor):
    debate = draft_debate(debate_index, author)
    workflow = debate.get_workflow()
    assert workflow is not None and workflow.name == "Aprobación editorial"
    assert not debate.permissions_for_user(author).can_publish()
    assert debate.permissions_for_user(editor).can_publish()
    state = workflow.start(debate, author)
    assert state.current_task_state.task.name == "Aprobación del editor"
    state.current_task_state.task.specific.on_action(state.current_task_state, editor, "approve")
    debate.refresh_from_db()
    assert debate.live


def test_moderators_cannot_edit_or_publish_debate_pages(debate, moderator):
    permissions = debate.permissions_for_user(moderator)
    assert not permissions.can_edit()
    assert not permissions.can_publish()


def test_a_debate_is_translatable(debate):
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    translation = debate.copy_for_translation(english, copy_parents=True)
    translation.title = "Open debate"
    translation.save_revision().publish()
    assert debate.get_translation(english).specific.question == debate.question
    assert translation.translation_key == debate.translation_key


@pytest.mark.parametrize(
    ("opens", "closes", "expected"),
    [
        (timedelta(days=1), timedelta(days=5), phases.ANNOUNCED),
        (-timedelta(days=1), timedelta(days=5), phases.OPEN),
        (-timedelta(days=5), -timedelta(seconds=1), phases.CLOSED),
        (-timedelta(days=5), timedelta(0), phases.CLOSED),
    ],
)
def test_the_phase_follows_the_dates(opens, closes, expected):
    now = timezone.now()
    debate = DebatePage(opens_at=now + opens, closes_at=now + closes)
    assert debate.phase(now) == expected


def test_a_debate_must_close_after_it_opens(debate_index):
    now = timezone.now()
    debate = DebatePage(
        title="Fechas al revés", slug="al-reves", question="?", opens_at=now, closes_at=now
    )
    with pytest.raises(ValidationError) as error:
        debate.full_clean()
    assert "closes_at" in error.value.message_dict
