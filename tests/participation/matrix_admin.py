"""Role-matrix rows of participation's admin routes (harness: tests/role_matrix.py)."""

MATRIX_ADMIN = {}
