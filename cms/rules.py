"""Who may do what with the portal core's own records, one named predicate per right."""

CONSENT_VIEW_PERMISSION = "cms.view_consent"
POLICY_PERMISSIONS = (
    "cms.add_datapolicyversion",
    "cms.change_datapolicyversion",
    "cms.delete_datapolicyversion",
)


def can_view_consents(user):
    """The consent records (who authorised what, with their e-mail): superusers and
    Control Interno (granted "view consent" by cms/migrations/0012), who audit
    compliance with Ley 1581. Editors edit the policy's text
    but never see who accepted it; PQRSD officials see the consent behind each case
    they work, on the case itself."""
    return user.is_active and user.has_perm(CONSENT_VIEW_PERMISSION)


def can_edit_data_policy(user):
    """Write new versions of the data-treatment policy: editors and superusers."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or any(user.has_perm(perm) for perm in POLICY_PERMISSIONS)
