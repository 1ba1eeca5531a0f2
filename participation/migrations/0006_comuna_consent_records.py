"""A consent record (cms.Consent, policy version 1) for every comuna given before
consent records existed; ``comuna_consent_at`` stays as it was."""

from django.db import migrations


def record(apps, schema_editor):
    Profile = apps.get_model("participation", "Profile")
    Consent = apps.get_model("cms", "Consent")
    DataPolicyVersion = apps.get_model("cms", "DataPolicyVersion")
    ContentType = apps.get_model("contenttypes", "ContentType")
    version = DataPolicyVersion.objects.get(number=1)
    kind, _ = ContentType.objects.get_or_create(app_label="participation", model="profile")
    covered = Consent.objects.filter(content_type=kind).values("object_id")
    rows = (
        Profile.objects.filter(comuna_consent_at__isnull=False)
        .exclude(comuna="")
        .exclude(pk__in=covered)
        .values_list("pk", "user_id", "comuna_consent_at")
    )
    Consent.objects.bulk_create(
        Consent(
            user_id=user_id,
            policy_version=version,
            purpose="comuna",
            channel="earlier",
            given_at=given_at,
            content_type=kind,
            object_id=pk,
        )
        for pk, user_id, given_at in rows.iterator()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0005_notification_matrix"),
        ("cms", "0012_data_policy_and_consents"),
    ]

    operations = [migrations.RunPython(record, migrations.RunPython.noop)]
