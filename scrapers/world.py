"""The recorded world: HTTP exchanges on disk, keyed by method, URL and request body.

Layout (documented for users in docs/world.md)::

    <world>/<host>/<METHOD>_<slug>_<key>.json       request + status + headers
    <world>/<host>/<METHOD>_<slug>_<key>.body.<ext> response body, verbatim

``key`` is 12 hex of sha1 over the method, the canonical URL and the canonical request body, so
a lookup is one ``stat`` and needs no index; ``slug`` only helps a person find a file. Bodies are
plain files a person can open; exchanges are pretty-printed JSON, so recordings diff well.
No Scrapy import: the builder, record mode and replay all share these functions.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from w3lib.url import canonicalize_url

_SLUG_UNSAFE = re.compile(r"[^A-Za-z0-9.=-]+")
_EXTENSIONS = (
    ("json", ".json"),
    ("xml", ".xml"),
    ("html", ".html"),
    ("javascript", ".js"),
    ("text/plain", ".txt"),
    ("text/", ".txt"),
)


@dataclass(slots=True)
class Recording:
    method: str
    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    request_body: bytes = b""
    notes: dict[str, str] = field(default_factory=dict)


def canonical_request_body(body: bytes) -> bytes:
    """The body as the key sees it: a JSON body is keyed by its value, not its bytes, so a spider
    that serialises the same query with another key order or spacing still finds its recording."""
    if not body:
        return b""
    try:
        return json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, UnicodeDecodeError):
        return body


def exchange_key(method: str, url: str, body: bytes = b"") -> str:
    digest = hashlib.sha1()
    digest.update(method.upper().encode() + b"\n")
    digest.update(canonicalize_url(url, keep_fragments=False).encode() + b"\n")
    digest.update(canonical_request_body(body))
    return digest.hexdigest()[:12]


def host_dir(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "_nohost").lower()
    return f"{host}_{parts.port}" if parts.port else host


def _slug(url: str) -> str:
    parts = urlsplit(url)
    raw = parts.path.strip("/") + (f"?{parts.query}" if parts.query else "")
    return _SLUG_UNSAFE.sub("_", raw).strip("_")[:60] or "root"


def exchange_stem(method: str, url: str, body: bytes = b"") -> str:
    key = exchange_key(method, url, body)
    return f"{host_dir(url)}/{method.upper()}_{_slug(url)}_{key}"


def body_extension(content_type: str) -> str:
    lowered = content_type.lower()
    for needle, extension in _EXTENSIONS:
        if needle in lowered:
            return extension
    return ".bin"


def _header(headers: list[tuple[str, str]], name: str) -> str:
    return next((v for k, v in headers if k.lower() == name.lower()), "")


class World:
    """A directory of recorded exchanges."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def exchange_path(self, method: str, url: str, body: bytes = b"") -> Path:
        return self.root / f"{exchange_stem(method, url, body)}.json"

    def lookup(self, method: str, url: str, body: bytes = b"") -> Recording | None:
        path = self.exchange_path(method, url, body)
        if not path.is_file():
            return None
        return self.read(path)

    def read(self, path: Path) -> Recording:
        data = json.loads(path.read_text(encoding="utf-8"))
        request, response = data["request"], data["response"]
        headers = [
            (name, value)
            for name, values in response.get("headers", {}).items()
            for value in (values if isinstance(values, list) else [values])
        ]
        body_file = response.get("body_file")
        body = (path.parent / body_file).read_bytes() if body_file else b""
        return Recording(
            method=request["method"],
            url=request["url"],
            status=int(response["status"]),
            headers=headers,
            body=body,
            request_body=_decode_request_body(request),
            notes=data.get("notes", {}),
        )

    def save(self, recording: Recording) -> Path:
        path = self.exchange_path(recording.method, recording.url, recording.request_body)
        path.parent.mkdir(parents=True, exist_ok=True)
        headers: dict[str, str | list[str]] = {}
        for name, value in recording.headers:
            current = headers.get(name)
            if current is None:
                headers[name] = value
            else:
                headers[name] = [*(current if isinstance(current, list) else [current]), value]
        body_file = None
        if recording.body:
            extension = body_extension(_header(recording.headers, "Content-Type"))
            body_file = path.name.removesuffix(".json") + ".body" + extension
            (path.parent / body_file).write_bytes(recording.body)
        document = {
            "request": {"method": recording.method.upper(), "url": recording.url}
            | _encode_request_body(recording.request_body),
            "response": {"status": recording.status, "headers": headers, "body_file": body_file},
        }
        if recording.notes:
            document["notes"] = dict(sorted(recording.notes.items()))
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8")
        return path

    def exchanges(self) -> list[Path]:
        return sorted(p for p in self.root.glob("*/*.json") if not p.name.count(".body."))


def _encode_request_body(body: bytes) -> dict[str, str | None]:
    if not body:
        return {"body": None}
    try:
        return {"body": body.decode("utf-8")}
    except UnicodeDecodeError:
        return {"body_base64": base64.b64encode(body).decode("ascii")}


def _decode_request_body(request: dict[str, str | None]) -> bytes:
    if request.get("body_base64"):
        return base64.b64decode(request["body_base64"] or "")
    return (request.get("body") or "").encode("utf-8")
