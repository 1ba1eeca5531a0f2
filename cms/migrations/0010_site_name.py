"""django.contrib.sites' Site gets the portal's name and host (SITE_NAME and
PORTAL_BASE_URL), so allauth's e-mails greet from the Alcaldía, not "example.com"."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations


def name_the_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    domain = urlsplit(settings.PORTAL_BASE_URL).netloc or "localhost"
    site = Site.objects.filter(pk=settings.SITE_ID).first()
    if site is None:
        Site.objects.create(pk=settings.SITE_ID, name=settings.SITE_NAME, domain=domain)
    elif site.domain == "example.com":
        site.name = settings.SITE_NAME
        site.domain = domain
        site.save()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0009_dependency"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(name_the_site, migrations.RunPython.noop)]
