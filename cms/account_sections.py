"""The sections of "Mi cuenta", contributed by the apps without the account page naming
them: pqr adds "Mis peticiones", surveys "Mis encuestas", participation the citizen's
debates, comments and consultations, and so on. An app registers its section in
``AppConfig.ready``::

    from cms.account_sections import AccountSection, register_account_section

    register_account_section(
        AccountSection(
            key="petitions",
            title=_("My petitions"),
            template="pqr/account/section.html",
            get_context=petitions_for_account,  # (request) -> dict, bounded queries
            order=20,
        )
    )

The account page (``cms.accounts.my_account``, ``/<lang>/mi-cuenta/``) renders every
registered section, in ``order``, under an ``<h2>`` of its ``title``: its template gets the
page's context (``request``, ``user``) plus what ``get_context(request)`` returns, as
``section`` (so ``{{ section.cases }}``); headings inside a section start at ``<h3>``.
A section whose ``get_context`` returns ``None`` is left out (e.g. a staff-only section
for a citizen). The subscriptions section (e-mail lists with double opt-in) registers
here the same way once that app exists."""

from collections.abc import Callable
from dataclasses import dataclass

SECTIONS = {}


@dataclass(frozen=True)
class AccountSection:
    key: str
    title: str
    template: str
    get_context: Callable
    order: int = 50


def register_account_section(section):
    """Add (or replace, by key) a section of the account page."""
    SECTIONS[section.key] = section


def account_sections():
    """The registered sections, in display order."""
    return sorted(SECTIONS.values(), key=lambda section: (section.order, section.key))
