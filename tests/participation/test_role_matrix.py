"""Role by view for participation: debates, comments, reports, proposals, profiles and
the moderation admin (rows in matrix_public.py and matrix_admin.py)."""

import pytest

from tests.participation.matrix_admin import MATRIX_ADMIN
from tests.participation.matrix_public import MATRIX_PUBLIC
from tests.role_matrix import check_matrix

pytestmark = pytest.mark.django_db

MATRIX = {**MATRIX_PUBLIC, **MATRIX_ADMIN}


@pytest.mark.engine_neutral
def test_role_matrix(client, role_users, role_demo):
    check_matrix(client, role_users, role_demo, MATRIX)
