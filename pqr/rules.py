"""Who may do what with PQRSD, one named predicate per right.

Views, admin views, the attachment download, the admin menu, the closure-day snippets
(``ClosureDayPermissionPolicy``), templates and the state machine (pqr.workflow) ask
these; nothing else in pqr reads group names or permission strings. Officials work the
cases of their dependencies (or every case when their profile ``sees_all``);
superusers work every case."""

from django.contrib.auth import get_user_model

from wagtail.permission_policies import ModelPermissionPolicy

from cms.roles import PQR_OFFICERS

from .models import Case

CLOSURE_DAY_CHANGES = ("pqr.add_closureday", "pqr.change_closureday", "pqr.delete_closureday")


def is_pqr_official(user):
    """Superusers and active members of the 'Funcionarios PQRSD' group."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=PQR_OFFICERS).exists()


def official_users():
    """The officials a case can be assigned to and who get due-date reminders: the
    active members of the group (a superuser outside it is neither)."""
    return get_user_model().objects.filter(groups__name=PQR_OFFICERS, is_active=True)


def can_open_inbox(user):
    """The PQRSD inbox and its admin menu item (the list holds only ``visible_cases``)."""
    return is_pqr_official(user)


def can_file_verbal(user):
    """Record a petition received in person or by telephone (Decreto 1166)."""
    return is_pqr_official(user)


def visible_cases(user, queryset):
    """The cases of ``queryset`` an official may see: all for superusers and triage
    staff (``sees_all``), otherwise those filed under one of their dependencies; none
    for anyone else, and none for an official without a profile."""
    if user.is_superuser:
        return queryset
    if not is_pqr_official(user):
        return queryset.none()
    profile = getattr(user, "pqr_profile", None)
    if profile is None:
        return queryset.none()
    if profile.sees_all:
        return queryset
    return queryset.filter(dependency__in=profile.dependencies.all())


def can_view_case(user, case):
    """Open a case in the inbox: the petitioner's data, the whole history (internal
    notes too)."""
    return visible_cases(user, Case.objects.filter(pk=case.pk)).exists()


def can_answer_case(user, case):
    """Work a case: change its status and answer it, transfer it, ask for completion,
    assign, extend, reclassify, add internal notes. Whoever may view it."""
    return can_view_case(user, case)


def can_download_attachments(user, case):
    """Download the case's attachments (personal data): whoever may view the case.
    Everyone else gets a 404 from the download, never a hint that the file exists."""
    return can_view_case(user, case)


def can_view_closure_days(user):
    """Read the closure days (officials and superusers by default)."""
    return user.has_perm("pqr.view_closureday")


def can_manage_closure_days(user):
    """Add, change and delete closure days: they move every legal deadline, so only
    the administrator (superusers) by default."""
    return user.has_perms(CLOSURE_DAY_CHANGES)


def is_petitioner(user, case):
    """The signed-in user who filed ``case`` from their account."""
    return user.is_authenticated and case.user_id == user.pk


def can_list_own_petitions(user):
    """'My petitions': any signed-in user, who sees only their own cases."""
    return user.is_authenticated


def own_cases(user, queryset):
    """The cases of ``queryset`` that ``user`` filed from their account."""
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(user=user)


#: the user-level predicates templates may ask by name (``user|pqr_can:"file_verbal"``)
USER_RULES = {
    "open_inbox": can_open_inbox,
    "file_verbal": can_file_verbal,
    "view_closure_days": can_view_closure_days,
    "manage_closure_days": can_manage_closure_days,
    "list_own_petitions": can_list_own_petitions,
}


class ClosureDayPermissionPolicy(ModelPermissionPolicy):
    """The closure-day snippets ask the named predicates instead of raw permissions."""

    def user_has_permission(self, user, action):
        if action == "view":
            return can_view_closure_days(user)
        if action in ("add", "change", "delete"):
            return can_manage_closure_days(user)
        return super().user_has_permission(user, action)
