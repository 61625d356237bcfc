"""Library views outside the page tree: file downloads and citation exports."""

import mimetypes

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.views.decorators.http import require_safe

from . import citations
from .permissions import downloadable_files, visible_resources
from .services import record_download

# Formats a browser may show inline; everything else is sent as an attachment.
INLINE_FORMATS = {"pdf", "png", "jpg", "jpeg", "gif", "webp"}


@require_safe
def download(request, file_id: int, filename: str):
    """Serve one file of a visible resource through the storage API, and count it."""
    resource_file = get_object_or_404(
        downloadable_files(request.user).select_related("document"), pk=file_id
    )
    document = resource_file.document
    if filename != document.filename:
        raise Http404
    if request.method == "GET":
        record_download(resource_file)
    file_format = document.file_extension.lower()
    content_type = mimetypes.guess_type(document.filename)[0] or "application/octet-stream"
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=file_format not in INLINE_FORMATS,
        filename=document.filename,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def citation(request, resource_id: int, fmt: str):
    citation_format = citations.FORMATS.get(fmt)
    if citation_format is None:
        raise Http404
    resource = get_object_or_404(
        visible_resources(request.user)
        .select_related("locale")
        .prefetch_related("authors", "themes"),
        pk=resource_id,
    )
    with translation.override(resource.locale.language_code):
        url = request.build_absolute_uri(resource.get_url(request))
        text = citations.render(resource, fmt, url)
    response = HttpResponse(text, content_type=citation_format.content_type)
    filename = f"{resource.slug}.{citation_format.extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
