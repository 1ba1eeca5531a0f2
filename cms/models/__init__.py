"""Models every app shares: the user, the entity's site settings and the base page."""

from .pages import BasePage
from .settings import EntitySettings
from .users import User

__all__ = ["BasePage", "EntitySettings", "User"]
