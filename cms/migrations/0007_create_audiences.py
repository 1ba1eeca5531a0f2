from django.db import migrations

AUDIENCES = ["ninos", "mujeres", "discapacidad", "victimas", "adultos-mayores"]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("cms", "Audience")
    for slug in AUDIENCES:
        Audience.objects.get_or_create(slug=slug)


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_audience")]

    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
