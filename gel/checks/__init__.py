"""The automatic evaluations of the GEL criteria: one named check per criterion.

``base`` holds the result types, the registry and the site context the checks share;
``mapped`` turns the phases' evidence files (information, democracy) into checks;
``features`` holds the checks of the interaction, transaction and transformation
phases. Importing this package registers them all."""

from . import features, mapped  # noqa: F401  (registration)
from .base import CHECKS, MET, NOT_MET, PARTLY, Check, Evidence, Result, SiteContext

__all__ = ["CHECKS", "MET", "NOT_MET", "PARTLY", "Check", "Evidence", "Result", "SiteContext"]
