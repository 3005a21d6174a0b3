"""The web surface against hostile data and hostile pages (``dyad.api.security``, sessions,
the token file, and inputs that used to be server errors), through FastAPI's TestClient."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyad.api import Settings, create_app
from dyad.api.auth import SESSION_COOKIE, TokenError, create_token, load_token, valid_session
from dyad.api.security import safe_link
from dyad.api.session import local_path
from dyad.store import Store
from tests.test_store import StubCoder

TOKEN = "security-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LOCAL = "http://localhost"
HOSTILE_URL = "javascript:alert(document.cookie)"
HOSTILE_TITLE = '</title><script>alert("title")</script>'
# A stub-coded line whose participants' names are markup: they reach every page and the
# timeline's and network's JSON.
HOSTILE_LINE = (
    "CONSULT occurred 2024-06-27 USA/</script><img src=x onerror=alert(1)> "
    '-> PER/"><svg onload=alert(2)>'
)
HOSTILE = {
    "text": f"{HOSTILE_LINE}\n<script>alert('text')</script> <a href=\"javascript:alert(3)\">x</a>",
    "title": HOSTILE_TITLE,
    "url": HOSTILE_URL,
}


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_CONFIG", str(tmp_path / "config"))
    monkeypatch.delenv("DYAD_TOKEN", raising=False)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "dyad.db")) as s:
        yield s


def serve(store: Store, **settings: object) -> TestClient:
    options = {"token": TOKEN, **settings}
    app = create_app(store, Settings(**options), coder=StubCoder())  # type: ignore[arg-type]
    return TestClient(app, base_url=LOCAL, raise_server_exceptions=False)


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as c:
        yield c


class _Markup(HTMLParser):
    """Every element that could run script: script tags, event-handler attributes, and
    URL attributes with a scheme other than http(s) or a path on this server."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[tuple[str, str]] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script":
            self.scripts.append(found)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in {"href", "src", "action", "formaction"} and value is not None:
                self.urls.append(value)


def _markup(html: str) -> _Markup:
    parser = _Markup()
    parser.feed(html)
    return parser


def _assert_inert(html: str) -> None:
    found = _markup(html)
    # Script only from this server's files, or JSON data blocks the browser does not run.
    for attrs in found.scripts:
        assert attrs.get("type") == "application/json" or (attrs.get("src") or "").startswith(
            ("/static/", "/docs-assets/")
        ), attrs
    assert found.handlers == []
    for url in found.urls:
        assert url.startswith(("/", "#", "?", "http://", "https://")), url


# Links ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "/relative/path",
        "http:",
        "https:///no-host",
        "ftp://example.org/file",
        "http://[::1",
    ],
)
def test_safe_link_refuses_every_url_but_absolute_http_and_https(url: str) -> None:
    assert safe_link(url) is None


@pytest.mark.parametrize(
    "url", ["http://example.org/a?b=c#d", "HTTPS://www.reuters.com/world/", "https://x.y:8443/"]
)
def test_safe_link_keeps_http_and_https(url: str) -> None:
    assert safe_link(url) == url


def test_hostile_url_title_and_text_render_as_text_on_every_page(client: TestClient) -> None:
    posted = client.post("/api/documents", json=[HOSTILE], headers=AUTH).json()
    assert posted["stored"] == 1, posted
    doc_id = posted["results"][0]["document_id"]
    [event] = client.get("/api/events").json()["events"]
    pages = {
        "index": client.get("/"),
        "actor filter": client.get("/", params={"actor": "<img"}),
        "event": client.get(f"/events/{event['id']}"),
        "document": client.get(f"/documents/{doc_id}"),
    }
    for name, page in pages.items():
        assert page.status_code == 200, name
        _assert_inert(page.text)
        assert 'href="javascript' not in page.text.lower(), name
    document = pages["document"].text
    # The URL is shown, escaped, but is no link; the title and text are escaped text.
    assert 'href="javascript' not in document and "original: javascript:alert" in document
    assert "&lt;/title&gt;&lt;script&gt;" in document
    assert "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;" in document
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages["event"].text
    # The JSON data blocks cannot be closed early by a name holding </script>.
    assert "</script><img" not in pages["index"].text


def test_an_http_url_becomes_the_original_link(client: TestClient) -> None:
    article = {**HOSTILE, "url": "https://news.example/boluarte", "title": "Visit"}
    doc_id = client.post("/api/documents", json=[article], headers=AUTH).json()["results"][0][
        "document_id"
    ]
    page = client.get(f"/documents/{doc_id}").text
    assert '<a href="https://news.example/boluarte" rel="noreferrer noopener">original</a>' in page


