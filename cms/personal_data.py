"""What each app holds about a citizen's account, for "download my data" and "delete
my account" (Ley 1581 de 2012), contributed by the apps without the account code naming
them, like the sections of "Mi cuenta" (``cms.account_sections``). An app registers its
handler in ``AppConfig.ready``::

    from cms.personal_data import PersonalDataHandler, register_personal_data

    register_personal_data(
        PersonalDataHandler(
            key="petitions",
            export=export_petitions,  # (user) -> {"petitions": [row, ...], ...}
            erase=erase_petitions,  # (user) -> None, inside the deletion's transaction
            order=20,
        )
    )

``export(user)`` returns tables: a name (the file name in the ZIP, ``<name>.json`` and
``<name>.csv``) mapped to a list of flat dicts (str, int, float, bool, None, or ISO
dates). ``erase(user)`` removes or anonymises what the app holds about the user before
the account row itself is deleted: public contributions stay, shown as "Participante
eliminado"; records the law requires to keep (PQRSD) are detached and stripped of what is
not required. Either may be ``None``.

The handlers are read by ``cms.data_exports`` ("download my data": every table as
JSON and CSV in one ZIP) and ``cms.account_deletion`` ("delete my account": every
``erase`` and the user's deletion in one transaction). Registered today: account
(cms: profile, addresses, two-factor methods, preferences, exports), petitions (pqr),
surveys, participation, subscriptions and consents."""

from collections.abc import Callable
from dataclasses import dataclass

HANDLERS = {}


@dataclass(frozen=True)
class PersonalDataHandler:
    key: str
    export: Callable | None = None
    erase: Callable | None = None
    order: int = 50


def register_personal_data(handler):
    """Add (or replace, by key) an app's personal-data handler."""
    HANDLERS[handler.key] = handler


def personal_data_handlers():
    """The registered handlers, in order."""
    return sorted(HANDLERS.values(), key=lambda handler: (handler.order, handler.key))
