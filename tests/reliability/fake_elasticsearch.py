"""A stand-in for an Elasticsearch node at the HTTP level, so the real client and engine code run unchanged.

It answers the calls ``search.engines.elasticsearch`` makes (aliases, index creation, ``_bulk``, refresh,
``_search``) with Elasticsearch's semantics where they matter here: a document indexed with an ``_id``
replaces the one with that id, and one sent without an id is added beside it. Every write to a document
is counted (``writes``), so a test can tell "indexed once" from "indexed, then sent again".

``hang_on_bulk=n`` applies the n-th bulk request, then never answers it (as a node that has written the
documents when its client dies): ``hung`` is set when it arrives.
"""

import json
import re
import threading
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

HEADERS = {"Content-Type": "application/json", "X-Elastic-Product": "Elasticsearch"}


class FakeElasticsearch:
    def __init__(self, hang_on_bulk=None):
        self.indices = {}  # index name -> {document id -> source}
        self.aliases = {}  # alias -> index name
        self.writes = Counter()  # document id -> times written
        self.bulk_requests = 0
        self.hang_on_bulk = hang_on_bulk
        self.hung = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_HEAD(self):
                fake.handle(self, "HEAD")

            def do_GET(self):
                fake.handle(self, "GET")

            def do_PUT(self):
                fake.handle(self, "PUT")

            def do_POST(self):
                fake.handle(self, "POST")

            def do_DELETE(self):
                fake.handle(self, "DELETE")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    # ----- what the index holds ----------------------------------------------------------------------

    def documents(self, alias):
        """``{id: source}`` of the index an alias points at."""
        return dict(self.indices.get(self.aliases.get(alias, alias), {}))

    # ----- HTTP ----------------------------------------------------------------------------------------

    def handle(self, request, method):
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        parts = urlsplit(request.path)
        path = [part for part in parts.path.split("/") if part]
        with self.lock:
            status, answer, hang = self.route(method, path, body)
        if hang:
            self.hung.set()
            self.release.wait(60)
            request.close_connection = True
            return
        payload = b"" if method == "HEAD" else json.dumps(answer).encode()
        request.send_response(status)
        for name, value in HEADERS.items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(payload)))
        request.end_headers()
        request.wfile.write(payload)

    def route(self, method, path, body):  # noqa: C901, PLR0911  one branch per API call the engine makes
        ok = {"acknowledged": True}
        if not path:
            return 200, {"name": "fake", "version": {"number": "9.0.0"}, "tagline": "You Know, for Search"}, False
        if path[0] == "_alias" and len(path) == 2:
            alias = path[1]
            if alias not in self.aliases:
                return 404, {"error": "alias missing", "status": 404}, False
            return 200, {self.aliases[alias]: {"aliases": {alias: {}}}}, False
        if path[0] == "_aliases":
            for action in json.loads(body)["actions"]:
                ((kind, spec),) = action.items()
                if kind == "add":
                    self.aliases[spec["alias"]] = spec["index"]
                elif self.aliases.get(spec["alias"]) == spec["index"]:
                    del self.aliases[spec["alias"]]
            return 200, ok, False
        if path[0] == "_bulk":
            self.bulk_requests += 1
            items = self.bulk(body)
            return 200, {"took": 1, "errors": False, "items": items}, self.bulk_requests == self.hang_on_bulk
        if len(path) == 1 and method == "PUT":
            self.indices.setdefault(path[0], {})
            return 200, {**ok, "shards_acknowledged": True, "index": path[0]}, False
        if len(path) == 1 and method == "DELETE":
            self.indices.pop(path[0], None)
            return 200, ok, False
        if len(path) == 3 and path[1] == "_alias" and method == "PUT":
            self.aliases[path[2]] = path[0]
            return 200, ok, False
        if len(path) == 2 and path[1] == "_refresh":
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}, False
        if len(path) == 2 and path[1] == "_search":
            return self.search(path[0], json.loads(body or b"{}"))
        return 400, {"error": f"the fake does not know {method} /{'/'.join(path)}", "status": 400}, False

    def bulk(self, body):
        lines = [json.loads(line) for line in body.decode().splitlines() if line.strip()]
        items, position = [], 0
        while position < len(lines):
            ((kind, meta),) = lines[position].items()
            index = self.aliases.get(meta["_index"], meta["_index"])
            documents = self.indices.setdefault(index, {})
            if kind == "delete":
                found = documents.pop(meta["_id"], None) is not None
                items.append({kind: {"_index": index, "_id": meta["_id"], "status": 200 if found else 404}})
                position += 1
                continue
            document_id = meta.get("_id") or uuid.uuid4().hex
            documents[document_id] = lines[position + 1]
            self.writes[document_id] += 1
            items.append({kind: {"_index": index, "_id": document_id, "status": 201, "result": "created"}})
            position += 2
        return items

    def search(self, alias, body):
        """Every document with a word of the query in its title or summary (enough to find a page by title)."""
        index = self.aliases.get(alias, alias)
        if index not in self.indices:
            return 404, {"error": {"type": "index_not_found_exception"}, "status": 404}, False
        text = json.dumps(body.get("query", {})).lower()
        wanted = set(re.findall(r'"query": "([^"]*)"', text)[:1][0].split()) if '"query": "' in text else set()
        hits = [
            {"_index": index, "_id": document_id, "_score": 1.0, "_source": source}
            for document_id, source in self.indices[index].items()
            if not wanted or wanted & set(f"{source.get('title', '')} {source.get('summary', '')}".lower().split())
        ]
        answer = {
            "took": 1,
            "timed_out": False,
            "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
            "hits": {"total": {"value": len(hits), "relation": "eq"}, "max_score": 1.0, "hits": hits},
        }
        if body.get("aggs"):
            answer["aggregations"] = {
                name: {"doc_count": len(hits), "values": {"buckets": []}} for name in body["aggs"]
            }
        if body.get("suggest"):
            answer["suggest"] = {
                name: [{"text": spec.get("text", ""), "offset": 0, "length": 0, "options": []}]
                for name, spec in body["suggest"].items()
            }
        return 200, answer, False
