from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Dependency


class DependencyViewSet(SnippetViewSet):
    model = Dependency
    icon = "group"
    menu_label = "Dependencias"
    list_display = ["name", "parent"]
    search_fields = ["name"]


register_snippet(DependencyViewSet)
