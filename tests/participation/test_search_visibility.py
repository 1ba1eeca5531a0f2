"""Site search never serves what moderation hides: a held or hidden debate is not a
result, and comments (hidden or not) are not indexed at all."""

import pytest

from participation import contributions, moderation
from participation.models import DebateHold

pytestmark = pytest.mark.django_db


def search(client, query):
    response = client.get("/es/buscar/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_a_held_debate_leaves_the_results_and_comes_back_when_restored(client, debate, moderator):
    debate.question = "¿Dónde instalar bicicleteros zarzamora?"
    debate.save_revision().publish()
    assert debate.title in search(client, "zarzamora")
    DebateHold.objects.create(debate=debate, status=DebateHold.HELD)
    assert debate.title not in search(client, "zarzamora")
    moderation.restore_debate(debate, moderator)
    assert debate.title in search(client, "zarzamora")


def test_hidden_comment_text_is_not_searchable(client, debate, citizen, moderator):
    comment = contributions.post_comment(citizen, debate, "Texto ofensivo frambuesa", "es")
    moderation.hide_comment(comment, moderator, "offensive")
    html = search(client, "frambuesa")
    assert "Texto ofensivo" not in html and debate.title not in html


def test_no_comment_feed_or_json_endpoint_is_mounted():
    """django-comments and django-comments-xtd ship feeds, JSON APIs and post views that
    know nothing of the portal's moderation: none of them is reachable."""
    from tests.url_inventory import inventory

    mounted = [r.route for r in inventory() if r.view.startswith(("django_comments", "rest_"))]
    assert mounted == []
