"""Role-matrix rows of participation's public routes (harness: tests/role_matrix.py)."""

MATRIX_PUBLIC = {
    # An unknown token: the same answer for everyone (no sign-in needed, none helps).
    "<lang>/participacion/seguimiento/cancelar/<uuid:token>/": (
        lambda d: "/es/participacion/seguimiento/cancelar/00000000-0000-0000-0000-000000000000/",
        ("404",) * 8,
    ),
}
