"""Restricted content the demo does not have, for tests that probe access: a page
behind a password, a collection behind a password and one open to a group only, each
with a document."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from home.models import StandardPage

PASSWORD = "clave-de-la-pagina"


@dataclass
class PrivateContent:
    page: Page
    page_restriction: PageViewRestriction
    collection: Collection
    collection_restriction: CollectionViewRestriction
    document: Document
    group_collection: Collection
    group_document: Document


def _document(title, collection):
    document = Document(title=title, collection=collection)
    document.file.save(f"{title}.txt", ContentFile(b"contenido reservado"), save=False)
    document.save()
    return document


def create_private_content(site, group_name="Control Interno"):
    home = Page.objects.get(pk=site.root_page_id)
    page = home.add_child(instance=StandardPage(title="Página con clave", slug="pagina-con-clave"))
    page.save_revision().publish()
    page_restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Reservada con clave")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    group_collection = root.add_child(name="Reservada para un grupo")
    group_restriction = CollectionViewRestriction.objects.create(
        collection=group_collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    group_restriction.groups.set(Group.objects.filter(name=group_name))
    return PrivateContent(
        page=page,
        page_restriction=page_restriction,
        collection=collection,
        collection_restriction=collection_restriction,
        document=_document("acta-reservada", collection),
        group_collection=group_collection,
        group_document=_document("informe-reservado", group_collection),
    )
