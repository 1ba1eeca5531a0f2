"""Admin wiring: the transparency snippets under one "Transparency" menu group."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Dependency, InterestGroup, OtherEntity, PublicOfficial


class DependencyViewSet(SnippetViewSet):
    model = Dependency
    icon = "group"
    menu_label = _("Dependencies")
    list_display = ["name", "acronym", "parent"]
    list_filter = ["locale"]
    search_fields = ["name", "acronym"]


class PublicOfficialViewSet(SnippetViewSet):
    model = PublicOfficial
    icon = "user"
    menu_label = _("Public officials")
    list_display = ["name", "position", "dependency"]
    list_filter = ["locale", "dependency"]
    search_fields = ["name", "position"]


class OtherEntityViewSet(SnippetViewSet):
    model = OtherEntity
    icon = "site"
    menu_label = _("Entities")
    list_display = ["name", "kind"]
    list_filter = ["locale", "kind"]
    search_fields = ["name"]


class InterestGroupViewSet(SnippetViewSet):
    model = InterestGroup
    icon = "group"
    menu_label = _("Interest groups")
    list_display = ["name", "kind"]
    list_filter = ["locale", "kind"]
    search_fields = ["name"]


class TransparencyViewSetGroup(SnippetViewSetGroup):
    items = (DependencyViewSet, PublicOfficialViewSet, OtherEntityViewSet, InterestGroupViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Transparency")
    menu_name = "transparency"


register_snippet(TransparencyViewSetGroup)
