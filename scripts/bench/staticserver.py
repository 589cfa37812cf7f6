"""A small static HTTP server for the built site, on 127.0.0.1 only, that compresses text
(HTML, CSS, JavaScript, JSON, XML, SVG) with gzip on the fly, as a production server or
CDN would, and records every request with the bytes it sent."""

from __future__ import annotations

import gzip
import mimetypes
import posixpath
import threading
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
GZIP_LEVEL = 6  # the usual server default (nginx and Apache take 1 to 9; CDNs mostly 6)
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("application/json", ".json")
mimetypes.add_type("image/svg+xml", ".svg")


@dataclass
class Served:
    path: str
    status: int
    content_type: str
    raw_bytes: int
    sent_bytes: int  # body bytes on the wire (compressed when gzip was used)
    encoding: str


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "bench-static"
    sys_version = ""

    def log_message(self, *args):  # quiet
        pass

    def do_HEAD(self):
        self._serve(body=False)

    def do_GET(self):
        self._serve(body=True)

    def _serve(self, body: bool) -> None:
        root: Path = self.server.root  # type: ignore[attr-defined]
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        rel = posixpath.normpath("/" + path).lstrip("/")
        file = root / rel
        if file.is_dir():
            if not path.endswith("/"):
                self._send(301, b"", "text/plain", body, location=path + "/")
                return
            file = file / "index.html"
        if not file.is_file() or root.resolve() not in file.resolve().parents:
            missing = root / "404.html"
            data = missing.read_bytes() if missing.is_file() else b"not found"
            self._send(404, data, "text/html; charset=utf-8", body, path=path)
            return
        ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self._send(200, file.read_bytes(), ctype, body, path=path)

    def _send(self, status: int, data: bytes, ctype: str, body: bool, path: str = "", location: str = "") -> None:
        raw = len(data)
        encoding = ""
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if self.server.compress and accepts and ctype.startswith(COMPRESSIBLE) and raw > 0:  # type: ignore[attr-defined]
            data = gzip.compress(data, GZIP_LEVEL, mtime=0)
            encoding = "gzip"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        if self.server.compress:  # type: ignore[attr-defined]
            self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if location:
            self.send_header("Location", location)
        self.end_headers()
        if body:
            self.wfile.write(data)
        with self.server.lock:  # type: ignore[attr-defined]
            self.server.log.append(Served(path or location, status, ctype, raw, len(data) if body else 0, encoding))  # type: ignore[attr-defined]


class StaticServer:
    """`with StaticServer(site) as server:` serves on server.url until the block ends."""

    def __init__(self, root: Path, port: int, compress: bool = True):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.root = root  # type: ignore[attr-defined]
        self.httpd.compress = compress  # type: ignore[attr-defined]
        self.httpd.log = []  # type: ignore[attr-defined]
        self.httpd.lock = threading.Lock()  # type: ignore[attr-defined]
        self.url = f"http://127.0.0.1:{port}/"
        self.compress = compress
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def log(self) -> list[Served]:
        return self.httpd.log  # type: ignore[attr-defined]

    def clear_log(self) -> None:
        with self.httpd.lock:  # type: ignore[attr-defined]
            self.httpd.log.clear()  # type: ignore[attr-defined]

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
