"""The 'Aprobación editorial' workflow from submission to publication, in the audit log."""

from django.urls import reverse

from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_page(client, author, demo_site):
    """A page an author created and submitted for approval."""
    section = StandardPage.objects.get(slug="noticias", locale__language_code="es")
    client.force_login(author)
    data = nested_form_data(
        {
            "title": "Jornada de vacunación",
            "slug": "jornada-de-vacunacion",
            "introduction": "Vacunación gratuita en el parque principal.",
            "body": streamfield([]),
        }
    )
    data["action-submit"] = "1"
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", section.pk)), data
    )
    assert response.status_code == 302, response.content.decode()[:500]
    client.logout()
    return StandardPage.objects.get(slug="jornada-de-vacunacion")


def task_state(page):
    return page.current_workflow_task_state


def workflow_action_url(page, action):
    return reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state(page).pk)
    )


def test_author_submission_starts_the_workflow(submitted_page):
    """Submitting puts the page in moderation, unpublished, with the editor task."""
    assert submitted_page.live is False
    assert submitted_page.workflow_in_progress
    assert task_state(submitted_page).task.name == "Aprobación del editor"


def test_author_cannot_approve_own_submission(client, author, submitted_page):
    """The approval action is refused to the author."""
    client.force_login(author)
    response = client.post(workflow_action_url(submitted_page, "approve"), {"comment": ""})
    assert response.status_code in (302, 403)
    submitted_page.refresh_from_db()
    assert submitted_page.live is False


def test_editor_approval_publishes(client, editor, submitted_page):
    """An editor's approval publishes the page and the public can read it."""
    client.force_login(editor)
    response = client.post(
        workflow_action_url(submitted_page, "approve"), {"comment": "Aprobado, gracias."}
    )
    assert response.status_code in (200, 302)
    submitted_page.refresh_from_db()
    assert submitted_page.live is True
    client.logout()
    assert client.get("/es/noticias/jornada-de-vacunacion/").status_code == 200


def test_editor_rejection_requests_changes(client, editor, submitted_page):
    """Rejecting with a comment sends the page back to the author, unpublished."""
    client.force_login(editor)
    response = client.post(
        workflow_action_url(submitted_page, "reject"), {"comment": "Falta la fecha y el lugar."}
    )
    assert response.status_code in (200, 302)
    submitted_page.refresh_from_db()
    assert submitted_page.live is False
    state = submitted_page.workflow_states.order_by("-created_at").first()
    assert state.status == "needs_changes"
    rejected = state.task_states.get(status="rejected")
    assert rejected.comment == "Falta la fecha y el lugar."
    assert rejected.finished_by == editor
    assert PageLogEntry.objects.filter(
        page=submitted_page, action="wagtail.workflow.reject", user=editor
    ).exists()


def test_every_step_is_in_the_audit_log(client, editor, author, submitted_page):
    """Creation, submission, approval and publication are all logged with their user."""
    client.force_login(editor)
    client.post(workflow_action_url(submitted_page, "approve"), {"comment": ""})
    entries = PageLogEntry.objects.filter(page=submitted_page)
    actions = dict(entries.values_list("action", "user__email"))
    assert actions["wagtail.create"] == author.email
    assert actions["wagtail.workflow.start"] == author.email
    assert actions["wagtail.workflow.approve"] == editor.email
    assert actions["wagtail.publish"] == editor.email
