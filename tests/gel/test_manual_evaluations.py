"""Manual evaluations: a year's validity, the evidence they need, who may record or
read them (gel.rules) in the admin snippets, and the snapshots the committee takes."""

from datetime import timedelta
from io import StringIO

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from cms.roles import AUTHORS, EDITORS, INTERNAL_CONTROL, MODERATORS, PQR_OFFICERS
from gel import rules
from gel.assessment import evaluate
from gel.checks.base import MET, NOT_EVALUATED, PARTLY
from gel.models import ManualEvaluation, Snapshot

pytestmark = pytest.mark.django_db

CRITERION = "formacion-en-gobierno-en-linea"
LIST = reverse("wagtailsnippets_gel_manualevaluation:list")
ADD = reverse("wagtailsnippets_gel_manualevaluation:add")
SNAPSHOTS = reverse("wagtailsnippets_gel_snapshot:list")
TAKE = reverse("gel_take_snapshot")


def status_of(criterion_id, today=None):
    return next(e for e in evaluate(today=today) if e.criterion.id == criterion_id)


def record(days_ago, status=MET, **fields):
    return ManualEvaluation.objects.create(
        criterion_id=CRITERION,
        status=status,
        evidence_text=fields.pop("evidence_text", "Curso de MinTIC aprobado"),
        reviewed_on=timezone.localdate() - timedelta(days=days_ago),
        **fields,
    )


@pytest.fixture
def fresh(demo_site):
    """The criterion without the demo's evaluation."""
    ManualEvaluation.objects.filter(criterion_id=CRITERION).delete()


# Validity ---------------------------------------------------------------------------


def test_without_an_evaluation_a_manual_criterion_is_not_evaluated(fresh):
    with translation.override("es"):
        evaluation = status_of(CRITERION)
    assert evaluation.status == NOT_EVALUATED and evaluation.is_manual
    assert "fuera del portal" in evaluation.manual_reason


def test_the_latest_current_evaluation_counts(fresh):
    record(100, status=PARTLY)
    record(10, status=MET, evidence_url="https://example.org/certificados")
    evaluation = status_of(CRITERION)
    assert evaluation.status == MET
    assert evaluation.reviewed_on == timezone.localdate() - timedelta(days=10)
    assert [item.url for item in evaluation.evidence] == ["https://example.org/certificados"]


def test_an_evaluation_older_than_a_year_counts_as_not_evaluated(fresh):
    record(366)
    assert status_of(CRITERION).status == NOT_EVALUATED
    record(364, status=PARTLY)
    assert status_of(CRITERION).status == PARTLY


def test_the_same_evaluation_expires_a_year_after_its_review(fresh):
    evaluation = record(0)
    later = timezone.localdate() + timedelta(days=365)
    assert evaluation.is_current() and not evaluation.is_current(later)
    assert status_of(CRITERION, today=later).status == NOT_EVALUATED


def test_an_evaluation_needs_evidence_and_a_past_review_date(fresh):
    evaluation = ManualEvaluation(
        criterion_id=CRITERION, status=MET, reviewed_on=timezone.localdate()
    )
    with pytest.raises(ValidationError) as raised:
        evaluation.full_clean()
    assert "__all__" in raised.value.message_dict
    evaluation.evidence_text = "Certificados del curso"
    evaluation.reviewed_on = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as raised:
        evaluation.full_clean()
    assert "reviewed_on" in raised.value.message_dict


def test_only_manual_criteria_can_be_evaluated_by_hand(fresh):
    evaluation = ManualEvaluation(
        criterion_id="organigrama", status=MET, evidence_text="x", reviewed_on=timezone.localdate()
    )
    with pytest.raises(ValidationError) as raised:
        evaluation.full_clean()
    assert "criterion_id" in raised.value.message_dict


# Who may do what --------------------------------------------------------------------

ROLES = {
    "anonymous": None,
    "citizen": [],
    "author": [AUTHORS],
    "editor": [EDITORS],
    "moderator": [MODERATORS],
    "pqr": [PQR_OFFICERS],
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
    "pqr": (False, False),
    "control": (True, False),
    "committee": (True, True),
    "superuser": (True, True),
}


@pytest.fixture
def users(make_user, demo_site):
    from django.contrib.auth.models import AnonymousUser

    made = {}
    for role, groups in ROLES.items():
        if groups is None:
            made[role] = AnonymousUser()
        else:
            made[role] = make_user(
                f"{role}@gel.example",
                groups=groups,
                is_superuser=role == "superuser",
                is_staff=role == "superuser",
            )
    return made


def test_the_migration_creates_the_committee_with_admin_access():
    group = Group.objects.get(name=rules.GEL_COMMITTEE)
    assert group.permissions.filter(codename="access_admin").exists()


@pytest.mark.parametrize("role", list(RIGHTS))
def test_rules_per_role(users, role):
    may_view, may_edit = RIGHTS[role]
    assert rules.can_view_self_assessment(users[role]) is may_view
    assert rules.can_edit_self_assessment(users[role]) is may_edit


