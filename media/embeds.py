"""The library's short codes in Markdown: [[bild:12]], [[dokument:3]], [[film:<film-id>]].

Registered with the publishing core's Markdown renderer (publishing.markdown.register_embed)
from MediaConfig.ready(): the core never imports the library. Each renderer builds its
HTML from the row with an escaping template; a missing item, or a film that is not
published, renders nothing.
"""

from django.template.loader import render_to_string

from media.models import Document, Film, Image
from publishing.markdown import register_embed

# The largest id a database key holds: a longer number names nothing (and must not reach SQL).
MAX_ID = 2**63 - 1


def _by_pk(model, ref: str):
    if not ref.isdigit() or int(ref) > MAX_ID:
        return None
    return model.objects.filter(pk=int(ref)).first()


def image(ref: str) -> str | None:
    found = _by_pk(Image, ref)
    return found.render() if found else None


def document(ref: str) -> str | None:
    found = _by_pk(Document, ref)
    if not found:
        return None
    return render_to_string("media/document_link.html", {"document": found}).strip()


def film(ref: str) -> str | None:
    found = Film.objects.published().filter(film_id=ref.lower()).first()
    return found.render() if found else None


def register():
    register_embed("bild", image)
    register_embed("dokument", document)
    register_embed("film", film)
