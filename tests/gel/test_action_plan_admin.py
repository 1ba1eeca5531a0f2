"""The action plan in the admin: the GEL committee edits actions and records progress
(and is named as who updated it), Control Interno reads the plan and its progress
report, nobody else sees them; bad progress in the form is refused and not saved."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from cms.roles import AUTHORS, EDITORS, INTERNAL_CONTROL, MODERATORS
from gel import rules
from gel.models import Action, Activity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def plan_as_loaded():
    """The plan as the data migration loads it, without the demo's progress (the demo
    site may have been loaded for an earlier test)."""
    Activity.objects.update(
        progress=0, due_date=None, evidence_text="", evidence_url="", updated_by=None
    )


ACTIONS = reverse("wagtailsnippets_gel_action:list")
ACTIVITIES = reverse("wagtailsnippets_gel_activity:list")
REPORT = reverse("gel_plan_progress")

ROLES = {
    "anonymous": None,
    "citizen": [],
    "author": [AUTHORS],
    "editor": [EDITORS],
    "moderator": [MODERATORS],
    "control": [INTERNAL_CONTROL],
    "committee": [rules.GEL_COMMITTEE],
    "superuser": [],
}
#: role -> (may view, may edit)
RIGHTS = {
    "anonymous": (False, False),
    "citizen": (False, False),
    "author": (False, False),
    "editor": (False, False),
    "moderator": (False, False),
    "control": (True, False),
    "committee": (True, True),
    "superuser": (True, True),
}


@pytest.fixture
def users(make_user):
    made = {}
    for role, groups in ROLES.items():
        if groups is None:
            made[role] = AnonymousUser()
        else:
            made[role] = make_user(
                f"{role}@plan.example",
                groups=groups,
                is_superuser=role == "superuser",
                is_staff=role == "superuser",
            )
    return made


def cell(response):
    if response.status_code != 302:
        return str(response.status_code)
    location = response["Location"]
    if "/cuentas/login/" in location:
        return "302:login"
    return "302:admin" if location.rstrip("/").endswith("/admin") else "302"


@pytest.mark.parametrize("role", list(RIGHTS))
def test_rules_per_role(users, role):
    may_view, may_edit = RIGHTS[role]
    assert rules.can_view_action_plan(users[role]) is may_view
    assert rules.can_edit_action_plan(users[role]) is may_edit


#: role -> (actions list, activities list, edit an activity, progress report)
ADMIN = {
    "anonymous": ("302:login",) * 4,
    "citizen": ("302:login",) * 4,
    "author": ("302:admin",) * 4,
    "editor": ("302:admin",) * 4,
    "moderator": ("302:admin",) * 4,
    "control": ("200", "200", "302:admin", "200"),
    "committee": ("200",) * 4,
    "superuser": ("200",) * 4,
}


@pytest.mark.parametrize("role", list(ADMIN))
def test_admin_views_per_role(client, users, role):
    activity = Activity.objects.first()
    edit = reverse("wagtailsnippets_gel_activity:edit", args=[activity.pk])
    if role != "anonymous":
        client.force_login(users[role])
    got = tuple(cell(client.get(url)) for url in (ACTIONS, ACTIVITIES, edit, REPORT))
    assert got == ADMIN[role]


def form_data(activity, **changes):
    data = {
        "action": activity.action_id,
        "description": activity.description,
        "progress": 60,
        "due_date": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "evidence_document": "",
        "evidence_url": "https://example.org/acta",
        "evidence_text": "Acta firmada",
    }
    return data | changes


def edit_url(activity):
    return reverse("wagtailsnippets_gel_activity:edit", args=[activity.pk])


def test_the_committee_records_progress_and_is_named(client, users):
    activity = Activity.objects.first()
    client.force_login(users["committee"])
    response = client.post(edit_url(activity), form_data(activity))
    assert response.status_code == 302, response.content[:2000]
    activity.refresh_from_db()
    assert activity.progress == 60 and activity.evidence_text == "Acta firmada"
    assert activity.updated_by == users["committee"]


@pytest.mark.parametrize("bad", [140, -10])
def test_bad_progress_in_the_form_is_refused_and_nothing_saved(client, users, bad):
    activity = Activity.objects.first()
    client.force_login(users["committee"])
    with translation.override("en"):
        response = client.post(edit_url(activity), form_data(activity, progress=bad))
        assert response.status_code == 200
        errors = response.context["form"].errors["progress"]
        assert "El avance es un porcentaje entre 0 y 100." in errors
    activity.refresh_from_db()
    assert activity.progress == 0 and activity.evidence_text == ""


def test_the_committee_edits_an_action(client, users):
    action = Action.objects.get(sort_order=2)
    client.force_login(users["committee"])
    edit = reverse("wagtailsnippets_gel_action:edit", args=[action.pk])
    data = {
        "sort_order": 2,
        "phase": "informacion",
        "name": action.name,
        "beneficiaries": action.beneficiaries,
        "indicators": action.indicators,
        "targets": "90%",
        "responsible": action.responsible,
        "resources": action.resources,
        "schedule": '{"2026": "junio"}',
        "duration": action.duration,
    }
    response = client.post(edit, data)
    assert response.status_code == 302, response.content[:3000]
    action.refresh_from_db()
    assert action.target_list() == ["90%"] and action.schedule == {"2026": "junio"}


@pytest.mark.parametrize("role", ["control", "author", "moderator", "citizen"])
def test_others_cannot_record_progress(client, users, role):
    activity = Activity.objects.first()
    client.force_login(users[role])
    client.post(edit_url(activity), form_data(activity))
    activity.refresh_from_db()
    assert activity.progress == 0 and activity.updated_by is None


def test_the_report_shows_the_indicator_the_means_and_the_overdue(client, users):
    today = timezone.localdate()
    first = Action.objects.get(sort_order=1)
    done, late, _rest = first.activities.order_by("sort_order")
    Activity.objects.filter(pk=done.pk).update(progress=100)
    Activity.objects.filter(pk=late.pk).update(progress=40, due_date=today - timedelta(days=3))
    client.force_login(users["control"])
    with translation.override("en"):
        html = client.get(REPORT).content.decode()
    assert "Metas cumplidas / metas trazadas" in html
    assert "1 de 42 actividades cumplidas (2 %)." in html
    assert "1 actividad está vencida." in html
    row = html[html.index(f'data-action="{first.pk}"') :][:2000]
    assert "47 %" in row and late.description in row
    assert "/edit/" not in row  # Control Interno reads, gets no edit links
