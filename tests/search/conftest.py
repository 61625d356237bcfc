"""The search backend fixture: every behavioural test runs on each engine.

`database` is SQLite or PostgreSQL depending on DATABASE_URL. `elasticsearch`
runs against a real osmem-server process (started once per session on a
free loopback port) behind the header-rewriting proxy, or against the real
cluster at ELASTICSEARCH_URL when that is set. Each test gets its own alias
(and so its own indexes), dropped afterwards.
"""

import os
import uuid

import pytest
from django.db import connection
from osmem_server import OsmemServer

from search import backends

from .es_proxy import HeaderRewritingProxy

REAL_ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.fixture(scope="session")
def elasticsearch_url():
    if REAL_ELASTICSEARCH_URL:
        yield REAL_ELASTICSEARCH_URL
        return
    server = OsmemServer.start(japanese=False)
    proxy = HeaderRewritingProxy(server.url).start()
    yield proxy.url
    proxy.stop()
    server.close()


def use_elasticsearch(settings, url: str) -> None:
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = url
    settings.SEARCH_ELASTICSEARCH_INDEX = f"test-search-{uuid.uuid4().hex[:12]}"


@pytest.fixture(
    params=[
        pytest.param("database", id=f"database-{connection.vendor}"),
        pytest.param("elasticsearch", marks=pytest.mark.elasticsearch),
    ]
)
def search_backend(request, db, settings):
    """The configured backend; tests marked real_elasticsearch_only skip on osmem.

    The database backend's index lives in the test database, so it holds the
    session's site pages; an Elasticsearch index starts empty.
    """
    if request.param == "elasticsearch":
        if (
            request.node.get_closest_marker("real_elasticsearch_only")
            and not REAL_ELASTICSEARCH_URL
        ):
            pytest.skip("osmem differs from Elasticsearch here; set ELASTICSEARCH_URL to run")
        use_elasticsearch(settings, request.getfixturevalue("elasticsearch_url"))
    else:
        settings.SEARCH_BACKEND = "database"
    backend = backends.get_backend()
    yield backend
    if request.param == "elasticsearch":
        backend.clear()
    backends._backends.clear()
