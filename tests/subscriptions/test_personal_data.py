"""subscriptions' personal-data handler: the account's lists, by account or by its
address, are exported and deleted; nobody else's."""

import pytest

from subscriptions.models import Subscription
from subscriptions.personal_data import erase_subscriptions, export_subscriptions

pytestmark = pytest.mark.django_db


def test_export_and_erase_cover_the_account_and_its_address(make_user, subscribe):
    citizen = make_user("lista@test.example")
    by_account, _ = subscribe("otra-direccion@test.example", user=citizen)
    by_address, _ = subscribe("LISTA@test.example", list_key="events")
    stranger, _ = subscribe("ajeno@test.example")
    rows = export_subscriptions(citizen)["subscriptions"]
    assert sorted(row["email"] for row in rows) == [
        "lista@test.example",
        "otra-direccion@test.example",
    ]
    erase_subscriptions(citizen)
    assert not Subscription.objects.filter(pk__in=[by_account.pk, by_address.pk]).exists()
    assert Subscription.objects.filter(pk=stranger.pk).exists()
