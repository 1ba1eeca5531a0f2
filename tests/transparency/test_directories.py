"""Directories: only Ley 1712 art. 9 fields of public officials are stored or shown;
filters by dependency and search by name."""

import pytest

from transparency.models import DirectoryPage, PublicOfficial

pytestmark = pytest.mark.django_db

#: Ley 1712 art. 9 (c) plus what any row needs (id, order, translation bookkeeping).
ALLOWED_FIELDS = {
    "id",
    "translation_key",
    "locale",
    "sort_order",
    "name",
    "position",
    "dependency",
    "email",
    "phone",
    "salary_scale",
}


def test_official_model_has_only_the_public_fields():
    """No ID number, address, personal phone, birth date or photo field exists at all."""
    fields = {f.name for f in PublicOfficial._meta.get_fields() if f.concrete}
    assert fields == ALLOWED_FIELDS
    assert set(PublicOfficial.PUBLIC_FIELDS) <= fields


def test_directory_page_shows_only_the_public_fields(client, demo_site):
    """The rendered directory has exactly the six art. 9 columns and each value."""
    page = DirectoryPage.objects.get(directory="officials", locale__language_code="es")
    html = client.get(page.url).content.decode()
    table = html[html.index("<table") : html.index("</table>")]
    headers = [h.split(">", 1)[1] for h in table.split("</th>") if 'scope="col"' in h]
    assert [h.split(">")[-1] for h in headers] == [
        "Nombre",
        "Cargo",
        "Dependencia",
        "Correo institucional",
        "Teléfono institucional",
        "Escala salarial",
    ]
    official = PublicOfficial.objects.filter(locale=page.locale).first()
    for value in (official.name, official.position, official.email, official.salary_scale):
        assert value in table
    for forbidden in ("cédula", "Cédula", "Dirección de residencia", "Fecha de nacimiento", "<img"):
        assert forbidden not in table


def test_filter_officials_by_dependency(client, demo_site):
    """Choosing a dependency lists only its officials."""
    page = DirectoryPage.objects.get(directory="officials", locale__language_code="es")
    official = PublicOfficial.objects.filter(
        locale=page.locale, dependency__slug="secretaria-salud"
    ).first()
    other = (
        PublicOfficial.objects.filter(locale=page.locale)
        .exclude(dependency__slug="secretaria-salud")
        .first()
    )
    html = client.get(page.url, {"dependency": official.dependency_id}).content.decode()
    assert official.name in html
    assert other.name not in html


def test_search_officials_by_name(client, demo_site):
    """Searching part of a name finds that official only."""
    page = DirectoryPage.objects.get(directory="officials", locale__language_code="es")
    html = client.get(page.url, {"q": "Saldarriaga"}).content.decode()
    assert "Juan Carlos Saldarriaga Rincón" in html
    assert "1 resultado" in html


def test_control_bodies_and_groups(client, demo_site):
    """The oversight bodies and the interest groups have their own directories."""
    control = DirectoryPage.objects.get(directory="control", locale__language_code="es")
    html = client.get(control.url).content.decode()
    assert "Contraloría Municipal de Soacha" in html and "Personería Municipal de Soacha" in html
    assert "Gobernación de Cundinamarca" not in html
    groups = DirectoryPage.objects.get(directory="groups", locale__language_code="es")
    html = client.get(groups.url, {"kind": "veeduria"}).content.decode()
    assert "Veeduría Ciudadana de Obras Públicas" in html
    assert "Asojuntas" not in html
