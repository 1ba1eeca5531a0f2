"""The site's URLs plus django-comments-xtd's, which no module mounts yet."""

from django.urls import include, path

from cms.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("comentarios/", include("django_comments_xtd.urls")), *site_urlpatterns]