def test_an_inactive_committee_member_may_do_nothing(users):
    member = users["committee"]
    member.is_active = False
    assert not rules.can_view_self_assessment(member)
    assert not rules.can_edit_self_assessment(member)


#: role -> (list, add form, snapshot list) statuses
ADMIN = {
    "anonymous": ("302:login", "302:login", "302:login"),
    "citizen": ("302:login", "302:login", "302:login"),
    "author": ("302:admin", "302:admin", "302:admin"),
    "moderator": ("302:admin", "302:admin", "302:admin"),
    "control": ("200", "302:admin", "200"),
    "committee": ("200", "200", "200"),
    "superuser": ("200", "200", "200"),
}


def cell(response):
    if response.status_code != 302:
        return str(response.status_code)
    location = response["Location"]
    if "/cuentas/login/" in location:
        return "302:login"
    return "302:admin" if location.rstrip("/").endswith("/admin") else "302"


@pytest.mark.parametrize("role", list(ADMIN))
def test_admin_snippets_per_role(client, users, role):
    if role != "anonymous":
        client.force_login(users[role])
    got = tuple(cell(client.get(url)) for url in (LIST, ADD, SNAPSHOTS))
    assert got == ADMIN[role]


def form_data(**changes):
    data = {
        "criterion_id": CRITERION,
        "status": PARTLY,
        "evidence_document": "",
        "evidence_url": "https://example.org/curso",
        "evidence_text": "18 de 40 servidores certificados",
        "reviewed_on": timezone.localdate().isoformat(),
    }
    return data | changes


def test_the_committee_records_an_evaluation_and_is_named_as_its_author(client, users, fresh):
    client.force_login(users["committee"])
    response = client.post(ADD, form_data())
    assert response.status_code == 302, response.content[:2000]
    evaluation = ManualEvaluation.objects.get(criterion_id=CRITERION)
    assert evaluation.recorded_by == users["committee"]
    assert status_of(CRITERION).status == PARTLY


def test_a_form_without_evidence_is_refused_with_the_data_kept(client, users, fresh):
    client.force_login(users["committee"])
    response = client.post(ADD, form_data(evidence_url="", evidence_text=""))
    assert response.status_code == 200
    assert not ManualEvaluation.objects.filter(criterion_id=CRITERION).exists()
    form = response.context["form"]
    assert form.non_field_errors()
    assert form["evidence_url"].value() == "" and form["criterion_id"].value() == CRITERION


@pytest.mark.parametrize("role", ["control", "author", "moderator", "citizen"])
def test_others_cannot_record_an_evaluation(client, users, fresh, role):
    client.force_login(users[role])
    client.post(ADD, form_data())
    assert not ManualEvaluation.objects.filter(criterion_id=CRITERION).exists()


def test_control_reads_an_evaluation_but_cannot_change_it(client, users, fresh):
    evaluation = record(5)
    edit = reverse("wagtailsnippets_gel_manualevaluation:edit", args=[evaluation.pk])
    client.force_login(users["control"])
    assert client.get(LIST).status_code == 200
    client.post(edit, form_data(status=PARTLY))
    evaluation.refresh_from_db()
    assert evaluation.status == MET


# Snapshots --------------------------------------------------------------------------


def test_the_committee_takes_a_snapshot_with_the_button(client, users, demo_site):
    before = Snapshot.objects.count()
    client.force_login(users["committee"])
    page = client.get(SNAPSHOTS)
    assert TAKE in page.content.decode()
    response = client.post(TAKE)
    assert response.status_code == 302 and response["Location"].endswith(SNAPSHOTS)
    snapshot = Snapshot.objects.latest("taken_at")
    assert Snapshot.objects.count() == before + 1
    assert snapshot.taken_by == users["committee"] and snapshot.total == 93
    assert sum(snapshot.results["phases"]["informacion"].values()) == 47
    assert len(snapshot.results["criteria"]) == 93


@pytest.mark.parametrize("role", ["control", "author", "moderator"])
def test_others_cannot_take_a_snapshot(client, users, role):
    before = Snapshot.objects.count()
    client.force_login(users[role])
    assert TAKE not in client.get(SNAPSHOTS).content.decode()
    response = client.post(TAKE)
    assert response.status_code in (302, 403)
    assert Snapshot.objects.count() == before


def test_the_commands_measure_and_snapshot_the_site(demo_site):
    out = StringIO()
    call_command("gel_status", stdout=out)
    met = sum(1 for e in evaluate() if e.status == MET)
    assert f"Met: {met} of 93" in out.getvalue()
    before = Snapshot.objects.count()
    call_command("gel_snapshot", stdout=StringIO())
    snapshot = Snapshot.objects.latest("taken_at")
    assert Snapshot.objects.count() == before + 1 and snapshot.met == met


def test_the_demo_records_every_manual_criterion(demo_site):
    """The demo loader (gel/demo.py) records the committee's evaluations, so the demo
    shows its real figure: no criterion is left "not evaluated"."""
    evaluations = evaluate()
    assert not [e.criterion.id for e in evaluations if e.status == NOT_EVALUATED]
    manual = [e for e in evaluations if e.is_manual]
    assert len(manual) == 14 and all(e.reviewed_on and e.note for e in manual)
