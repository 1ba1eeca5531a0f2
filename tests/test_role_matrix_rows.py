"""Every URL of the portal has its row in the role matrix of the app it belongs to.

Collects ``MATRIX`` from each app's tests/<app>/test_role_matrix.py and fails, naming
the file where the row goes, for a pattern of tests/url_inventory.py without one; also
for a row in another app's file, in two files, or for a route that no longer exists."""

from importlib import import_module

import pytest

from tests.role_matrix import MATRIX_APPS, matrix_file, owner_app
from tests.url_inventory import inventory


def test_every_inventory_route_has_a_row_in_its_apps_matrix():
    tables = {app: import_module(f"tests.{app}.test_role_matrix").MATRIX for app in MATRIX_APPS}
    routes = inventory()
    problems = []
    for route in routes:
        app = owner_app(route)
        holders = [name for name, table in tables.items() if route.route in table]
        where = f"{route.route}  ({route.name}, {route.view})"
        if app not in MATRIX_APPS:
            problems.append(
                f"{where}: no row; create {matrix_file(app)} with a MATRIX and add "
                f"{app!r} to MATRIX_APPS in tests/role_matrix.py"
            )
        elif holders != [app]:
            others = ", ".join(matrix_file(name) for name in holders if name != app)
            verb = "keep its row only in" if app in holders else "add its row to"
            problems.append(
                f"{where}: {verb} {matrix_file(app)}" + (f" (not {others})" if others else "")
            )
    known = {route.route for route in routes}
    for name, table in tables.items():
        problems += [
            f"{route}: no such URL any more; remove its row from {matrix_file(name)}"
            for route in table
            if route not in known
        ]
    if problems:
        pytest.fail("\n".join(problems))
