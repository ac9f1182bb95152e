"""The open datasets described in DCAT-AP-SE, so Sveriges dataportal can harvest them.

DCAT-AP-SE (docs.dataportal.se/dcat/) is the Swedish profile of the European DCAT-AP. The
portal harvests one address per organisation as RDF/XML, once a day; every thing in the
catalogue (catalogue, datasets, distributions, publisher, contact) has an absolute IRI of
its own, never a blank node. The catalogue is built from the registry's datasets
(`Declaration.open_data`), so a new open-data content type is listed with no edit here.

The mandatory properties, as the profile states them:
- catalogue: dcterms:title, dcterms:description, dcterms:publisher, dcterms:license (CC0,
  written exactly as http://creativecommons.org/publicdomain/zero/1.0/), dcat:dataset;
  recommended foaf:homepage and dcterms:language.
- dataset: dcterms:title, dcterms:description, dcterms:publisher; recommended
  dcat:contactPoint (a vCard with an e-mail address), dcat:distribution, dcat:landingPage.
- distribution: dcat:accessURL; recommended dcterms:format (a media type) and dcterms:license.
- publisher: foaf:name and dcterms:type (the ADMS publisher type).
Texts carry a language tag (sv).
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

from publishing import registry
from publishing.opendata import FORMATS, MEDIA_TYPES, PUBLISHER, absolute

# Controlled vocabularies, written the way the profile and the EU Publications Office do.
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
SWEDISH = "http://publications.europa.eu/resource/authority/language/SWE"
NATIONAL_AUTHORITY = "http://purl.org/adms/publishertype/NationalAuthority"
THEME_GOVERNMENT = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
CONTINUOUS = "http://publications.europa.eu/resource/authority/frequency/CONT"
PUBLIC_ACCESS = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"

CATALOGUE_TITLE = "Öppna data från AI för socialtjänsten"
CATALOGUE_DESCRIPTION = (
    "Datamängder från webbplatsen AI för socialtjänsten: kommuners AI-initiativ i "
    "socialtjänsten och stöd och verktyg för den som vill använda AI där. Filerna skapas "
    "från webbplatsens publicerade innehåll varje gång de hämtas."
)
FORMAT_NAMES = {"json": "JSON", "csv": "CSV"}


def contact_email() -> str:
    """Where questions and error reports about the data go: Digg's public mailbox."""
    return getattr(settings, "OPEN_DATA_CONTACT_EMAIL", "digg@digg.se")


def publisher_uri(catalogue_address: str) -> str:
    """The publisher's IRI. The portal recommends http://dataportal.se/organisation/SE<orgnr>,
    the same in every catalogue of the organisation; set OPEN_DATA_PUBLISHER_URI to that.
    Until then an IRI of this catalogue's own (never a blank node, which the portal refuses).
    """
    return getattr(settings, "OPEN_DATA_PUBLISHER_URI", "") or f"{catalogue_address}#utgivare"


@dataclass(frozen=True)
class Distribution:
    uri: str
    title: str
    url: str
    media_type: str


@dataclass(frozen=True)
class CataloguedDataset:
    uri: str
    title: str
    description: str
    landing_page: str
    distributions: list[Distribution]


def catalogue() -> dict:
    """Everything templates/portal/catalogue.rdf needs, as absolute IRIs and texts."""
    page = absolute(reverse("portal:open_data"))
    datasets = []
    for dataset in registry.datasets():
        uri = f"{page}#data-{dataset.slug}"
        distributions = [
            Distribution(
                uri=f"{uri}-{fmt}",
                title=f"{dataset.title} som {FORMAT_NAMES[fmt]}",
                url=absolute(
                    reverse("portal:open_data_file", kwargs={"dataset": dataset.slug, "fmt": fmt})
                ),
                media_type=MEDIA_TYPES[fmt],
            )
            for fmt in FORMATS
        ]
        datasets.append(
            CataloguedDataset(
                uri=uri,
                title=dataset.title,
                description=dataset.description,
                landing_page=uri,
                distributions=distributions,
            )
        )
    address = absolute(reverse("portal:open_data_catalogue"))
    return {
        "uri": address,
        "title": CATALOGUE_TITLE,
        "description": CATALOGUE_DESCRIPTION,
        "homepage": absolute("/"),
        "documentation": page,
        "publisher": {"uri": publisher_uri(address), "name": PUBLISHER},
        "contact": {"uri": f"{address}#kontakt", "name": PUBLISHER, "email": contact_email()},
        "datasets": datasets,
        "license": CC0,
        "language": SWEDISH,
        "publisher_type": NATIONAL_AUTHORITY,
        "theme": THEME_GOVERNMENT,
        "frequency": CONTINUOUS,
        "access_rights": PUBLIC_ACCESS,
    }
