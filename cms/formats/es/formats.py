"""Spanish pages use Colombian formats (Django's es_CO module)."""

from django.conf.locale.es_CO.formats import *  # noqa: F403