# Headers ----------------------------------------------------------------------------

EXPECTED_HEADERS = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def _assert_security_headers(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    for name, value in EXPECTED_HEADERS.items():
        assert headers.get(name) == value, (name, response)
    policy = headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval'
    assert directives["frame-ancestors"] == "'none'"
    assert directives["default-src"] == "'none'"


def test_every_response_carries_the_security_headers(store: Store) -> None:
    with serve(store, max_body_bytes=100) as client:
        client.app.add_api_route("/boom", _boom)  # type: ignore[attr-defined]
        responses = {
            "page": client.get("/"),
            "api": client.get("/api/events"),
            "docs": client.get("/docs"),
            "static": client.get("/static/dyad.js"),
            "404": client.get("/nowhere"),
            "400": client.get("/api/events", params={"type": "NOPE"}),
            "413": client.post("/api/documents", content=b"x" * 200, headers=AUTH),
            "host": client.get("/", headers={"host": "evil.example"}),
            "500": client.get("/boom"),
        }
    assert responses["500"].status_code == 500
    assert responses["413"].status_code == 413
    for name, response in responses.items():
        assert response.status_code != 200 or name in {"page", "api", "docs", "static"}
        _assert_security_headers(response)


def _boom() -> None:
    raise RuntimeError("a bug")


def test_api_docs_page_has_no_inline_script(client: TestClient) -> None:
    page = client.get("/docs")
    scripts = _markup(page.text).scripts
    assert [s.get("src") for s in scripts] == [
        "/docs-assets/swagger-ui-bundle.js",
        "/static/docs.js",
    ]
    assert "<script>" not in page.text
    assert "SwaggerUIBundle" in client.get("/static/docs.js").text


# Host header ------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000"])
def test_loopback_hosts_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/events", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil.example"])
def test_other_hosts_are_refused_with_the_error_shape(client: TestClient, host: str) -> None:
    r = client.get("/api/events", headers={"host": host})
    assert r.status_code == 400
    body = r.json()
    assert body["ok"] is False and body["status"] == 400 and "--allow-host" in body["error"]


def test_allow_host_adds_a_name_and_star_allows_any(store: Store) -> None:
    with serve(store, allowed_hosts=("dyad.example",)) as client:
        assert client.get("/", headers={"host": "dyad.example:8000"}).status_code == 200
        assert client.get("/", headers={"host": "other.example"}).status_code == 400
    with serve(store, allowed_hosts=("*",)) as client:
        assert client.get("/", headers={"host": "other.example"}).status_code == 200


# Sessions ---------------------------------------------------------------------------


def test_private_server_browser_session_is_httponly_strict_and_read_only(store: Store) -> None:
    with serve(store, private=True) as client:
        login = client.get("/", headers={"accept": "text/html"})
        assert login.status_code == 401
        assert 'action="/session"' in login.text and 'method="post"' in login.text
        opened = client.post(
            "/session", data={"token": TOKEN, "next": "/?type=AID"}, follow_redirects=False
        )
        assert opened.status_code == 303 and opened.headers["location"] == "/?type=AID"
        cookie = opened.headers["set-cookie"]
        attributes = {a.strip().split("=")[0].lower(): a for a in cookie.split(";")}
        assert "httponly" in attributes and attributes["samesite"].lower().endswith("strict")
        value = client.cookies[SESSION_COOKIE]
        assert TOKEN not in value and TOKEN not in cookie
        assert client.get("/api/events").status_code == 200
        # The session reads; it never writes.
        write = client.post("/api/documents", json=[HOSTILE])
        assert write.status_code == 401
        assert client.get("/api/events").json()["events"] == []


def test_session_refuses_a_wrong_token_and_a_foreign_next(store: Store) -> None:
    with serve(store, private=True) as client:
        wrong = client.post("/session", data={"token": "nope"}, follow_redirects=False)
        assert wrong.status_code == 403 and SESSION_COOKIE not in client.cookies
        assert wrong.json()["ok"] is False
        for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
            r = client.post(
                "/session", data={"token": TOKEN, "next": target}, follow_redirects=False
            )
            assert r.headers["location"] == "/", target
        client.cookies.set(SESSION_COOKIE, "9999999999.forged")
        assert client.get("/api/events").status_code == 401 or client.cookies.clear() is None


