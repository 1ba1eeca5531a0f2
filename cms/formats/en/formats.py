"""English pages keep Django's default English formats."""

from django.conf.locale.en.formats import *  # noqa: F403
