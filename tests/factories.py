"""factory_boy factories: published content by default, drafts on request."""

import factory
from django.utils import timezone
from django.utils.text import slugify

from initiatives.models import County, Initiative, Municipality
from portal.models import Page, Question
from publishing.models import Publishable
from resources.models import Category, Publisher, Resource
from tests import media_samples


class PublishedFactory(factory.django.DjangoModelFactory):
    status = Publishable.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))

    class Meta:
        abstract = True

    class Params:
        draft = factory.Trait(status=Publishable.Status.DRAFT)


def add_tags(obj, create, extracted, **kwargs):
    """Post-generation hook: `InitiativeFactory(tags=["a", "b"])`."""
    if create and extracted:
        obj.tags.add(*extracted)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Testkommun {n}")
    slug = factory.Sequence(lambda n: f"testkommun-{n}")
    county = County.STOCKHOLM

    class Meta:
        model = Municipality
        django_get_or_create = ["name"]


class InitiativeFactory(PublishedFactory):
    title = factory.Sequence(lambda n: f"AI-initiativ nummer {n}")
    slug = factory.Sequence(lambda n: f"ai-initiativ-{n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    ingress = "En kort sammanfattning av initiativet."
    area = Initiative.Area.ELDERLY_CARE
    phase = Initiative.Phase.EXPLORING
    technique = Initiative.Technique.LANGUAGE_MODEL
    lessons_learned = "Data av god kvalitet är avgörande."
    tags = factory.PostGeneration(add_tags)

    class Meta:
        model = Initiative
        skip_postgeneration_save = True


class CategoryFactory(factory.django.DjangoModelFactory):
    """The eight categories exist from the data migration; tests usually fetch one."""

    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")
    description = "Beskrivning av kategorin."

    class Meta:
        model = Category
        django_get_or_create = ["slug"]


class PublisherFactory(factory.django.DjangoModelFactory):
    """An organisation; the same name gives the same row."""

    name = "Myndigheten för digital förvaltning (Digg)"
    slug = factory.LazyAttribute(lambda o: slugify(o.name)[:100])

    class Meta:
        model = Publisher
        django_get_or_create = ["name"]


class ResourceFactory(PublishedFactory):
    """`sender="Name"` is a shortcut for the publisher of that name (made if missing)."""

    title = factory.Sequence(lambda n: f"Vägledning nummer {n}")
    url = factory.Sequence(lambda n: f"https://www.example.se/vagledning-{n}")
    publisher = factory.LazyAttribute(lambda o: PublisherFactory(name=o.sender))
    description = "Beskrivning av stödet."
    category = factory.LazyFunction(lambda: Category.objects.get(slug="juridik"))
    tags = factory.PostGeneration(add_tags)

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    class Params:
        sender = "Myndigheten för digital förvaltning (Digg)"


class PageFactory(PublishedFactory):
    title = factory.Sequence(lambda n: f"Sida {n}")
    slug = factory.Sequence(lambda n: f"sida-{n}")
    ingress = "Ingress till sidan."
    body = "## Avsnitt\n\nBrödtext med en [länk](https://www.digg.se/)."

    class Meta:
        model = Page
        django_get_or_create = ["slug"]


class QuestionFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PageFactory)
    question = factory.Sequence(lambda n: f"Fråga {n}?")
    answer = "Ett svar."

    class Meta:
        model = Question


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Bild {n}")
    alt = "Två handläggare vid en skärm"
    file = factory.LazyFunction(
        lambda: media_samples.upload("foto.jpg", media_samples.jpeg_bytes())
    )

    class Meta:
        model = "media.Image"


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Vägledning {n}")
    file = factory.LazyFunction(
        lambda: media_samples.upload("vagledning.pdf", media_samples.pdf_bytes())
    )

    class Meta:
        model = "media.Document"


class FilmFactory(PublishedFactory):
    title = factory.Sequence(lambda n: f"Webbinarium del {n}")
    film_id = factory.Sequence(lambda n: f"webbinarium-2024-del-{n}")
    video = factory.LazyFunction(lambda: media_samples.upload("film.webm", media_samples.WEBM_HEAD))
    poster = factory.LazyFunction(
        lambda: media_samples.upload("affisch.png", media_samples.png_bytes())
    )
    captions = factory.LazyFunction(lambda: media_samples.upload("text.vtt", media_samples.VTT))

    class Meta:
        model = "media.Film"
