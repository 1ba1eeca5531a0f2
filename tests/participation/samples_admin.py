"""Fuzz samples (tests/fuzz_samples.py) for participation's admin routes (reached by
a superuser; who else may see them is in matrix_admin.py)."""

STAFF_SAMPLES = {}
