"""Who moderates: the "Moderadores" group and superusers, nobody else; moderators
cannot edit or publish pages, and editors cannot moderate (nothing changes)."""

from django.test import RequestFactory
from django.urls import reverse

from wagtail import hooks

import pytest

from participation.admin_views.queues import counts
from participation.models import Block, Comment, DebateHold, DebatePage, DebateProposal
from tests.participation.matrix_admin import WAGTAIL_ROWS
from tests.participation.samples_admin import moderation_items
from tests.role_matrix import ROLES, cell, check_matrix

pytestmark = pytest.mark.django_db


def test_wagtail_views_behind_moderation(client, role_users, role_demo):
    check_matrix(client, role_users, role_demo, WAGTAIL_ROWS)


def _moderation_menu():
    for register in hooks.get_hooks("register_admin_menu_item"):
        item = register()
        if item.name == "moderation":
            return item
    raise AssertionError("no Moderación menu")


def test_the_moderation_menu_is_shown_to_moderators_and_superusers_only(role_users, demo_site):
    menu = _moderation_menu()
    shown = {}
    for role in ROLES[1:]:
        request = RequestFactory().get("/admin/")
        request.user = role_users[role]
        shown[role] = menu.is_shown(request)
    assert shown == {role: role in ("moderator", "superuser") for role in ROLES[1:]}


def test_the_menu_counts_what_waits(role_users, role_demo):
    def render():
        request = RequestFactory().get("/admin/")
        request.user = role_users["moderator"]
        return _moderation_menu().render_component(request)

    before = sum(counts().values())  # the demo's own
    moderation_items(role_demo)  # a held comment, a pending reply, a reported debate, a proposal
    component = render()
    assert component.label.endswith(f"({before + 4})")
    labels = [child.label for child in component.menu_items]
    assert labels[0].endswith(f"({before + 4})") and len(labels) == 3  # queue, blocks, words


def test_a_moderator_cannot_edit_publish_or_unpublish_a_debate(client, moderator, demo_site):
    debate = moderation_items().debate
    revisions = debate.revisions.count()
    client.force_login(moderator)
    edit = client.post(
        reverse("wagtailadmin_pages:edit", args=[debate.pk]),
        {
            "title": "Cambiado por moderación",
            "slug": debate.slug,
            "question": "¿Otra?",
            "opens_at": "2026-01-01 00:00",
            "closes_at": "2026-12-31 00:00",
            "action-publish": "action-publish",
        },
    )
    unpublish = client.post(reverse("wagtailadmin_pages:unpublish", args=[debate.pk]))
    assert [cell(edit), cell(unpublish)] == ["302:admin", "302:admin"]
    debate = DebatePage.objects.get(pk=debate.pk)
    assert debate.title != "Cambiado por moderación" and debate.live
    assert debate.revisions.count() == revisions


def test_an_editor_cannot_moderate_and_nothing_changes(client, editor, demo_site):
    items = moderation_items()
    client.force_login(editor)
    posts = [
        (reverse("participation_admin:comment", args=[items.held.pk]), {"action": "approve"}),
        (
            reverse("participation_admin:comment", args=[items.reply.pk]),
            {"action": "hide", "hide-reason": "spam"},
        ),
        (
            reverse("participation_admin:comment", args=[items.held.pk]),
            {"action": "block", "block-duration": "7", "block-reason": "x"},
        ),
        (
            reverse("participation_admin:debate", args=[items.reported_debate.pk]),
            {"action": "hide", "hide-reason": "spam"},
        ),
        (
            reverse("participation_admin:proposal", args=[items.proposal.pk]),
            {"action": "accept", "accept-question": "¿Sí?", "accept-days": "30"},
        ),
        (reverse("participation_admin:unblock", args=[items.block.pk]), {}),
        (reverse("participation_admin:bulk"), {"action": "approve", "ids": [items.held.pk]}),
    ]
    assert [cell(client.post(url, data)) for url, data in posts] == ["302:admin"] * len(posts)
    assert Comment.objects.get(pk=items.held.pk).status == Comment.HELD
    assert Comment.objects.get(pk=items.reply.pk).status == Comment.PENDING
    assert not DebateHold.objects.filter(debate=items.reported_debate).exists()
    assert DebateProposal.objects.get(pk=items.proposal.pk).status == DebateProposal.PENDING
    assert Block.active().filter(pk=items.block.pk).exists()
    assert not Block.objects.filter(user=items.held.user).exists()


def test_a_decision_without_the_csrf_token_is_refused(moderator, demo_site):
    from django.test import Client

    items = moderation_items()
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    url = reverse("participation_admin:comment", args=[items.held.pk])
    assert client.post(url, {"action": "approve"}).status_code == 403
    bulk = client.post(reverse("participation_admin:bulk"), {"action": "approve", "ids": [1]})
    assert bulk.status_code == 403
    assert Comment.objects.get(pk=items.held.pk).status == Comment.HELD
