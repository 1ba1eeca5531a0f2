"""Consultation routes: consultations (being built)."""

from participation.routes import handles  # noqa: F401
