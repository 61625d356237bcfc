"""A loopback HTTP proxy that lets the official Elasticsearch client talk to osmem-server.

The client sends `application/vnd.elasticsearch+json; compatible-with=8`
(`+x-ndjson` for bulk requests) as Content-Type and Accept, which osmem
refuses with 406: the proxy rewrites them to `application/json` and
`application/x-ndjson`. It also answers with exactly one
`X-Elastic-Product: Elasticsearch` header, which the client checks. Nothing
else changes, so the production code runs as it would against Elasticsearch.
When the upstream server is gone it answers 502, as a load balancer in
front of a dead cluster would.
"""

import http.client
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

# `application/vnd.elasticsearch+json; compatible-with=8` -> `application/json`,
# and the same for `+x-ndjson` (bulk requests).
COMPATIBLE_MEDIA_TYPE = re.compile(
    r"application/vnd\.elasticsearch\+([\w-]+)(;\s*compatible-with=\d+)?"
)
# Headers the proxy sets itself (or that belong to one hop only).
OWN_HEADERS = {
    "connection",
    "keep-alive",
    "transfer-encoding",
    "content-length",
    "host",
    "date",
    "server",
    "x-elastic-product",
}


def _plain_json(value: str) -> str:
    return COMPATIBLE_MEDIA_TYPE.sub(r"application/\1", value)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_ProxyServer"

    def log_message(self, format, *args):  # noqa: A002 - BaseHTTPRequestHandler's signature
        """Quiet: tests read failures from assertions, not from access logs."""

    def _forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {
            name: _plain_json(value) if name.lower() in {"content-type", "accept"} else value
            for name, value in self.headers.items()
            if name.lower() not in OWN_HEADERS
        }
        target = urlsplit(self.server.upstream)
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        try:
            connection.request(self.command, self.path, body=body, headers=headers)
            upstream = connection.getresponse()
            status, reason = upstream.status, upstream.reason
            payload = upstream.read()
            upstream_headers = [
                (name, value)
                for name, value in upstream.getheaders()
                if name.lower() not in OWN_HEADERS
            ]
        except OSError:
            status, reason, payload = 502, "Bad Gateway", b'{"error": "upstream unavailable"}'
            upstream_headers = [("Content-Type", "application/json")]
        finally:
            connection.close()
        self.send_response(status, reason)
        for name, value in upstream_headers:
            self.send_header(name, value)
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True
    upstream: str


class HeaderRewritingProxy:
    """`with HeaderRewritingProxy(osmem_url) as proxy: Elasticsearch(proxy.url)`."""

    def __init__(self, upstream: str):
        self._server = _ProxyServer(("127.0.0.1", 0), _Handler)
        self._server.upstream = upstream
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def upstream(self) -> str:
        return self._server.upstream

    @upstream.setter
    def upstream(self, url: str) -> None:
        self._server.upstream = url

    def start(self) -> "HeaderRewritingProxy":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
