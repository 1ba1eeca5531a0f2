"""``manage.py gel_report``: a draft report, submitted to the editors' approval; an
editor publishes it, nobody else can; a published report's figures never change."""

import datetime

from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

import pytest

from gel.periods import Period
from gel.report_page import BimonthlyReportPage
from pqr.filing import file_case
from tests.fuzz_samples import SAMPLE_PETITION

pytestmark = pytest.mark.django_db

PERIOD = Period.parse("2021-03")  # March and April 2021


def the_report():
    return BimonthlyReportPage.objects.get(period_key=f"es:{PERIOD.label}")


def file_in_period():
    when = timezone.make_aware(datetime.datetime(2021, 3, 15, 9))
    return file_case(dict(SAMPLE_PETITION), now=when).case


def approve_url(page):
    state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk))


@pytest.fixture
def submitted(demo_site, superuser):
    call_command("gel_report", "--period", "2021-03", "--submit", "--user", superuser.email)
    return the_report()


def test_the_command_creates_a_draft_in_the_editors_workflow(submitted, superuser):
    page = submitted
    assert not page.live and page.first_published_at is None
    assert page.get_parent().slug == "informes-de-gestion"
    assert page.latest_revision is not None
    assert page.workflow_in_progress
    state = WorkflowState.objects.get(
        base_content_type=page.get_base_content_type(), object_id=str(page.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == superuser
    assert page.current_workflow_task.specific.groups.filter(name="Editores").exists()


def test_the_draft_is_not_public(client, submitted):
    page = submitted
    parent_html = client.get(page.get_parent().url).content.decode()
    assert page.title not in parent_html
    assert client.get(f"{page.get_parent().url}{page.slug}/").status_code == 404
    assert client.get(f"{page.get_parent().url}{page.slug}/pdf/").status_code == 404


@pytest.mark.parametrize(
    ("role", "bounce"),
    [("author", "/admin/"), ("moderator", "/admin/"), ("citizen", "/es/cuentas/login/")],
)
def test_only_editors_may_approve_or_publish(request, client, submitted, role, bounce):
    user = request.getfixturevalue(role)
    page = submitted
    task = page.current_workflow_task.specific
    assert task.get_actions(page, user) == []
    assert not page.permissions_for_user(user).can_publish()
    client.force_login(user)
    response = client.post(approve_url(page), {"comment": ""})
    # Wagtail's PermissionDenied in the admin: back to the dashboard (staff) or sign in
    assert response.status_code == 302
    assert response["Location"].startswith(bounce)
    page.refresh_from_db()
    assert not page.live and page.workflow_in_progress


def test_an_editor_approves_and_the_report_goes_live(client, submitted, editor):
    page = submitted
    assert page.permissions_for_user(editor).can_publish()
    actions = page.current_workflow_task.specific.get_actions(page, editor)
    assert "approve" in [name for name, _verbose, _modal in actions]
    client.force_login(editor)
    response = client.post(approve_url(page), {"comment": "Revisado."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and not page.workflow_in_progress
    client.logout()
    assert client.get(page.url).status_code == 200
    # the English translation follows with the same figures
    from wagtail.models import Locale

    english = page.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.live and english.figures == page.figures


def test_the_command_refreshes_a_draft_but_never_a_published_report(
    client, submitted, editor, superuser
):
    page = submitted
    before = page.get_latest_revision_as_object().figures["pqrsd"]["filed"]
    file_in_period()
    call_command("gel_report", "--period", "2021-04")
    page = the_report()
    assert page.get_latest_revision_as_object().figures["pqrsd"]["filed"] == before + 1
    assert page.workflow_in_progress  # still waiting for the editors

    client.force_login(editor)
    client.post(approve_url(page), {"comment": ""})
    page = the_report()
    assert page.live
    published = page.figures
    revisions = page.revisions.count()
    file_in_period()
    call_command("gel_report", "--period", "2021-03", "--submit")
    page = the_report()
    assert page.figures == published
    assert page.get_latest_revision_as_object().figures == published
    assert page.revisions.count() == revisions
    assert BimonthlyReportPage.objects.filter(period_start=PERIOD.start).count() == 2  # es, en


def test_bad_arguments_are_refused_without_creating_anything(demo_site):
    count = BimonthlyReportPage.objects.count()
    for period in ("2021", "2021-13", "marzo"):
        with pytest.raises(CommandError, match="YYYY-MM"):
            call_command("gel_report", "--period", period)
    with pytest.raises(CommandError, match="No active user"):
        call_command("gel_report", "--period", "2021-03", "--user", "nadie@test.example")
    assert BimonthlyReportPage.objects.count() == count


def test_a_second_page_of_the_same_period_is_refused(submitted):
    from django.core.exceptions import ValidationError

    page = submitted
    duplicate = BimonthlyReportPage(
        title="Copia",
        slug="copia",
        period_start=page.period_start,
        period_end=page.period_end,
        locale=page.locale,
    )
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    odd = BimonthlyReportPage(
        title="Raro",
        slug="raro",
        period_start=datetime.date(2021, 4, 1),
        period_end=datetime.date(2021, 5, 31),
        locale=page.locale,
    )
    with pytest.raises(ValidationError):
        odd.full_clean()


def test_the_editor_may_add_observations_but_not_change_the_figures(client, submitted, editor):
    page = submitted
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    form = response.context["form"]
    assert "observations" in form.fields
    assert not {"figures", "period_key", "generated_at"} & set(form.fields)
    assert page.permissions_for_user(editor).can_edit()
    # a report is never added nor copied by hand
    parent = page.get_parent()
    assert not BimonthlyReportPage.can_create_at(parent)
    add = reverse("wagtailadmin_pages:add", args=("gel", "bimonthlyreportpage", parent.pk))
    assert client.get(add).status_code in (302, 403)


def test_editors_preview_the_draft_before_approving(client, submitted, editor):
    page = submitted
    url = reverse("wagtailadmin_pages:revisions_view", args=(page.pk, page.latest_revision.pk))
    assert client.get(url).status_code == 302  # anonymous: sign in first
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-report-table="pqrsd"' in html and page.title in html