def test_session_values_expire_and_are_bound_to_the_token() -> None:
    from dyad.api.auth import session_value

    value = session_value(TOKEN, now=1_000)
    assert valid_session(TOKEN, value, now=1_000)
    assert not valid_session(TOKEN, value, now=1_000 + 13 * 3600)
    assert not valid_session("another-token", value, now=1_000)
    assert not valid_session(TOKEN, "", now=1_000) and not valid_session(TOKEN, None)


def test_local_path_keeps_paths_on_this_server_only() -> None:
    assert local_path("/events/ev_1?x=1") == "/events/ev_1?x=1"
    for bad in (None, "", "events", "//evil", "/\\evil", "https://evil", "/a\r\nSet-Cookie: x"):
        assert local_path(bad) == "/"


# The token file ---------------------------------------------------------------------


def test_token_file_is_created_0600_in_a_private_folder(tmp_path: Path) -> None:
    path = tmp_path / "config" / "token"
    token, written = create_token(path)
    assert written == path and path.read_text().strip() == token
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_token_replace_replaces_a_symlink_not_its_target(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("do not overwrite\n")
    path = tmp_path / "token"
    path.symlink_to(target)
    with pytest.raises(TokenError, match="already holds"):
        create_token(path)
    token, _ = create_token(path, replace=True)
    assert target.read_text() == "do not overwrite\n"
    assert not path.is_symlink() and path.read_text().strip() == token


def test_load_token_refuses_a_readable_file_and_a_symlink(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config"
    token, path = create_token(config / "token")
    assert load_token() == token
    path.chmod(0o644)
    with pytest.raises(TokenError, match="can be read by others"):
        load_token()
    path.chmod(0o600)
    real = tmp_path / "elsewhere"
    os.replace(path, real)
    path.symlink_to(real)
    with pytest.raises(TokenError, match="symlink"):
        load_token()


def test_cli_token_create_replace_leaves_a_symlinks_target_alone(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dyad.cli import app as cli

    config = tmp_path / "config"
    config.mkdir(mode=0o700)
    target = tmp_path / "bashrc"
    target.write_text("export PATH\n")
    (config / "token").symlink_to(target)
    result = CliRunner().invoke(cli, ["token", "create", "--replace"])
    assert result.exit_code == 0, result.output
    assert target.read_text() == "export PATH\n"


# What used to be server errors ------------------------------------------------------


def _assert_error_shape(r: object, status: int) -> dict[str, object]:
    assert r.status_code == status, r.text  # type: ignore[attr-defined]
    body = r.json()  # type: ignore[attr-defined]
    assert set(body) == {"ok", "error", "status"} and body["ok"] is False
    assert body["status"] == status
    return body


def test_an_actor_filter_of_50001_characters_is_a_400(client: TestClient) -> None:
    for path in ("/api/events", "/api/stats", "/api/network", "/api/stories"):
        body = _assert_error_shape(client.get(path, params={"actor": "a" * 50_001}), 400)
        assert "50,001 characters" in str(body["error"])
    page = client.get("/", params={"actor": "a" * 50_001})
    assert page.status_code == 400 and "50,001 characters" in page.text


def test_a_lone_surrogate_in_a_posted_document_is_a_400(client: TestClient) -> None:
    # Written as JSON by hand: a JSON encoder would refuse the lone surrogate itself.
    bodies = {
        "text": '[{"text": "AID occurred \\ud800 2024-05-05 USA/A -> PER/B"}]',
        "title": '[{"text": "AID occurred 2024-05-05 USA/A -> PER/B", "title": "x\\ud800"}]',
        "url": '[{"text": "AID occurred 2024-05-05 USA/A -> PER/B", "url": "\\udfffx"}]',
    }
    for field, body in bodies.items():
        r = client.post(
            "/api/documents",
            content=body.encode(),
            headers={**AUTH, "content-type": "application/json"},
        )
        error = _assert_error_shape(r, 400)["error"]
        assert "surrogate" in str(error), field
    assert client.get("/api/events").json()["events"] == []


def test_nul_in_a_url_is_a_400_and_in_a_title_a_per_document_reject(client: TestClient) -> None:
    for path in ("/api/events?actor=a%00b", "/api/documents/doc%00x", "/api/actors?q=%00"):
        _assert_error_shape(client.get(path), 400)
    good = {"text": "AID occurred 2024-05-05 USA/A -> PER/B"}
    bad = {"text": "AID occurred 2024-05-06 USA/C -> PER/D", "title": "nul\x00here"}
    posted = client.post("/api/documents", json=[bad, good], headers=AUTH).json()
    assert [r["outcome"] for r in posted["results"]] == ["rejected", "stored"]
    assert posted["results"][0]["reason"] == "binary"
