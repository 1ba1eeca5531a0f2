"""General pages: home, standard pages, news, events, FAQ, glossary and audiences."""

from .audiences import AudiencePage, ChildrenPage
from .events import EventIndexPage, EventPage
from .faq import FaqPage, GlossaryPage, GlossaryTerm
from .news import NewsIndexPage, NewsPage
from .pages import HomePage, StandardPage

__all__ = [
    "AudiencePage",
    "ChildrenPage",
    "EventIndexPage",
    "EventPage",
    "FaqPage",
    "GlossaryPage",
    "GlossaryTerm",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "StandardPage",
]
