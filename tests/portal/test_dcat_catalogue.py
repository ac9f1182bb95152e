"""The DCAT-AP-SE catalogue Sveriges dataportal harvests: parsed as RDF, queried with SPARQL."""

from dataclasses import replace

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from portal import dcat
from publishing import registry
from tests.factories import InitiativeFactory, ResourceFactory

pytestmark = pytest.mark.django_db

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
PREFIXES = {"dcat": DCAT, "dcterms": DCTERMS, "foaf": FOAF, "vcard": VCARD}
CC0 = URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
SITE = "https://aisocialtjanst.example.se"


@pytest.fixture
def catalogue(client, site_pages, settings):
    settings.SITE_URL = SITE
    InitiativeFactory()
    ResourceFactory()
    response = client.get(reverse("portal:open_data_catalogue"))
    assert response.status_code == 200
    graph = Graph()
    graph.parse(data=response.content, format="xml")
    return response, graph


def ask(graph, query):
    return graph.query(query, initNs=PREFIXES).askAnswer


def rows(graph, query):
    return list(graph.query(query, initNs=PREFIXES))


def swedish(graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert values, f"{subject} has no {predicate}"
    assert all(isinstance(v, Literal) and v.language == "sv" and str(v).strip() for v in values)
    return [str(v) for v in values]


def test_it_is_rdf_xml_at_a_stable_address_open_to_every_site(catalogue):
    response, graph = catalogue

    assert reverse("portal:open_data_catalogue") == "/oppna-data/katalog.rdf"
    assert response["Content-Type"] == "application/rdf+xml; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert len(graph) > 0


def test_the_catalogue_has_the_profiles_mandatory_properties(catalogue):
    _, graph = catalogue
    (catalogue_uri,) = graph.subjects(RDF.type, DCAT.Catalog)

    assert str(catalogue_uri) == f"{SITE}/oppna-data/katalog.rdf"
    assert swedish(graph, catalogue_uri, DCTERMS.title)
    assert swedish(graph, catalogue_uri, DCTERMS.description)
    # In Sweden the catalogue's licence must be CC0, written exactly so.
    assert list(graph.objects(catalogue_uri, DCTERMS.license)) == [CC0]
    assert list(graph.objects(catalogue_uri, FOAF.homepage)) == [URIRef(f"{SITE}/")]
    assert ask(
        graph,
        """ASK { ?c a dcat:Catalog ; dcterms:publisher ?p .
                 ?p foaf:name ?name ; dcterms:type ?type .
                 FILTER(lang(?name) = "sv" && isIRI(?type)) }""",
    )


def test_every_registered_dataset_is_described_with_its_mandatory_properties(catalogue):
    _, graph = catalogue
    found = rows(
        graph,
        """SELECT ?dataset ?title WHERE {
             ?catalogue a dcat:Catalog ; dcat:dataset ?dataset .
             ?dataset a dcat:Dataset ; dcterms:title ?title ; dcterms:description ?d ;
                      dcterms:publisher ?publisher ; dcat:contactPoint ?contact .
             ?publisher foaf:name ?name .
             ?contact vcard:fn ?fn ; vcard:hasEmail ?email .
             FILTER(lang(?title) = "sv" && lang(?d) = "sv" && STRSTARTS(STR(?email), "mailto:"))
           }""",
    )

    assert sorted(str(title) for _, title in found) == sorted(
        dataset.title for dataset in registry.datasets()
    )
    assert {str(name) for name in graph.objects(None, FOAF.name)} == {
        "Myndigheten för digital förvaltning (Digg)"
    }


def test_each_dataset_has_a_json_and_a_csv_distribution_that_answer(client, catalogue):
    _, graph = catalogue
    for dataset in registry.datasets():
        (dataset_uri,) = [
            s for s in graph.subjects(RDF.type, DCAT.Dataset) if str(s).endswith(dataset.slug)
        ]
        distributions = list(graph.objects(dataset_uri, DCAT.distribution))
        formats = {}
        for distribution in distributions:
            assert (distribution, RDF.type, DCAT.Distribution) in graph
            assert swedish(graph, distribution, DCTERMS.title)
            assert list(graph.objects(distribution, DCTERMS.license)) == [CC0]
            (url,) = graph.objects(distribution, DCAT.accessURL)
            (media_type,) = graph.objects(distribution, DCTERMS["format"])
            formats[str(media_type)] = str(url)
        assert formats == {
            "application/json": f"{SITE}/oppna-data/{dataset.slug}.json",
            "text/csv": f"{SITE}/oppna-data/{dataset.slug}.csv",
        }
        for url in formats.values():
            assert client.get(url.removeprefix(SITE)).status_code == 200


def test_no_blank_nodes_for_the_things_the_portal_harvests(catalogue):
    _, graph = catalogue

    for kind in (DCAT.Catalog, DCAT.Dataset, DCAT.Distribution, FOAF.Organization):
        assert all(isinstance(s, URIRef) for s in graph.subjects(RDF.type, kind))
    assert all(isinstance(o, URIRef) for o in graph.objects(None, DCAT.contactPoint))


def test_a_new_open_data_content_type_is_catalogued_without_an_edit(monkeypatch, site_pages):
    """The catalogue lists whatever the registry declares; its texts stay well-formed XML."""
    datasets = registry.datasets()
    extra = replace(
        datasets[0], slug="notiser", title="Notiser & <nyheter>", description="Påhittad."
    )
    monkeypatch.setattr(registry, "datasets", lambda: [*datasets, extra])
    graph = Graph()
    graph.parse(
        data=render_to_string("portal/catalogue.rdf", {"catalogue": dcat.catalogue()}),
        format="xml",
    )

    titles = {str(title) for title in graph.objects(None, DCTERMS.title)}
    assert "Notiser & <nyheter>" in titles
    assert "Notiser & <nyheter> som CSV" in titles


def test_the_catalogue_sets_no_cookie_and_is_served_from_the_page_cache(client, catalogue):
    first = client.get(reverse("portal:open_data_catalogue"))
    second = client.get(reverse("portal:open_data_catalogue"))

    assert not first.cookies and not second.cookies
    assert second["X-Page-Cache"] == "hit"
    assert second["Cache-Control"].startswith("public")


def test_the_open_data_page_links_to_the_catalogue(client, site_pages):
    html = client.get(reverse("portal:open_data")).content.decode()

    assert '<link rel="alternate" type="application/rdf+xml"' in html
    assert 'href="/oppna-data/katalog.rdf"' in html


def test_the_publisher_can_take_the_portals_shared_identifier(client, site_pages, settings):
    settings.OPEN_DATA_PUBLISHER_URI = "http://dataportal.se/organisation/SE0000000000"
    graph = Graph()
    graph.parse(data=client.get(reverse("portal:open_data_catalogue")).content, format="xml")

    publishers = set(graph.objects(None, DCTERMS.publisher))
    assert publishers == {URIRef("http://dataportal.se/organisation/SE0000000000")}
