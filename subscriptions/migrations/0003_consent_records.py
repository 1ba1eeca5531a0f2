"""A consent record (cms.Consent, policy version 1) for every subscription made before
consent records existed; ``consent_at`` stays as it was."""

from django.db import migrations


def record(apps, schema_editor):
    Subscription = apps.get_model("subscriptions", "Subscription")
    Consent = apps.get_model("cms", "Consent")
    DataPolicyVersion = apps.get_model("cms", "DataPolicyVersion")
    ContentType = apps.get_model("contenttypes", "ContentType")
    version = DataPolicyVersion.objects.get(number=1)
    kind, _ = ContentType.objects.get_or_create(app_label="subscriptions", model="subscription")
    covered = Consent.objects.filter(content_type=kind).values("object_id")
    rows = Subscription.objects.exclude(pk__in=covered).values_list(
        "pk", "user_id", "email", "consent_at"
    )
    Consent.objects.bulk_create(
        Consent(
            user_id=user_id,
            email=email,
            policy_version=version,
            purpose="subscription",
            channel="earlier",
            given_at=given_at,
            content_type=kind,
            object_id=pk,
        )
        for pk, user_id, email, given_at in rows.iterator()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0002_editors_report"),
        ("cms", "0012_data_policy_and_consents"),
    ]

    operations = [migrations.RunPython(record, migrations.RunPython.noop)]
