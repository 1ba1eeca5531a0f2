"""The portal's roles (DESIGN.md, "Who uses it") as Django groups.

Kept as data so a data migration creates them on every fresh install and tests can
read the same definition. Each later app adds its own permissions to these groups in
its own migration. Page and collection permissions are granted on the tree roots so
they cover every site; an administrator can narrow an author group to one section by
copying it in the admin."""

AUTHORS = "Autores"
EDITORS = "Editores"
MODERATORS = "Moderadores"
PQR_OFFICERS = "Funcionarios PQRSD"
INTERNAL_CONTROL = "Control Interno"

# Group names are data (shown as-is in the admin), in Spanish like the institution.
STAFF_GROUPS = [AUTHORS, EDITORS, MODERATORS, PQR_OFFICERS, INTERNAL_CONTROL]

WORKFLOW_NAME = "Aprobación editorial"
WORKFLOW_TASK_NAME = "Aprobación del editor"

#: codenames granted on the root page, per group
PAGE_PERMISSIONS = {
    AUTHORS: ["add_page", "change_page"],
    EDITORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}

#: (app_label, model) -> actions, granted on the root collection
COLLECTION_PERMISSIONS = {
    # "add" lets authors edit what they uploaded, never others' files (private
    # collections included); editors change everything.
    AUTHORS: {
        ("wagtaildocs", "document"): ["add", "choose"],
        ("wagtailimages", "image"): ["add", "choose"],
    },
    EDITORS: {
        ("wagtaildocs", "document"): ["add", "change", "delete", "choose"],
        ("wagtailimages", "image"): ["add", "change", "delete", "choose"],
    },
}

#: model permissions: (app_label, model, codename)
MODEL_PERMISSIONS = {
    AUTHORS: [("wagtailadmin", "admin", "access_admin")],
    EDITORS: [
        ("wagtailadmin", "admin", "access_admin"),
        ("wagtailredirects", "redirect", "add_redirect"),
        ("wagtailredirects", "redirect", "change_redirect"),
        ("wagtailredirects", "redirect", "delete_redirect"),
        ("wagtailsearchpromotions", "searchpromotion", "add_searchpromotion"),
        ("wagtailsearchpromotions", "searchpromotion", "change_searchpromotion"),
        ("wagtailsearchpromotions", "searchpromotion", "delete_searchpromotion"),
    ],
    MODERATORS: [
        ("wagtailadmin", "admin", "access_admin"),
        ("django_comments", "comment", "can_moderate"),
        ("django_comments", "comment", "change_comment"),
        ("django_comments", "comment", "view_comment"),
    ],
    PQR_OFFICERS: [("wagtailadmin", "admin", "access_admin")],
    INTERNAL_CONTROL: [("wagtailadmin", "admin", "access_admin")],
}


def _permission(apps, app_label, model, codename):
    """Fetch a permission, creating it (and its content type) when migrations run
    before post_migrate has created them, as on a fresh database."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def create_roles(apps, schema_editor=None):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in STAFF_GROUPS}

    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page=root_page,
                permission=_permission(apps, "wagtailcore", "page", codename),
            )
    for name, models in COLLECTION_PERMISSIONS.items():
        for (app_label, model), actions in models.items():
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name],
                    collection=root_collection,
                    permission=_permission(apps, app_label, model, f"{action}_{model}"),
                )
    for name, perms in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*(_permission(apps, *perm) for perm in perms))

    # Wagtail's first migration creates English "Editors"/"Moderators" groups that would
    # duplicate ours; drop them on a fresh install (never when someone belongs to them).
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()
    _create_workflow(apps, groups[EDITORS], root_page)


def _create_workflow(apps, editors, root_page):
    """'Aprobación editorial': one group-approval task for the editors, assigned to the
    root so every page goes through it. Authors submit; editors approve or reject."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=WORKFLOW_TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([editors])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    # Wagtail's default "Moderators approval" workflow lost its group and its page
    # assignment above: deactivate it (never delete; past workflow states refer to it).
    GroupApprovalTask.objects.exclude(pk=task.pk).filter(groups__isnull=True).update(active=False)
    Workflow.objects.exclude(pk=workflow.pk).filter(workflow_pages__isnull=True).update(
        active=False
    )
