"""What only the Elasticsearch backend does: versioned indexes, template, outages."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from osmem_server import OsmemServer

from search import backends, services
from search.models import PendingUpdate
from tests.portal.factories import ContentPageFactory

from .conftest import use_elasticsearch
from .es_proxy import HeaderRewritingProxy
from .factories import SearchDocumentFactory

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def elasticsearch_backend(db, settings, elasticsearch_url):
    use_elasticsearch(settings, elasticsearch_url)
    backend = backends.get_backend()
    yield backend
    backend.clear()
    backends._backends.clear()


def test_writes_create_a_versioned_index_behind_the_alias(elasticsearch_backend):
    elasticsearch_backend.index([SearchDocumentFactory()])
    indices = elasticsearch_backend.versioned_indices()
    assert len(indices) == 1
    assert indices[0].startswith(f"{elasticsearch_backend.alias}-")
    assert elasticsearch_backend.client.indices.exists_alias(
        name=elasticsearch_backend.alias, index=indices[0]
    )


def test_a_rebuild_fills_a_new_index_then_swaps_the_alias_and_drops_the_old(
    elasticsearch_backend,
):
    elasticsearch_backend.index([SearchDocumentFactory(title="Ancien")])
    [old_index] = elasticsearch_backend.versioned_indices()
    elasticsearch_backend.rebuild(iter([SearchDocumentFactory(title="Nouveau")]), lambda n: None)
    [new_index] = elasticsearch_backend.versioned_indices()
    assert new_index != old_index
    aliases = elasticsearch_backend.client.indices.get_alias(name=elasticsearch_backend.alias)
    assert list(aliases) == [new_index]


def test_the_index_template_holds_french_and_english_analysis(elasticsearch_backend):
    elasticsearch_backend.index([SearchDocumentFactory()])
    templates = elasticsearch_backend.client.indices.get_index_template(
        name=elasticsearch_backend.template_name
    )["index_templates"]
    template = templates[0]["index_template"]
    assert template["index_patterns"] == [f"{elasticsearch_backend.alias}-*"]
    analysis = template["template"]["settings"]["index"]["analysis"]
    french = analysis["analyzer"]["portal_french"]["filter"]
    assert french == [
        "portal_french_elision",
        "lowercase",
        "asciifolding",
        "portal_french_stemmer",
    ]
    assert analysis["filter"]["portal_french_stemmer"]["language"] == "light_french"
    assert analysis["filter"]["portal_english_stemmer"]["language"] == "light_english"
    mappings = template["template"]["mappings"]["properties"]
    assert mappings["title"]["fields"]["fr"]["analyzer"] == "portal_french"
    assert mappings["suggest"]["type"] == "search_as_you_type"


@pytest.fixture
def stoppable_engine(db, settings):
    """An osmem-server of this test's own, behind its own proxy, that the test can stop."""
    server = OsmemServer.start(japanese=False)
    proxy = HeaderRewritingProxy(server.url).start()
    use_elasticsearch(settings, proxy.url)
    engine = {"server": server, "proxy": proxy}
    yield engine
    proxy.stop()
    engine["server"].close()
    backends._backends.clear()


def publish(page):
    page.save_revision().publish()
    return page


def test_while_the_engine_is_down_readers_are_told_and_writes_wait(
    client, site_pages, stoppable_engine
):
    publish(ContentPageFactory(parent=site_pages["fr"], live=False, title="Avant la panne"))
    assert services.search("panne", AnonymousUser(), {"type": ["pages"]}).count == 1

    stoppable_engine["server"].close()
    response = client.get("/en/search/", {"q": "panne"})
    assert response.status_code == 503
    assert "Search is temporarily unavailable" in response.content.decode()
    assert client.get("/api/v1/search", {"q": "panne"}).status_code == 503
    assert client.get("/en/search/autocomplete/", {"q": "pan"}).json() == {"suggestions": []}

    during = publish(
        ContentPageFactory(parent=site_pages["fr"], live=False, title="Pendant la panne")
    )
    assert PendingUpdate.objects.filter(object_id=str(during.pk)).exists()

    restarted = OsmemServer.start(japanese=False)
    stoppable_engine["server"] = restarted
    stoppable_engine["proxy"].upstream = restarted.url
    call_command("rebuild_search_index", "--pending", stdout=io.StringIO())
    assert not PendingUpdate.objects.exists()
    found = services.search("panne", AnonymousUser(), {"type": ["pages"]})
    assert [item.hit.title for item in found.items] == ["Pendant la panne"]
