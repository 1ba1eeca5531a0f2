"""The public data-treatment policy: the version in force, and every earlier one at
its own address (a consent links to the exact text that was accepted)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from cms.models import DataPolicyVersion


def _render(request, version):
    earlier = DataPolicyVersion.objects.published().exclude(pk=version.pk).order_by("-number")
    current = DataPolicyVersion.objects.current()
    context = {
        "version": version,
        "is_current": current is not None and current.pk == version.pk,
        "current": current,
        "versions": list(earlier.only("number", "effective_from")),
    }
    return TemplateResponse(request, "cms/data_policy.html", context)


def current_policy(request):
    version = DataPolicyVersion.objects.current()
    if version is None:
        raise Http404
    return _render(request, version)


def policy_version(request, number):
    """A published version (a future one is not shown before it takes effect)."""
    return _render(request, get_object_or_404(DataPolicyVersion.objects.published(), number=number))
