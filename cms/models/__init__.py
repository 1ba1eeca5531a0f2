"""Models every app shares: the user, the entity's site settings, the base page, the
audiences, the dependencies (the organisation chart everything is filed under), the
data-treatment policy's versions and the consent records."""

from .audiences import AUDIENCE_CHOICES, Audience
from .consents import Consent, DataPolicyVersion, PolicyVersionLocked
from .data_exports import DataExport
from .dependencies import Dependency
from .pages import BasePage, with_introductions
from .settings import EntitySettings
from .users import NotificationPreference, User

__all__ = [
    "AUDIENCE_CHOICES",
    "Audience",
    "BasePage",
    "with_introductions",
    "Consent",
    "DataExport",
    "DataPolicyVersion",
    "Dependency",
    "EntitySettings",
    "NotificationPreference",
    "PolicyVersionLocked",
    "User",
]
