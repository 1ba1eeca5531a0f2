"""The entity settings' texts get a field per language (the name and opening hours kept
so far are Spanish: renamed to ``entity_name_es`` and ``opening_hours_es``, not copied),
and the entity a logo with its text alternative in each language."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0009_dependency"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RenameField(
            model_name="entitysettings",
            old_name="entity_name",
            new_name="entity_name_es",
        ),
        migrations.AlterField(
            model_name="entitysettings",
            name="entity_name_es",
            field=models.CharField(
                default="Alcaldía de Soacha", max_length=200, verbose_name="entity name in Spanish"
            ),
        ),
        migrations.AddField(
            model_name="entitysettings",
            name="entity_name_en",
            field=models.CharField(
                blank=True,
                help_text=(
                    "For example: Soacha City Hall. When empty, English pages show the Spanish"
                    " name."
                ),
                max_length=200,
                verbose_name="entity name in English",
            ),
        ),
        migrations.RenameField(
            model_name="entitysettings",
            old_name="opening_hours",
            new_name="opening_hours_es",
        ),
        migrations.AlterField(
            model_name="entitysettings",
            name="opening_hours_es",
            field=models.CharField(
                blank=True,
                help_text="For example: Lunes a viernes de 8:00 a. m. a 5:00 p. m.",
                max_length=255,
                verbose_name="opening hours in Spanish",
            ),
        ),
        migrations.AddField(
            model_name="entitysettings",
            name="opening_hours_en",
            field=models.CharField(
                blank=True,
                help_text=(
                    "For example: Monday to Friday, 8:00 a.m. to 5:00 p.m. When empty, English"
                    " pages show the Spanish text."
                ),
                max_length=255,
                verbose_name="opening hours in English",
            ),
        ),
        migrations.AddField(
            model_name="entitysettings",
            name="logo",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "Shown next to the entity name at the top of every page, as uploaded: an"
                    " image about 200 pixels tall is enough."
                ),
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailimages.image",
                verbose_name="logo or coat of arms",
            ),
        ),
        migrations.AddField(
            model_name="entitysettings",
            name="logo_alt_text_es",
            field=models.CharField(
                blank=True,
                help_text="What the logo shows, for example: Escudo de Soacha.",
                max_length=255,
                verbose_name="text alternative of the logo in Spanish",
            ),
        ),
        migrations.AddField(
            model_name="entitysettings",
            name="logo_alt_text_en",
            field=models.CharField(
                blank=True,
                help_text=(
                    "For example: Coat of arms of Soacha. When empty, English pages use the"
                    " Spanish text."
                ),
                max_length=255,
                verbose_name="text alternative of the logo in English",
            ),
        ),
    ]
