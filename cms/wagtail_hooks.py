"""Admin wiring for the portal core: the data-treatment policy's versions (a snippet
editors write; a published version is read-only) and the consent records (read-only,
with filters, for the users ``cms.rules.can_view_consents`` allows)."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from cms.models import Consent, DataPolicyVersion
from cms.rules import can_view_consents


class DataPolicyPermissionPolicy(ModelPermissionPolicy):
    """The model permissions (granted to editors by cms/migrations/0012), except that
    a published version can be neither changed nor deleted."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("change", "delete") and instance.stored_is_published():
            return False
        return super().user_has_permission_for_instance(user, action, instance)


class DataPolicyEditView(EditView):
    """A published version opens read-only (its inspect page) instead of a form."""

    def dispatch(self, request, *args, **kwargs):
        if self.user_has_permission("change") and self.object.stored_is_published():
            messages.warning(
                request,
                _("A published version cannot be changed. Add a new version instead."),
            )
            return redirect(self.inspect_url_name, quote(self.object.pk))
        return super().dispatch(request, *args, **kwargs)


class DataPolicyViewSet(SnippetViewSet):
    model = DataPolicyVersion
    icon = "doc-full"
    menu_label = _("Data-treatment policy")
    url_prefix = "politica-de-datos"
    list_display = ["number", "effective_from", "created_at"]
    inspect_view_enabled = True
    inspect_view_fields = ["number", "effective_from", "text_es", "text_en", "created_at"]
    edit_view_class = DataPolicyEditView


register_permission_policy(DataPolicyVersion, DataPolicyPermissionPolicy(DataPolicyVersion))
register_snippet(DataPolicyViewSet)


class ConsentPermissionPolicy(ModelPermissionPolicy):
    """Only "view", and only for whom ``can_view_consents`` allows: nobody adds,
    changes or deletes a consent in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and can_view_consents(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


class ConsentViewSet(ModelViewSet):
    model = Consent
    icon = "clipboard-list"
    menu_label = _("Consent records")
    name = "consents"
    url_prefix = "autorizaciones-de-datos"
    add_to_settings_menu = True
    inspect_view_enabled = True
    list_display = ["given_at", "purpose", "channel", "policy_version", "user", "withdrawn_at"]
    list_filter = ["purpose", "channel", "policy_version", "given_at", "withdrawn_at"]
    search_fields = ["email", "user__email"]
    search_backend_name = None
    inspect_view_fields = [
        "purpose",
        "channel",
        "policy_version",
        "user",
        "email",
        "given_at",
        "withdrawn_at",
        "content_type",
        "object_id",
    ]
    copy_view_enabled = False
    #: required by ModelViewSet; the add and edit views refuse everyone
    form_fields = ["purpose"]

    def get_queryset(self, request):
        return Consent.objects.select_related("policy_version", "user")


register_permission_policy(Consent, ConsentPermissionPolicy(Consent))
consent_viewset = ConsentViewSet()


@hooks.register("register_admin_viewset")
def register_consent_viewset():
    return consent_viewset
