"""Consultation routes: matrix (being built)."""

from participation.routes import handles  # noqa: F401
