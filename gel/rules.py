"""Who may do what with the GEL self-assessment, one named predicate per right.

The GEL committee (``GEL_COMMITTEE``, created by gel's migration) and superusers
record manual evaluations and take snapshots; Control Interno reads them; nobody else
sees them in the admin. The action plan follows the same rule: the committee edits
actions and records progress, Control Interno follows it read-only. The public pages
need no right."""

from wagtail.permission_policies import ModelPermissionPolicy

from cms.roles import INTERNAL_CONTROL

GEL_COMMITTEE = "Comité GEL"


def _active(user):
    return user.is_authenticated and user.is_active


def _in_group(user, *names):
    return user.groups.filter(name__in=names).exists()


def is_gel_committee(user):
    """Superusers and active members of the GEL committee."""
    return _active(user) and (user.is_superuser or _in_group(user, GEL_COMMITTEE))


def can_edit_self_assessment(user):
    """Record, change or delete manual evaluations; take snapshots."""
    return is_gel_committee(user)


def can_view_self_assessment(user):
    """Read the manual evaluations and snapshots: the committee and Control Interno."""
    return _active(user) and (user.is_superuser or _in_group(user, GEL_COMMITTEE, INTERNAL_CONTROL))


def can_edit_action_plan(user):
    """Change the plan's actions and record the progress of their activities (Artículo 6)."""
    return is_gel_committee(user)


def can_view_action_plan(user):
    """Follow the plan's progress (Artículo 7): the committee and Control Interno."""
    return can_view_self_assessment(user)


class SelfAssessmentPermissionPolicy(ModelPermissionPolicy):
    """The GEL snippets ask the named predicates instead of raw permissions."""

    def user_has_permission(self, user, action):
        if action == "view":
            return can_view_self_assessment(user)
        if action in ("add", "change", "delete"):
            return can_edit_self_assessment(user)
        return False

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        groups = [GEL_COMMITTEE] + ([INTERNAL_CONTROL] if "view" in actions else [])
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name__in=groups), is_active=True)
            .distinct()
        )


class SnapshotPermissionPolicy(SelfAssessmentPermissionPolicy):
    """Snapshots are taken by ``take_snapshot`` (command or the committee's button) and
    never edited; the committee may delete one taken by mistake."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


class ActionPlanPermissionPolicy(SelfAssessmentPermissionPolicy):
    """Actions and activities: the committee edits, Control Interno reads."""

    def user_has_permission(self, user, action):
        if action == "view":
            return can_view_action_plan(user)
        if action in ("add", "change", "delete"):
            return can_edit_action_plan(user)
        return False
