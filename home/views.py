from django.template.response import TemplateResponse

from wagtail.models import Page

from cms.navigation import get_home_page, public_only

SITE_MAP_MAX_DEPTH = 4


def site_map(request):
    """HTML site map: live, public pages of the current language, three levels deep.

    One query for the whole tree, whatever its size."""
    home = get_home_page(request)
    entries = []
    if home is not None:
        pages = public_only(
            Page.objects.descendant_of(home, inclusive=True)
            .filter(depth__lte=home.depth + SITE_MAP_MAX_DEPTH - 1)
            .live()
            .order_by("path")
            .only("id", "title", "url_path", "path", "depth"),
            request,
        )
        site_root = home.get_site()
        for page in pages:
            entries.append(
                {
                    "title": page.title,
                    "url": page.get_url(request=request, current_site=site_root),
                    "level": page.depth - home.depth,
                }
            )
    return TemplateResponse(request, "home/site_map.html", {"entries": entries})
