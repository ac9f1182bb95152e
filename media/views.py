"""Documents at addresses that never change, and uploaded files served by the site.

A document lives at /dokument/<id>/<slug>.<ext>: replacing its file (or retitling it)
keeps the id, so links elsewhere keep working; an outdated slug or extension redirects.
Other uploaded files (image versions, films, posters, captions) are served under
MEDIA_URL by `serve_media` when MEDIA_SERVE is on (the default, so `make run` needs
nothing); in production a web server or an object store can answer there instead
(docs/production.md).
"""

import mimetypes
import posixpath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_safe

from media.models import Document

# Python's table lacks a few the site serves.
mimetypes.add_type("text/vtt", ".vtt")
mimetypes.add_type("video/webm", ".webm")
mimetypes.add_type("image/webp", ".webp")

# Files are replaced under new names, so a served file never changes.
IMMUTABLE = "public, max-age=31536000, immutable"
# A document's address stays when its file is replaced: caches must ask again soon.
REPLACEABLE = "public, max-age=300"


# The largest id a database key holds; beyond it an address names nothing.
MAX_ID = 2**63 - 1


@require_safe
def document(request, pk, slug, ext):
    if pk > MAX_ID:
        raise Http404
    found = get_object_or_404(Document, pk=pk)
    if slug != found.slug or ext != found.extension:
        return redirect(found.get_absolute_url(), permanent=True)
    try:
        handle = found.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404("Filen saknas.") from None
    kind = found.kind
    response = FileResponse(
        handle,
        content_type=kind.content_type if kind else "application/octet-stream",
        filename=f"{found.slug}.{found.extension}",
        as_attachment=found.extension != "pdf",  # a PDF opens in the browser
    )
    response["Cache-Control"] = REPLACEABLE
    return response


@require_safe
def serve_media(request, path):
    name = posixpath.normpath(path).lstrip("/")
    if "\x00" in name or name.startswith(("..", "dokument/")) or name == "dokument":
        # Documents are reached by their stable address only.
        raise Http404
    try:
        handle = default_storage.open(name, "rb")
    except (OSError, ValueError, SuspiciousFileOperation):
        raise Http404 from None
    content_type, _ = mimetypes.guess_type(name)
    response = FileResponse(handle, content_type=content_type or "application/octet-stream")
    response["Cache-Control"] = IMMUTABLE
    return response
