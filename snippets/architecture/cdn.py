"""What is a CDN? An edge cache in front of an origin, on loopback.

A Python model of one CDN edge, not a real CDN: no DNS or anycast, and a
clock set by hand so that every run prints the same. The edge applies a
simplified RFC 9111 and labels responses with Cache-Status (RFC 9211).

Run it with: python snippets/architecture/cdn.py
"""

import contextlib
import http.client
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TIMEOUT = 5.0  # seconds, for every HTTP connection
ETAG = '"v1"'
CACHE_CONTROL = {"/logo.png": "max-age=10, s-maxage=60", "/me": "private"}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # the default logs every request to stderr

    def reply(self, status: int, headers: dict, body: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:  # a 304 has no body
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Origin(Handler):
    def do_GET(self) -> None:
        condition = self.headers.get("If-None-Match")
        status = 304 if condition == ETAG else 200  # unchanged: no body again
        self.server.seen.append(f"{self.path} If-None-Match: {condition} -> {status}")
        headers = {"Cache-Control": CACHE_CONTROL[self.path], "ETag": ETAG}
        self.reply(status, headers, b"" if status == 304 else b"image bytes")


def shared_lifetime(cache_control: str) -> int | None:
    """Seconds a shared cache may reuse a response; None: must not store it."""
    directives = dict(d.strip().partition("=")[::2] for d in cache_control.split(","))
    if "private" in directives or "no-store" in directives:
        return None
    for name in ("s-maxage", "max-age"):  # s-maxage wins in a shared cache
        if name in directives:
            return int(directives[name])
    return None


class Edge(Handler):
    def do_GET(self) -> None:
        edge, path = self.server, self.path  # the cache key: GET + path
        stored = edge.cache.get(path)
        if stored and edge.now - stored["at"] < stored["lifetime"]:
            age = edge.now - stored["at"]  # no Age on what the origin just sent
            status = f"edge; hit; ttl={stored['lifetime'] - age}"
            self.send(stored, status, {"Age": str(age)})
            return
        condition = {"If-None-Match": stored["headers"]["ETag"]} if stored else {}
        status, headers, body = fetch(edge.origin_port, path, condition)
        if stored and status == 304:  # still valid: refresh it, no download
            stored["at"] = edge.now
            self.send(stored, "edge; fwd=stale; fwd-status=304")
            return
        keep = {name: headers[name] for name in ("Cache-Control", "ETag")}
        entry = {"status": status, "headers": keep, "body": body, "at": edge.now}
        entry["lifetime"] = shared_lifetime(keep["Cache-Control"])
        if entry["lifetime"] is None:
            self.send(entry, "edge; fwd=uri-miss")
        else:
            edge.cache[path] = entry
            self.send(entry, "edge; fwd=uri-miss; stored")

    def do_PURGE(self) -> None:  # not a standard method: each CDN has its own API
        self.server.cache.pop(self.path, None)
        self.reply(200, {}, b"")  # made here: no Cache-Status

    def send(self, entry: dict, cache_status: str, extra: dict | None = None) -> None:
        headers = entry["headers"] | (extra or {}) | {"Cache-Status": cache_status}
        self.reply(entry["status"], headers, entry["body"])


def fetch(port: int, path: str, headers: dict, method: str = "GET") -> tuple:
    """One HTTP request to 127.0.0.1:port; returns (status, headers, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    with contextlib.closing(connection):
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()


class Server(ThreadingHTTPServer):
    daemon_threads = False  # server_close() joins the handler threads


@contextlib.contextmanager
def serving(handler: type, **state: object) -> Iterator[Server]:
    """Run an HTTP server on 127.0.0.1, port 0, in a thread; stop it after."""
    with Server(("127.0.0.1", 0), handler) as server:
        vars(server).update(state)
        thread = threading.Thread(target=server.serve_forever)
        thread.start()
        try:
            yield server
        finally:
            server.shutdown()
            thread.join()


def main() -> None:
    steps = [(0, "GET", "/logo.png"), (10, "GET", "/logo.png")]
    steps += [(20, "GET", "/logo.png"), (70, "GET", "/logo.png")]
    steps += [(75, "PURGE", "/logo.png"), (75, "GET", "/logo.png")]
    steps += [(80, "GET", "/me"), (81, "GET", "/me")]
    with (
        serving(Origin, seen=[]) as origin,
        serving(Edge, cache={}, now=0, origin_port=origin.server_port) as edge,
    ):
        for now, method, path in steps:
            edge.now = now  # the edge's clock, in seconds
            status, headers, _ = fetch(edge.server_port, path, {}, method)
            age = headers.get("Age", "-")
            print(f"t={now:<3}{method:<6}{path:<10}{status}  Age: {age:<3}", end="")
            print(f"Cache-Status: {headers.get('Cache-Status', '-')}")
    print(f"The origin answered {len(origin.seen)} of the {len(steps)} requests:")
    for line in origin.seen:
        print(f"   {line}")


if __name__ == "__main__":
    main()
