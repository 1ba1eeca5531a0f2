"""Authors add documents and images and edit the ones they uploaded, as the README's
Roles table says; they no longer hold "change" on the root collection, which let them
edit (replace the file of, or move out of its restricted collection) any document,
including those of private collections. Editors keep full control."""

from django.db import migrations

from cms.roles import AUTHORS

REVOKED = [("wagtaildocs", "document", "change_document"), ("wagtailimages", "image", "change_image")]


def revoke(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for app_label, model, codename in REVOKED:
        GroupCollectionPermission.objects.filter(
            group__name=AUTHORS,
            permission__content_type__app_label=app_label,
            permission__codename=codename,
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_create_audiences"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
