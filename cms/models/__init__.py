"""Models every app shares: the user, the entity's site settings and the base page."""

from .audiences import AUDIENCE_CHOICES, Audience
from .pages import BasePage
from .settings import EntitySettings
from .users import User

__all__ = ["AUDIENCE_CHOICES", "Audience", "BasePage", "EntitySettings", "User"]
