"""A static file server for the built site that behaves like GitHub Pages.

* ``/path/`` serves ``/path/index.html``; ``/path`` redirects to ``/path/``.
* A missing file gets status 404 and the body of the site's ``/404.html``.
* Text (HTML, CSS, JS, JSON, XML, SVG) is sent gzip-compressed to clients that
  accept it, as GitHub Pages does, so that page weights are realistic.
* Responses may be cached for ten minutes (``Cache-Control: max-age=600``),
  the header GitHub Pages sends.
* It listens on 127.0.0.1 on a free port, in a background thread.
"""

from __future__ import annotations

import gzip
import io
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

CACHE_CONTROL = "max-age=600"
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)


class _Handler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".json": "application/json",
        ".xml": "application/xml",
        ".svg": "image/svg+xml",
    }

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def send_head(self) -> io.BytesIO | None:  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file() or not self._accepts_gzip():
            return super().send_head()
        content_type = self.guess_type(str(path))
        if not content_type.startswith(COMPRESSIBLE):
            return super().send_head()
        return self._send(200, content_type, path.read_bytes())

    def _accepts_gzip(self) -> bool:
        return "gzip" in self.headers.get("Accept-Encoding", "")

    def _send(self, status: int, content_type: str, body: bytes) -> io.BytesIO:
        compressed = self._accepts_gzip()
        if compressed:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        if content_type.startswith("text/"):
            content_type += "; charset=utf-8"
        self.send_header("Content-Type", content_type)
        if compressed:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_error(
        self, code: int, message: str | None = None, explain: str | None = None
    ) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = self._send(404, "text/html", page.read_bytes())
        if self.command != "HEAD":
            self.wfile.write(body.read())

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output readable


class StaticServer:
    def __init__(self, root: Path) -> None:
        handler = partial(_Handler, directory=str(root))
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        host, port = self._server.server_address[:2]
        self.url = f"http://{host}:{port}/"

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
