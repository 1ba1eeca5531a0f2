"""The moderation admin of participation (Wagtail admin, "Moderadores" and superusers):
the queue, the item pages with their decisions, bulk decisions and the blocks list.
Every decision goes through participation.moderation."""
