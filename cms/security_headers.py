"""Content-Security-Policy by area: the public policy of the settings everywhere, with
``CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]`` replacing some of its directives under
the admin's ``PATH_PREFIX`` (in the header and the report-only header alike). A page
that rendered an external video facade (``cms.media_blocks``) may frame that one
player's origin, and only that page: the policy frames nothing else."""

from django.conf import settings

from csp.constants import SELF
from csp.middleware import CSPMiddleware


class PortalCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # Wagtail renders a preview through the middleware with a dummy request for the
        # page's public URL; the admin request that serves it sets the admin policy.
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = settings.CONTENT_SECURITY_POLICY_ADMIN
        if request.path_info.startswith(admin["PATH_PREFIX"]):
            parts.replace = {**admin["DIRECTIVES"], **(parts.replace or {})}
        frame_sources = getattr(request, "csp_frame_sources", None)
        if frame_sources:
            parts.replace = {
                **(parts.replace or {}),
                "frame-src": [SELF, *sorted(frame_sources)],
            }
        return parts
