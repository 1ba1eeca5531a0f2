"""The data-treatment policy's versions and the consent records. Version 1 is the
portal's standard policy (cms/data/data_policy_v1.json, the text the demo shows too),
in force since 2026-01-01, so every form can record consent from the first day and the
consents given before this migration can be recorded against it (each app's own
migration does that). Editors edit the policy; Control Interno audits the consents."""

import datetime
import json
from pathlib import Path


import django.db.models.deletion
import django.utils.timezone
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


VERSION_1 = Path(__file__).resolve().parent.parent / "data" / "data_policy_v1.json"

#: group -> permission codenames
GRANTS = {
    "Editores": [
        ("datapolicyversion", "add_datapolicyversion"),
        ("datapolicyversion", "change_datapolicyversion"),
        ("datapolicyversion", "delete_datapolicyversion"),
        ("datapolicyversion", "view_datapolicyversion"),
    ],
    "Control Interno": [("consent", "view_consent")],
}


def create_version_1(apps, schema_editor):
    DataPolicyVersion = apps.get_model("cms", "DataPolicyVersion")
    if not DataPolicyVersion.objects.filter(number=1).exists():
        texts = json.loads(VERSION_1.read_text(encoding="utf-8"))
        DataPolicyVersion.objects.create(
            number=1,
            effective_from=datetime.date(2026, 1, 1),
            text_es=texts["es"],
            text_en=texts["en"],
        )


def grant(apps, schema_editor):
    from cms.roles import _permission

    Group = apps.get_model("auth", "Group")
    for name, perms in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(_permission(apps, "cms", model, code) for model, code in perms))


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0011_account_preferences'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='DataPolicyVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(editable=False, unique=True, verbose_name='version')),
                ('effective_from', models.DateField(help_text='The day this text takes effect (today or later). From that day it can no longer be changed: a new text is a new version.', verbose_name='effective from')),
                ('text_es', wagtail.fields.RichTextField(verbose_name='text in Spanish')),
                ('text_en', wagtail.fields.RichTextField(blank=True, help_text='When empty, English pages show the Spanish text.', verbose_name='text in English')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'verbose_name': 'data-treatment policy version',
                'verbose_name_plural': 'data-treatment policy versions',
                'ordering': ['-number'],
            },
        ),
        migrations.CreateModel(
            name='Consent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                ('purpose', models.CharField(choices=[('account', 'User account'), ('petition', 'Petition (PQRSD)'), ('subscription', 'E-mail subscription'), ('comuna', 'Comuna or corregimiento')], max_length=20, verbose_name='purpose')),
                ('channel', models.CharField(choices=[('signup', 'Sign-up form'), ('pqrsd_web', 'PQRSD form on the portal'), ('pqrsd_office', 'PQRSD received in person or by telephone'), ('subscription', 'Subscription form'), ('profile', 'Participant profile form'), ('earlier', 'Given before consent records existed')], max_length=20, verbose_name='channel')),
                ('given_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='given at')),
                ('withdrawn_at', models.DateTimeField(blank=True, null=True, verbose_name='withdrawn at')),
                ('object_id', models.PositiveBigIntegerField(blank=True, null=True)),
                ('content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='contenttypes.contenttype')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='consents', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                ('policy_version', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='consents', to='cms.datapolicyversion', verbose_name='policy version')),
            ],
            options={
                'verbose_name': 'consent record',
                'verbose_name_plural': 'consent records',
                'ordering': ['-given_at', '-pk'],
                'indexes': [models.Index(fields=['content_type', 'object_id'], name='consent_covers_idx'), models.Index(fields=['user', 'purpose'], name='consent_user_purpose_idx')],
            },
        ),
        migrations.RunPython(create_version_1, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
