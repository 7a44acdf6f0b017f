"""The environment requests reads (proxies, NO_PROXY, CA bundle, netrc): read once per server address, same meaning."""

from __future__ import annotations

import http.server
import threading

import pytest
import requests
import urllib3.filepost

from gazu import client as raw
from gazu._environment import EnvironmentOnceSession

pytestmark = pytest.mark.invented_routes  # generic paths: kept out of the route check

ENVIRONMENT = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy",
               "no_proxy", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "NETRC")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.netrc of the machine's


class Server:
    """A loopback HTTP server answering ``[]`` to every GET, and keeping the request targets it was sent.

    A proxy is sent the absolute URL (``http://kitsu.test/api/…``); a server, the path.
    """

    def __init__(self) -> None:
        self.targets: list[str] = []
        self.authorizations: list[str | None] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802  (http.server's name)
                owner.targets.append(self.path)
                owner.authorizations.append(self.headers.get("Authorization"))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"[]")

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    server = Server()
    yield server
    server.close()


@pytest.fixture
def proxy():
    proxy = Server()
    yield proxy
    proxy.close()


def settings(session: requests.Session, url: str) -> tuple:
    """What a session sends a GET of ``url`` with: the environment's settings and the prepared request's headers."""
    prepared = session.prepare_request(requests.Request("GET", url, headers={"User-Agent": "test"}))
    merged = session.merge_environment_settings(prepared.url, {}, None, None, None)
    return {**merged, "proxies": dict(merged["proxies"])}, dict(prepared.headers), prepared.url


ENVIRONMENTS = [
    {},
    {"HTTPS_PROXY": "http://proxy.test:3128"},
    {"https_proxy": "http://proxy.test:3128", "HTTP_PROXY": "http://other.test:8080"},
    {"HTTPS_PROXY": "http://proxy.test:3128", "NO_PROXY": "kitsu.test"},
    {"HTTPS_PROXY": "http://proxy.test:3128", "NO_PROXY": ".test"},
    {"HTTPS_PROXY": "http://proxy.test:3128", "no_proxy": "other.test,kitsu.test:443"},
    {"ALL_PROXY": "socks5://proxy.test:1080", "NO_PROXY": "elsewhere.test"},
    {"REQUESTS_CA_BUNDLE": "/etc/studio-ca.pem"},
    {"CURL_CA_BUNDLE": "/etc/curl-ca.pem"},
    {"REQUESTS_CA_BUNDLE": "", "CURL_CA_BUNDLE": "/etc/curl-ca.pem"},
]


@pytest.mark.parametrize("environment", ENVIRONMENTS, ids=lambda environment: ",".join(environment) or "none")
@pytest.mark.parametrize("url", ["https://kitsu.test/api/data/projects?name=Hero", "http://kitsu.test:8080/api/x"])
def test_the_environment_means_what_it_means_to_requests(monkeypatch, environment, url):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    ours = EnvironmentOnceSession()
    assert settings(ours, url) == settings(requests.Session(), url)
    assert settings(ours, url) == settings(requests.Session(), url)  # the second time from what was read


@pytest.mark.parametrize("host", ["kitsu.test", "other.test"])
def test_netrc_credentials_apply_as_requests_applies_them(monkeypatch, tmp_path, host):
    netrc = tmp_path / "studio-netrc"
    netrc.write_text("machine %s login ada password s3cret\n" % host)
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    url = "https://kitsu.test/api/data/projects"
    assert settings(EnvironmentOnceSession(), url) == settings(requests.Session(), url)
    assert ("Authorization" in settings(EnvironmentOnceSession(), url)[1]) == (host == "kitsu.test")


def test_an_explicit_authorization_is_kept_and_netrc_never_read_for_it(monkeypatch, tmp_path):
    netrc = tmp_path / "studio-netrc"
    netrc.write_text("machine kitsu.test login ada password s3cret\n")
    monkeypatch.setenv("NETRC", str(netrc))
    session = EnvironmentOnceSession()
    prepared = session.prepare_request(requests.Request("GET", "https://kitsu.test/api", auth=("bob", "pw")))
    assert prepared.headers["Authorization"] == requests.Session().prepare_request(
        requests.Request("GET", "https://kitsu.test/api", auth=("bob", "pw"))).headers["Authorization"]
    assert session._environments == {}


