"""`ingest fetch` against a local HTTP server on 127.0.0.1: redirects, retries, limits, robots.txt,
conditional re-fetch, crawl, file names, SSRF guard and the CLI. No other network."""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.fetch import FetchOptions, FetchOutcome, fetch_urls, guard
from pipeline.fetch.guard import IPAddress, is_private
from pipeline.fetch.names import page_name
from pipeline.fetch.retry import retry_after

SIDECAR_KEYS = ["url", "final_url", "fetched_at", "status", "content_type", "charset", "etag", "last_modified",
                "bytes", "sha256"]
FAST = FetchOptions(connect_timeout=2, read_timeout=2, delay=0, backoff=0, max_retry_wait=1, allow_private=True)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    sleep: float = 0.0
    length: bool = True  # send Content-Length (else the body ends when the connection closes)


NOT_FOUND = Reply(404, b"not found", {"Content-Type": "text/plain"})
Route = Reply | list[Reply] | Callable[[BaseHTTPRequestHandler], Reply]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # never wait for a handler still sleeping in a timeout test

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client hung up (timeouts, size limits): expected


class LocalSite:
    """A routing table {path with query: Reply | [Reply, ...] (one per request, last repeats) | fn(handler)},
    "*" for any other path (else 404), and a log of (path, request headers)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site.log.append((self.path, dict(self.headers.items())))
                route = site.routes.get(self.path, site.routes.get("*", NOT_FOUND))
                if isinstance(route, list):
                    reply = route.pop(0) if len(route) > 1 else route[0]
                elif callable(route):
                    reply = route(self)
                else:
                    reply = route
                if reply.sleep:
                    time.sleep(reply.sleep)
                try:
                    self.send_response(reply.status)
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    if reply.length:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except OSError:
                    pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.log]


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalSite]:
    monkeypatch.setenv("NO_PROXY", "*")  # a developer's HTTP(S)_PROXY must not see the local server
    s = LocalSite()
    s.thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()


def html(text: str) -> Reply:
    return Reply(body=f"<html><body>{text}</body></html>".encode())


def redirect(to: str, status: int = 301) -> Reply:
    return Reply(status, b"", {"Location": to})


def one(site: LocalSite, path: str, raw: Path, **opts: object) -> FetchOutcome:
    report = fetch_urls([site.url(path)], raw, options=replace(FAST, **opts))
    assert len(report.outcomes) == 1
    return report.outcomes[0]


def sidecar(page: Path) -> dict:
    return json.loads(page.with_name(page.name + ".fetch.json").read_text("utf-8"))


# ---------------------------------------------------------------- redirects, errors, retries, limits


def test_redirect_chain_followed_and_sidecar_written(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/old"] = redirect("/moved", 301)
    site.routes["/moved"] = redirect(site.url("/talk.html"), 302)
    site.routes["/talk.html"] = Reply(body=b"<p>hello</p>", headers={"Content-Type": "text/html", "ETag": '"v1"'})
    o = one(site, "/old", tmp_path)
    assert o.status == "fetched" and o.reason is None and o.final_url == site.url("/talk.html")
    assert o.path is not None and o.path.read_bytes() == b"<p>hello</p>"
    rec = sidecar(o.path)
    assert list(rec) == SIDECAR_KEYS
    assert rec["url"] == site.url("/old") and rec["final_url"] == site.url("/talk.html")
    assert rec["status"] == 200 and rec["etag"] == '"v1"' and rec["charset"] is None
    assert rec["bytes"] == 12 and rec["sha256"] == hashlib.sha256(b"<p>hello</p>").hexdigest()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", rec["fetched_at"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [o.path.name, o.path.name + ".fetch.json"]


def test_redirect_loop_and_too_many_redirects(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/a"] = redirect("/b")
    site.routes["/b"] = redirect("/a", 302)
    for i in range(7):
        site.routes[f"/r{i}"] = redirect(f"/r{i + 1}", 307)
    site.routes["/r7"] = html("end")
    loop = one(site, "/a", tmp_path)
    assert loop.status == "failed" and "too many redirects" in (loop.reason or "")
    long = one(site, "/r0", tmp_path, max_redirects=5)
    assert long.status == "failed" and "too many redirects" in (long.reason or "")
    assert "/r6" not in site.paths()
    assert one(site, "/r0", tmp_path, max_redirects=7).status == "fetched"
    assert not any(p.name.endswith(".fetch.json") and "_a" in p.name for p in tmp_path.iterdir())


def test_404_fails_with_status_in_reason(site: LocalSite, tmp_path: Path) -> None:
    o = one(site, "/missing", tmp_path)
    assert o.status == "failed" and o.path is None and "404" in (o.reason or "")
    assert list(tmp_path.iterdir()) == []


def test_503_retried_after_retry_after(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/busy"] = [Reply(503, b"", {"Retry-After": "0"}), html("ok now")]
    o = one(site, "/busy", tmp_path)
    assert o.status == "fetched" and site.paths().count("/busy") == 2
    site.routes["/down"] = Reply(503, b"", {"Retry-After": "0"})
    o = one(site, "/down", tmp_path, attempts=3)
    assert o.status == "failed" and "503" in (o.reason or "") and site.paths().count("/down") == 3


def test_slow_response_times_out(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/slow"] = Reply(body=b"late", sleep=1.0)
    started = time.monotonic()
    o = one(site, "/slow", tmp_path, read_timeout=0.3)
    assert o.status == "failed" and "timed out" in (o.reason or "")
    assert time.monotonic() - started < 0.9 and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("declared", [True, False])
def test_body_over_limit_fails(site: LocalSite, tmp_path: Path, declared: bool) -> None:
    site.routes["/big"] = Reply(body=b"x" * 5000, length=declared)
    o = one(site, "/big", tmp_path, max_bytes=1000)
    assert o.status == "failed" and o.reason == "body larger than 1000 bytes"
    assert list(tmp_path.iterdir()) == []
    assert one(site, "/big", tmp_path, max_bytes=5000).status == "fetched"


def test_wrong_charset_header_kept_and_bytes_exact(site: LocalSite, tmp_path: Path) -> None:
    body = "<html><body>Café über Ångström — talk</body></html>".encode()
    site.routes["/talk"] = Reply(body=body, headers={"Content-Type": "text/html; charset=ISO-8859-1"})
    o = one(site, "/talk", tmp_path)
    assert o.path is not None and o.path.read_bytes() == body and o.path.suffix == ".html"
    rec = sidecar(o.path)
    assert rec["charset"] == "iso-8859-1" and rec["content_type"] == "text/html; charset=ISO-8859-1"


def test_robots_txt_disallow_respected(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /private/\n",
                                       headers={"Content-Type": "text/plain"})
    site.routes["/private/page"] = html("secret")
    site.routes["/public"] = html("hi")
    report = fetch_urls([site.url("/private/page"), site.url("/public")], tmp_path, options=FAST)
    private, public = report.outcomes
    assert private.status == "failed" and private.reason == "disallowed by robots.txt"
    assert public.status == "fetched"
    assert site.paths() == ["/robots.txt", "/public"]  # robots.txt asked once, the page never


def test_robots_txt_names_our_agent(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/robots.txt"] = Reply(body=b"User-agent: seminar-ingest\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
                                       headers={"Content-Type": "text/plain"})
    o = one(site, "/anything", tmp_path)
    assert o.reason == "disallowed by robots.txt" and "/anything" not in site.paths()
    ua = site.log[0][1]["User-Agent"]
    assert ua.startswith("seminar-ingest/")


# ---------------------------------------------------------------- re-fetching


def test_conditional_refetch_304_rewrites_nothing(site: LocalSite, tmp_path: Path) -> None:
    def talk(h: BaseHTTPRequestHandler) -> Reply:
        if h.headers.get("If-None-Match") == '"abc"':
            return Reply(304, b"", {"ETag": '"abc"'})
        return Reply(body=b"<p>talk</p>", headers={"Content-Type": "text/html", "ETag": '"abc"',
                                                   "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"})

    site.routes["/talk"] = talk
    first = one(site, "/talk", tmp_path)
    assert first.status == "fetched" and first.path is not None
    meta = first.path.with_name(first.path.name + ".fetch.json")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (first.path, meta)}
    time.sleep(0.01)
    second = one(site, "/talk", tmp_path)
    assert second.status == "unchanged" and second.path == first.path and second.http_status == 304
    headers = site.log[-1][1]
    assert headers["If-None-Match"] == '"abc"' and headers["If-Modified-Since"] == "Mon, 01 Jan 2024 00:00:00 GMT"
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (first.path, meta)} == before
    assert len(list(tmp_path.iterdir())) == 2


def test_refetch_same_body_unchanged_new_body_rewritten(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/p"] = [html("v1"), html("v1"), html("v2")]
    first = one(site, "/p", tmp_path)
    assert first.path is not None
    mtime = first.path.stat().st_mtime_ns
    time.sleep(0.01)
    assert one(site, "/p", tmp_path).status == "unchanged" and first.path.stat().st_mtime_ns == mtime
    third = one(site, "/p", tmp_path)
    assert third.status == "fetched" and third.path == first.path and b"v2" in first.path.read_bytes()
    assert sidecar(first.path)["sha256"] == hashlib.sha256(first.path.read_bytes()).hexdigest()


def test_deleted_page_is_fetched_again_without_conditions(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/p"] = Reply(body=b"<p>x</p>", headers={"Content-Type": "text/html", "ETag": '"e"'})
    first = one(site, "/p", tmp_path)
    assert first.path is not None
    first.path.unlink()
    again = one(site, "/p", tmp_path)
    assert again.status == "fetched" and again.path == first.path and first.path.exists()
    assert "If-None-Match" not in site.log[-1][1]


# ---------------------------------------------------------------- crawl


def test_crawl_follows_only_matching_same_site_links(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/seminar/"] = html(
        '<a href="/talks/1">one</a> <a href="../talks/./2#abstract">two</a> '
        f'<a href="{site.url("/talks/3")}">three</a> <a href="/talks/1#again">one again</a> '
        '<a href="/about">about</a> <a href="https://example.invalid/talks/9">elsewhere</a> '
        '<a href="http://127.0.0.1:9/talks/8">other port</a> <a href="mailto:x@y.z">mail</a>')
    for i in (1, 2, 3):
        site.routes[f"/talks/{i}"] = html(f"talk {i}")
    site.routes["/about"] = html("about")
    report = fetch_urls([site.url("/seminar/")], tmp_path, options=replace(FAST, crawl=r"/talks/\d+$"))
    assert [o.status for o in report.outcomes] == ["fetched"] * 4
    assert sorted(site.paths()) == ["/robots.txt", "/seminar/", "/talks/1", "/talks/2", "/talks/3"]
    assert [o.depth for o in report.outcomes] == [0, 1, 1, 1]


def test_crawl_depth_max_pages_and_base_href(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/"] = html('<a href="/t/1">1</a><a href="/t/2">2</a><a href="/t/3">3</a>')
    site.routes["/t/1"] = html('<a href="/t/1/more">more</a>')
    site.routes["/t/2"] = html("2")
    site.routes["/t/3"] = html("3")
    site.routes["/t/1/more"] = html("<head><base href='/t/deep/'></head><a href='x'>x</a>")
    site.routes["/t/deep/x"] = html("x")
    opts = replace(FAST, crawl="/t/")
    d1 = fetch_urls([site.url("/")], tmp_path / "d1", options=opts)
    assert len(d1.outcomes) == 4 and site.url("/t/1/more") not in [o.url for o in d1.outcomes]
    d3 = fetch_urls([site.url("/")], tmp_path / "d3", options=replace(opts, depth=3))
    assert [o.url for o in d3.outcomes][-2:] == [site.url("/t/1/more"), site.url("/t/deep/x")]
    capped = fetch_urls([site.url("/")], tmp_path / "cap", options=replace(opts, depth=3, max_pages=2))
    assert [o.url for o in capped.outcomes] == [site.url("/"), site.url("/t/1")]
    zero = fetch_urls([site.url("/")], tmp_path / "d0", options=replace(opts, depth=0))
    assert len(zero.outcomes) == 1


# ---------------------------------------------------------------- file names


def test_page_names_are_safe_and_distinct() -> None:
    assert page_name("https://example.org/talks/2024/x.html", "text/html") == "example.org_talks_2024_x.html"
    assert page_name("http://example.org/", "text/html") == "example.org_index.html"
    assert page_name("http://example.org/a/b", "application/pdf") == "example.org_a_b.pdf"
    assert page_name("http://example.org/deck", "application/vnd.openxmlformats-officedocument"
                                                 ".presentationml.presentation").endswith(".pptx")
    evil = page_name("http://h/..%2F..%2F/../etc/passwd", "text/plain")
    assert "/" not in evil and ".." not in evil and not evil.startswith(".")
    a, b = page_name("http://h/list?page=1", "text/html"), page_name("http://h/list?page=2", "text/html")
    assert a != b and a.endswith(".html")
    long = page_name("http://h/" + "seg/" * 100 + "end", "text/html")
    assert len(long) <= 120 and re.search(r"-[0-9a-f]{12}\.html$", long)


def test_fetched_names_stay_inside_raw(site: LocalSite, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    paths = ["/a/b/../../../../escape.txt", "/list?page=1", "/list?page=2", "/" + "x" * 300 + "/y",
             "/%2e%2e/%2e%2e/up"]
    site.routes["*"] = lambda h: html(h.path)  # clients may normalise dot segments before sending
    report = fetch_urls([site.url(p) for p in paths], raw, options=FAST)
    assert [o.status for o in report.outcomes] == ["fetched"] * len(paths)
    files = [o.path for o in report.outcomes if o.path is not None]
    assert len(set(files)) == len(paths)
    for f in files:
        assert f.resolve().parent == raw.resolve() and len(f.name) <= 120
    assert not (tmp_path / "escape.txt").exists()
    assert all(p.parent == raw for p in raw.rglob("*"))


def test_name_clash_never_overwrites_another_file(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/talk.html"] = html("fetched")
    name = page_name(site.url("/talk.html"), "text/html")
    (tmp_path / name).write_bytes(b"hand-made")
    o = one(site, "/talk.html", tmp_path)
    assert o.status == "fetched" and o.path is not None and o.path.name != name
    assert (tmp_path / name).read_bytes() == b"hand-made" and sidecar(o.path)["url"] == site.url("/talk.html")


# ---------------------------------------------------------------- safety


def test_non_http_schemes_refused(site: LocalSite, tmp_path: Path) -> None:
    report = fetch_urls(["file:///etc/passwd", "ftp://example.org/x", "example.org/x"], tmp_path, options=FAST)
    assert all(o.status == "failed" and "unsupported URL scheme" in (o.reason or "") for o in report.outcomes)
    site.routes["/r"] = redirect("file:///etc/passwd", 302)
    o = one(site, "/r", tmp_path)
    assert o.status == "failed" and "unsupported URL scheme" in (o.reason or "")


def test_private_address_refused_before_any_request(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/p"] = html("p")
    o = one(site, "/p", tmp_path, allow_private=False)
    assert o.status == "failed"
    assert o.reason == "refused: 127.0.0.1 resolves to a private address (use --allow-private)"
    assert site.log == [] and list(tmp_path.iterdir()) == []


def test_redirect_to_private_host_refused(site: LocalSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = guard.resolve

    def fake(host: str, port: int) -> list[IPAddress]:
        if host == "127.0.0.1":  # the guard takes the test server for a public host; localhost stays loopback
            return [ipaddress.ip_address("93.184.216.34")]
        return real(host, port)

    monkeypatch.setattr(guard, "resolve", fake)
    site.routes["/jump"] = redirect(f"http://localhost:{site.port}/inside", 302)
    site.routes["/inside"] = html("admin")
    o = one(site, "/jump", tmp_path, allow_private=False)
    assert o.reason == "refused: localhost resolves to a private address (use --allow-private)"
    assert site.paths() == ["/robots.txt", "/jump"]


@pytest.mark.parametrize(("ip", "private"), [
    ("127.0.0.1", True), ("10.1.2.3", True), ("192.168.0.1", True), ("172.16.0.1", True), ("169.254.169.254", True),
    ("0.0.0.0", True), ("224.0.0.1", True), ("240.0.0.1", True), ("100.64.0.1", True), ("::1", True),
    ("fe80::1", True), ("fc00::1", True), ("::ffff:127.0.0.1", True), ("93.184.216.34", False),
    ("2606:2800:220:1:248:1893:25c8:1946", False)])
def test_private_addresses(ip: str, private: bool) -> None:
    assert is_private(ipaddress.ip_address(ip)) is private


def test_retry_after_parsing() -> None:
    now = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    assert retry_after("0", 60) == 0 and retry_after("7", 60) == 7 and retry_after("3600", 60) == 60
    assert retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), 60, now) == 30
    assert retry_after(format_datetime(now - timedelta(seconds=30), usegmt=True), 60, now) == 0
    assert retry_after(None, 60) is None and retry_after("soon", 60) is None


def test_delay_between_requests_to_one_host(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/1"] = html("1")
    site.routes["/2"] = html("2")
    started = time.monotonic()
    report = fetch_urls([site.url("/1"), site.url("/2")], tmp_path, options=replace(FAST, delay=0.15))
    assert report.ok and time.monotonic() - started >= 0.3  # robots.txt, /1, /2: two pauses


# ---------------------------------------------------------------- command line


def test_cli_fetch_writes_page_and_sidecar(site: LocalSite, tmp_path: Path) -> None:
    site.routes["/talk"] = html("talk")
    raw = tmp_path / "raw"
    assert cli.main(["fetch", site.url("/talk"), "--into", str(raw), "--allow-private", "--delay", "0",
                     "--quiet"]) == 0
    names = sorted(p.name for p in raw.iterdir())
    assert names == [f"127.0.0.1_{site.port}_talk.html", f"127.0.0.1_{site.port}_talk.html.fetch.json"]
    assert json.loads((raw / names[1]).read_text("utf-8"))["url"] == site.url("/talk")


def test_cli_failure_exit_1_with_reason(site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site.routes["/ok"] = html("ok")
    code = cli.main(["fetch", site.url("/ok"), site.url("/gone"), "--into", str(tmp_path / "raw"),
                     "--allow-private", "--delay", "0"])
    err = capsys.readouterr().err
    assert code == 1
    assert "fetched 1, unchanged 0, failed 1" in err
    assert f"failed {site.url('/gone')}: HTTP 404" in err and "Traceback" not in err


def test_cli_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    afile = tmp_path / "file"
    afile.write_text("x")
    assert cli.main(["fetch", "http://127.0.0.1:9/", "--into", str(afile), "--quiet"]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert cli.main(["fetch", "http://127.0.0.1:9/", "--into", str(tmp_path / "r"), "--crawl", "("]) == 2
    with pytest.raises(SystemExit) as exc:
        cli.main(["fetch", "http://127.0.0.1:9/", "--into", str(tmp_path / "r"), "--depth", "-1"])
    assert exc.value.code == 2


# ---------------------------------------------------------------- end to end: fetch a site, then ingest it


def test_fetch_crawl_then_ingest_end_to_end(site: LocalSite, tmp_path: Path) -> None:
    from conftest import read_jsonl, run_ingest

    site.routes["/robots.txt"] = Reply(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"})
    site.routes["/seminar/"] = html(
        "<nav><a href='/'>Home</a></nav><main><h1>Geometry Seminar</h1><ul>"
        "<li><a href='talks/sheaves.html'>Sheaves</a></li><li><a href='talks/knots.html'>Knots</a></li>"
        "<li><a href='/private/secret.html'>Internal</a></li><li><a href='/about.html'>About</a></li></ul></main>")
    site.routes["/seminar/talks/sheaves.html"] = html(
        "<main><h1>Sheaves for working topologists</h1><p>Speaker: Jane Doe (University of Oslo)<br>"
        "Date: Tuesday, 5 March 2024, 16:00-17:00 CET<br>Room: Auditorium 2</p>"
        "<p>Abstract: We explain sheaves.</p><p><a href='../slides/sheaves.pdf'>Slides</a></p></main>")
    site.routes["/seminar/talks/knots.html"] = Reply(body=(
        "<html><head><meta charset='iso-8859-1'></head><body><main><h1>Knots and their invariants</h1>"
        "<p>Speaker: José Núñez (Universidad de Sevilla)<br>Date: 12 March 2024, 16:00 CET</p>"
        "<p><a href='https://video.example.org/knots'>Video</a></p></main></body></html>").encode("latin-1"),
        headers={"Content-Type": "text/html; charset=iso-8859-1"})
    raw, out = tmp_path / "raw", tmp_path / "out"
    assert cli.main(["fetch", site.url("/seminar/"), "--into", str(raw), "--crawl", r"/seminar/talks/",
                     "--depth", "1", "--allow-private", "--delay", "0", "--quiet"]) == 0
    assert "/private/secret.html" not in site.paths() and "/about.html" not in site.paths()
    assert len(list(raw.glob("*.fetch.json"))) == 3
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    talks = {t["title"]: t for t in read_jsonl(out / "talks.jsonl")}
    sheaves = talks["Sheaves for working topologists"]
    assert [s["name"] for s in sheaves["speakers"]] == ["Jane Doe"]
    assert sheaves["start"] == "2024-03-05T16:00:00+01:00"
    assert [lk["url"] for lk in sheaves["links"]] == [site.url("/seminar/slides/sheaves.pdf")]  # made absolute
    knots = talks["Knots and their invariants"]
    assert [s["name"] for s in knots["speakers"]] == ["José Núñez"]  # decoded with the page's charset
    assert [lk["kind"] for lk in knots["links"]] == ["video"]
    sources = read_jsonl(out / "sources.jsonl")
    assert len(sources) == 3 and all(s["status"] in ("ok", "empty") for s in sources)
    assert not any(s["path"].endswith(".fetch.json") for s in sources)
