"""Validators shared by the portal's forms and models."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

AVATAR_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
AVATAR_MAX_PIXELS = 4000 * 4000


def validate_avatar_size(file) -> None:
    limit = settings.PORTAL_AVATAR_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The image is too large (%(size)s). The maximum is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def validate_avatar(file) -> None:
    """Accept only real, reasonably sized raster images (checked by content, not name)."""
    validate_avatar_size(file)
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("This file is not an image we can read. Upload a JPEG, PNG, GIF or WebP picture."),
            code="not_an_image",
        ) from exc
    finally:
        file.seek(0)
    if image_format not in AVATAR_FORMATS:
        raise ValidationError(
            _("Upload a JPEG, PNG, GIF or WebP picture."), code="unsupported_format"
        )
    if width * height > AVATAR_MAX_PIXELS:
        raise ValidationError(_("The image has too many pixels."), code="too_many_pixels")
