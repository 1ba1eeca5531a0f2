"""A static file's URL computed when first used, not at import (the manifest storage
of production settings only knows hashed names once collectstatic ran)."""

from django.templatetags.static import static
from django.utils.functional import lazy

lazy_static = lazy(static, str)
