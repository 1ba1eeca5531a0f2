import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='EntitySettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('entity_name', models.CharField(default='Alcaldía de Soacha', max_length=200, verbose_name='entity name')),
                ('address', models.CharField(default='Calle 13 No. 7-30, Soacha, Cundinamarca', max_length=255, verbose_name='address')),
                ('postal_code', models.CharField(blank=True, default='250051', max_length=20, verbose_name='postal code')),
                ('phone', models.CharField(blank=True, max_length=100, verbose_name='switchboard phone')),
                ('toll_free_phone', models.CharField(blank=True, max_length=100, verbose_name='toll-free line')),
                ('anticorruption_phone', models.CharField(blank=True, max_length=100, verbose_name='anti-corruption line')),
                ('fax', models.CharField(blank=True, max_length=100, verbose_name='fax')),
                ('opening_hours', models.CharField(blank=True, help_text='For example: Monday to Friday, 8:00 a.m. to 5:00 p.m.', max_length=255, verbose_name='opening hours')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact email')),
                ('judicial_notifications_email', models.EmailField(blank=True, max_length=254, verbose_name='email for judicial notifications')),
                ('facebook_url', models.URLField(blank=True, verbose_name='Facebook')),
                ('x_url', models.URLField(blank=True, verbose_name='X (Twitter)')),
                ('youtube_url', models.URLField(blank=True, verbose_name='YouTube')),
                ('accessibility_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='accessibility statement')),
                ('copyright_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='copyright policy')),
                ('privacy_policy_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='privacy and data-treatment policy')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                ('terms_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='terms and conditions')),
            ],
            options={
                'verbose_name': 'entity data',
            },
        ),
    ]

