"""Many clients submitting one survey at once (shared by the PostgreSQL test and the
SQLite subprocess test)."""

import random
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection
from django.test import Client

VALID = {"q_q-multi": ["m-1", "m-2", "m-3"], "q_q-scale": "7", "action": "send"}


def sessions_for(users):
    """A logged-in session cookie per user (logging in is not what is measured)."""
    cookies = []
    for user in users:
        client = Client()
        client.force_login(user)
        cookies.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    return cookies


def submit(url, session, n, data):
    client = Client(
        raise_request_exception=False,
        REMOTE_ADDR=f"10.0.{n // 250}.{n % 250}",
        HTTP_HOST="localhost",
    )
    client.cookies[settings.SESSION_COOKIE_NAME] = session
    try:
        response = client.post(url, {"state": "", **data})
        return response.status_code, response.content[:2000]
    except Exception as error:  # noqa: BLE001 - reported, so the test shows every failure
        return 599, repr(error).encode()
    finally:
        connection.close()


def hammer(url, sessions, per_user=10, workers=25, data_for=None):
    """POST ``per_user`` answers for every session, in random order, from a pool."""
    tasks = [(n, session) for n, session in enumerate(sessions) for _ in range(per_user)]
    random.Random(6).shuffle(tasks)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [
            pool.submit(submit, url, session, n, data_for(i) if data_for else VALID)
            for i, (n, session) in enumerate(tasks)
        ]
        return [future.result() for future in futures]
