"""Models every app shares: the user, the entity's site settings, the base page, the
audiences and the dependencies (the organisation chart everything is filed under)."""

from .audiences import AUDIENCE_CHOICES, Audience
from .dependencies import Dependency
from .pages import BasePage
from .settings import EntitySettings
from .users import NotificationPreference, User

__all__ = [
    "AUDIENCE_CHOICES",
    "Audience",
    "BasePage",
    "Dependency",
    "EntitySettings",
    "NotificationPreference",
    "User",
]
