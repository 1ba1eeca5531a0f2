"""Consultation routes: results (being built)."""

from participation.routes import handles  # noqa: F401
