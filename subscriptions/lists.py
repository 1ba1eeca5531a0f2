"""The lists a visitor may subscribe to, and which page types feed them.

Subscriptions sits below home and participation (import-linter layers): it never
imports their models. Each of those apps *registers* its publishable page types here
(``register(NewsPage, NEWS)`` in its ``AppConfig.ready``); when a registered page is
first published, the matching subscribers are notified (services.page_first_published).
"""

from django.utils.translation import gettext_lazy as _

NEWS = "news"
EVENTS = "events"
PARTICIPATION = "participation"

#: list key -> label (the order of the subscription form)
LISTS = {
    NEWS: _("News"),
    EVENTS: _("Events"),
    PARTICIPATION: _("New public consultations and debates"),
}
CHOICES = list(LISTS.items())

#: the lists of ONE process (a consultation or a debate): the subscription names the page
PROCESS = "process"
RESULTS = "results"
PROCESS_LISTS = {
    PROCESS: _("News of this process, including its results"),
    RESULTS: _("Only the results of this process"),
}
ALL_LISTS = {**LISTS, **PROCESS_LISTS}
#: the editors' report names the process lists by what they hold, all processes together
REPORT_LISTS = {
    **LISTS,
    PROCESS: _("One consultation or debate: its news and results"),
    RESULTS: _("One consultation or debate: only its results"),
}
ALL_CHOICES = list(ALL_LISTS.items())

_registry = {}
_processes = set()


def register(model, list_key):
    """Notify the subscribers of ``list_key`` when a ``model`` page is first published.
    A page with a ``dependency_id`` also reaches the subscribers of that dependency."""
    if list_key not in LISTS:
        raise ValueError(f"Unknown subscription list {list_key!r}")
    _registry[model] = list_key


def list_for(page):
    """The list a published page feeds, or None."""
    return _registry.get(type(page))


def models_for(list_key):
    """The page models registered to feed ``list_key``."""
    return [model for model, key in _registry.items() if key == list_key]


def register_process(model):
    """Let visitors subscribe to the news and results of one ``model`` page; the app
    that owns it announces them (services.announce_process)."""
    _processes.add(model)


def is_process(page):
    """True when ``page`` (specific) takes subscriptions to its own news and results."""
    return type(page) in _processes


def lists_for_event(list_key):
    """The process lists an announcement reaches: news reaches the news list only,
    results reach both."""
    return [PROCESS, RESULTS] if list_key == RESULTS else [PROCESS]
