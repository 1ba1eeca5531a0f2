"""Admin wiring: the transparency snippets under one "Transparency" menu group (the
locale filter is added by Wagtail itself for translatable snippets)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import Dependency

from .models import InterestGroup, OtherEntity, PublicOfficial


class DependencyViewSet(SnippetViewSet):
    model = Dependency
    icon = "group"
    menu_label = _("Dependencies")
    list_display = ["name", "acronym", "parent"]
    search_fields = ["name", "acronym"]


class PublicOfficialViewSet(SnippetViewSet):
    model = PublicOfficial
    icon = "user"
    menu_label = _("Public officials")
    list_display = ["name", "position", "dependency"]
    list_filter = ["dependency"]
    search_fields = ["name", "position"]


class OtherEntityViewSet(SnippetViewSet):
    model = OtherEntity
    icon = "site"
    menu_label = _("Entities")
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


class InterestGroupViewSet(SnippetViewSet):
    model = InterestGroup
    icon = "group"
    menu_label = _("Interest groups")
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


class TransparencyViewSetGroup(SnippetViewSetGroup):
    items = (DependencyViewSet, PublicOfficialViewSet, OtherEntityViewSet, InterestGroupViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Transparency")
    menu_name = "transparency"


register_snippet(TransparencyViewSetGroup)
