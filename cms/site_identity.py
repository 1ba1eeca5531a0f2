"""django.contrib.sites' Site carries the portal's name and host (SITE_NAME and
PORTAL_BASE_URL), so allauth's e-mails greet from the Alcaldía, not "example.com".

Django creates the "example.com" Site after every migrate and every flush (tests), in
a post_migrate receiver that may run after this one: ``name_default_site`` (after each
app's post_migrate) creates it first when missing, then renames it, once."""

from urllib.parse import urlsplit

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.sites.management import create_default_site
from django.db import DEFAULT_DB_ALIAS


def name_default_site(using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    try:
        Site = apps.get_model("sites", "Site")
    except LookupError:
        return
    create_default_site(None, verbosity=0, using=using, apps=apps)
    domain = urlsplit(settings.PORTAL_BASE_URL).netloc or "localhost"
    renamed = (
        Site.objects.using(using)
        .filter(domain="example.com")
        .update(name=settings.SITE_NAME, domain=domain)
    )
    if renamed:
        from django.contrib.sites.models import Site as LiveSite

        LiveSite.objects.clear_cache()
