from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView
from django.views.i18n import set_language

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import (
    account_consents,
    account_data,
    account_deletion,
    accounts,
    data_policy,
    restriction_passwords,
)
from cms.sitemaps import MultilingualSitemap
from cms.static_urls import lazy_static

urlpatterns = [
    # Staff sign in through allauth (email, MFA) rather than Wagtail's own form.
    path("admin/login/", accounts.login_redirect, name="admin_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path(
        "documentos/authenticate_with_password/<int:restriction_id>/",
        restriction_passwords.collection_password,
        name="collection_password_limited",
    ),
    path("documentos/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("i18n/setlang/", set_language, name="set_language"),
    # The cookie-free page-view beacon (usage), one address for every language.
    path("uso/", include("usage.beacon_urls")),
    # Browsers and crawlers ask for /favicon.ico whatever the page links: the SVG icon.
    path(
        "favicon.ico",
        RedirectView.as_view(url=lazy_static("cms/img/favicon.svg"), permanent=True),
        name="favicon",
    ),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.DEBUG or settings.SERVE_MEDIA:
    # Public uploads (images, documents' originals) from MEDIA_ROOT, for `make run` and
    # a single small server; behind a web server, a CDN or S3 leave SERVE_MEDIA off.
    import re

    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path("cuentas/signup/", accounts.signup, name="account_signup"),
    path("cuentas/", include("allauth.urls")),
    path("mi-cuenta/", accounts.my_account, name="my_account"),
    path(
        "mi-cuenta/autorizaciones/<int:pk>/retirar/",
        account_consents.withdraw,
        name="consent_withdraw",
    ),
    path("mi-cuenta/mis-datos/", account_data.request_export, name="data_export_request"),
    path("mi-cuenta/mis-datos/<str:token>/", account_data.download, name="data_export_download"),
    path("mi-cuenta/eliminar/", account_deletion.delete, name="account_delete"),
    path("mi-cuenta/eliminada/", account_deletion.deleted, name="account_deleted"),
    path("politica-de-datos/", data_policy.current_policy, name="data_policy"),
    path(
        "politica-de-datos/version-<int:number>/",
        data_policy.policy_version,
        name="data_policy_version",
    ),
    path("buscar/", include("search.urls")),
    path("pqrsd/", include("pqr.urls")),
    path("encuestas/", include("surveys.urls")),
    path("participacion/", include("participation.urls")),
    path("mapa-del-sitio/", include("home.urls")),
    path("suscripciones/", include("subscriptions.urls")),
    path("gobierno-en-linea/", include("gel.urls")),
    path("estadisticas-de-uso/", include("usage.urls")),
    # Wagtail's own front-end login would skip allauth's checks (MFA, verification,
    # rate limits): its URL only forwards to allauth's login, for GET and POST alike.
    path("_util/login/", accounts.login_redirect, name="wagtailcore_login_redirect"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        restriction_passwords.page_password,
        name="page_password_limited",
    ),
    # Everything else is a Wagtail page; this must stay last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