def test_session_proxies_and_params_merge_as_in_requests(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.test:3128")
    url = "https://kitsu.test/api/data/projects"
    sessions = [EnvironmentOnceSession(), requests.Session()]
    for session in sessions:
        session.proxies = {"http": "http://session-proxy.test:1", "https": None}
        session.params = {"studio": "blue"}
    assert settings(sessions[0], url) == settings(sessions[1], url)


def test_without_trust_env_nothing_is_read(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.test:3128")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/studio-ca.pem")
    session, plain = EnvironmentOnceSession(), requests.Session()
    session.trust_env = plain.trust_env = False
    url = "https://kitsu.test/api"
    assert settings(session, url) == settings(plain, url)
    assert settings(session, url)[0]["proxies"] == {} and session._environments == {}


def test_a_client_sends_through_the_proxy_of_the_environment(monkeypatch, proxy):
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    client = raw.create_client("http://kitsu.test/api")
    assert raw.get("data/projects", client=client) == []
    assert raw.get("data/assets", client=client) == []
    assert proxy.targets == ["http://kitsu.test/api/data/projects", "http://kitsu.test/api/data/assets"]


def test_no_proxy_sends_straight_to_the_server(monkeypatch, server, proxy):
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    client = raw.create_client(server.url + "/api")
    assert raw.get("data/projects", client=client) == []
    assert (server.targets, proxy.targets) == (["/api/data/projects"], [])


def test_the_environment_is_read_once_per_client_and_server_address(monkeypatch, server, proxy):
    """Read on a client's first request to an address: a later change applies to new clients and addresses."""
    client = raw.create_client(server.url + "/api")
    assert raw.get("data/projects", client=client) == []
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    assert raw.get("data/assets", client=client) == []
    assert (server.targets, proxy.targets) == (["/api/data/projects", "/api/data/assets"], [])

    assert raw.get("data/shots", client=raw.create_client(server.url + "/api")) == []  # a new client
    client.host = "http://kitsu.test/api"  # a new address
    assert raw.get("data/tasks", client=client) == []
    assert proxy.targets == [server.url + "/api/data/shots", "http://kitsu.test/api/data/tasks"]


def test_forget_environment_reads_it_again(monkeypatch, server, proxy):
    client = raw.create_client(server.url + "/api")
    assert raw.get("data/projects", client=client) == []
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    client.session.forget_environment()
    assert raw.get("data/assets", client=client) == []
    assert (server.targets, proxy.targets) == (["/api/data/projects"], [server.url + "/api/data/assets"])


def test_netrc_is_read_once_per_server_address(monkeypatch, tmp_path, server):
    netrc = tmp_path / "studio-netrc"
    netrc.write_text("machine 127.0.0.1 login ada password s3cret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    session = EnvironmentOnceSession()
    assert session.get(server.url + "/a").json() == []
    netrc.write_text("")
    assert session.get(server.url + "/b").json() == []
    assert server.authorizations[0] is not None and server.authorizations[0] == server.authorizations[1]


def prepared(session: requests.Session, request: requests.Request) -> dict:
    """Everything a prepared request carries, comparable."""
    made = session.prepare_request(request)
    return {"method": made.method, "url": made.url, "headers": list(made.headers.items()), "body": made.body,
            "cookies": sorted((cookie.name, cookie.value, cookie.domain) for cookie in made._cookies),
            "hooks": made.hooks}


def hook(response, *args, **kwargs):
    return response


REQUESTS = [
    dict(method="get", url="https://kitsu.test/api/data/projects"),
    dict(method="GET", url="https://kitsu.test/api/data/tasks", params={"name": "main", "entity_id": None,
                                                                         "ids": ["a", "b"]}),
    dict(method="POST", url="https://kitsu.test/api/data/tasks", data=b'{"name": "main"}',
         headers={"Content-Type": "application/json", "Authorization": "Bearer t", "Accept": None}),
    dict(method="PUT", url="https://kitsu.test/api/data/tasks/1", json={"name": "main"}, params=[("a", "1"), ("a", "2")]),
    dict(method="GET", url="https://kitsu.test/api/data/tasks?x=1", params={"name": "é ü/&=+", "page": 2, "relations": True,
                                                                           "raw": b"b%20", "empty": "", "ids": ("a", None)}),
    dict(method="GET", url="https://kitsu.test/api/data/tasks", params={}),
    dict(method="POST", url="https://kitsu.test/api/pictures/x", files={"file": ("x.png", b"png")},
         data={"name": "x"}),
    dict(method="GET", url="https://kitsu.test/api/data/x", cookies={"session": "abc"}, auth=("ada", "pw")),
    dict(method="GET", url="https://kitsu.test/api/data/x", hooks={"response": [hook]}),
]


@pytest.mark.parametrize("arguments", REQUESTS, ids=lambda arguments: "%s-%s" % (arguments["method"], sorted(arguments)))
@pytest.mark.parametrize("session_state", ["plain", "cookies", "headers", "params", "auth", "hooks"])
def test_requests_are_prepared_as_requests_prepares_them(monkeypatch, arguments, session_state):
    monkeypatch.setattr(urllib3.filepost, "choose_boundary", lambda: "boundary")  # the same multipart bodies
    sessions = [EnvironmentOnceSession(), requests.Session()]
    for session in sessions:
        if session_state == "cookies":
            session.cookies.set("access_token_cookie", "jwt", domain="kitsu.test")
        elif session_state == "headers":
            session.headers.update({"User-Agent": "CGWire Gazu", "X-Studio": "blue", "Accept": None})
        elif session_state == "params":
            session.params = {"studio": "blue"}
        elif session_state == "auth":
            session.auth = ("bob", "pw")
        elif session_state == "hooks":
            session.hooks["response"].append(hook)
    ours, theirs = (prepared(session, requests.Request(**arguments)) for session in sessions)
    assert ours == theirs
