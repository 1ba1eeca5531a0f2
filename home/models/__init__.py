"""General pages: home, standard pages, news, events, FAQ, glossary and audiences."""

from .audiences import AudiencePage, ChildrenPage
from .events import EventIndexPage, EventPage
from .faq import FaqPage, GlossaryPage, GlossaryTerm
from .news import NewsIndexPage, NewsPage
from .pages import HomePage, HomeSectionCard, StandardPage

__all__ = [
    "AudiencePage",
    "ChildrenPage",
    "EventIndexPage",
    "EventPage",
    "FaqPage",
    "GlossaryPage",
    "GlossaryTerm",
    "HomePage",
    "HomeSectionCard",
    "NewsIndexPage",
    "NewsPage",
    "StandardPage",
]
