"""A consent record (cms.Consent, policy version 1) for every petition filed with the
consent before consent records existed; the case's own date stays as it was."""

from django.db import migrations


def record(apps, schema_editor):
    Case = apps.get_model("pqr", "Case")
    Consent = apps.get_model("cms", "Consent")
    DataPolicyVersion = apps.get_model("cms", "DataPolicyVersion")
    ContentType = apps.get_model("contenttypes", "ContentType")
    version = DataPolicyVersion.objects.get(number=1)
    case_type, _ = ContentType.objects.get_or_create(app_label="pqr", model="case")
    covered = Consent.objects.filter(content_type=case_type).values("object_id")
    rows = (
        Case.objects.filter(consent_at__isnull=False)
        .exclude(pk__in=covered)
        .values_list("pk", "user_id", "email", "consent_at")
    )
    Consent.objects.bulk_create(
        Consent(
            user_id=user_id,
            email=(email or "").lower(),
            policy_version=version,
            purpose="petition",
            channel="earlier",
            given_at=given_at,
            content_type=case_type,
            object_id=pk,
        )
        for pk, user_id, email, given_at in rows.iterator()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pqr", "0007_dependency_in_cms"),
        ("cms", "0012_data_policy_and_consents"),
    ]

    operations = [migrations.RunPython(record, migrations.RunPython.noop)]
