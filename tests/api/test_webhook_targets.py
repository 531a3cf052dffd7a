"""Webhook targets: only globally routable addresses, and the POST goes to the address that was checked."""

import http.server
import socket
import ssl
import threading
import uuid
from types import SimpleNamespace

import pytest
import trustme
from django.core.exceptions import ValidationError

from api import webhooks

from .test_webhooks import Receiver

REFUSED = [
    "127.0.0.1",
    "10.1.2.3",
    "192.168.0.10",
    "169.254.169.254",  # link-local cloud metadata
    "100.64.0.1",  # shared address space
    "100.100.100.200",  # a cloud metadata address in shared space
    "0.0.0.0",  # noqa: S104  (an address to refuse, not to bind)
    "255.255.255.255",
    "224.0.0.1",  # multicast
    "198.18.0.1",  # benchmarking
    "::1",
    "fc00::1",
    "fe80::1",
    "ff0e::1",
    "::ffff:127.0.0.1",  # IPv4-mapped loopback
    "::ffff:100.64.0.1",
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
    "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "64:ff9b:1::808:808",  # NAT64 for local use
    "::7f00:1",  # IPv4-compatible 127.0.0.1
    "2001:db8::1",  # documentation
]
ALLOWED = ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1", "64:ff9b::808:808"]


@pytest.mark.parametrize("address", REFUSED)
def test_addresses_that_are_not_globally_routable_are_refused(settings, address):
    """Private, loopback, link-local, shared, multicast and IPv4-in-IPv6 forms of them are all refused."""
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    assert not webhooks.is_public(address)
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(ValidationError):
        webhooks.validate_target_url(f"https://{host}/hooks")


@pytest.mark.parametrize("address", ALLOWED)
def test_globally_routable_addresses_are_allowed(settings, address):
    """Public IPv4 and IPv6 addresses, and IPv6 forms carrying a public IPv4 address, are allowed."""
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    assert webhooks.is_public(address)
    host = f"[{address}]" if ":" in address else address
    webhooks.validate_target_url(f"https://{host}/hooks")


class StubResolver:
    """Answers names with the given addresses in turn (the last one from then on); numbers resolve as usual."""

    def __init__(self, monkeypatch, *answers):
        self.answers, self.asked = list(answers), []
        real = socket.getaddrinfo

        def getaddrinfo(host, port, *args, **kwargs):
            if webhooks._looks_like_ip(str(host).strip("[]")):
                return real(host, port, *args, **kwargs)
            self.asked.append(host)
            address = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (address, port or 0))]

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def delivery_to(url, secret="s3cret"):  # noqa: S107
    event = SimpleNamespace(as_payload=lambda: {"id": 1, "event": "published"})
    return SimpleNamespace(
        subscription=SimpleNamespace(target_url=url, secret=secret), delivery_id=uuid.uuid4(), event=event
    )


@pytest.fixture
def loopback():
    server = Receiver()
    yield server
    server.close()


def test_dns_rebinding_cannot_turn_the_post_to_loopback(settings, monkeypatch, loopback):
    """A name that answers a public address, then 127.0.0.1, gets its POST sent to the public one (checked)."""
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    settings.WEBHOOK_TIMEOUT_SECONDS = 1
    resolver = StubResolver(monkeypatch, "93.184.215.14", "127.0.0.1")
    port = loopback.server.server_address[1]
    error = webhooks.post(delivery_to(f"http://hooks.example.test:{port}/hooks"))
    assert resolver.asked == ["hooks.example.test"]  # resolved once
    assert loopback.requests == []  # nothing reached loopback
    assert error is not None and "93.184.215.14" in error


def test_the_post_goes_to_the_resolved_address_with_the_names_host_header(settings, monkeypatch, loopback):
    """The POST is sent to the first answer, and the Host header names the URL's host and port."""
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
    StubResolver(monkeypatch, "127.0.0.1", "10.255.255.1")  # a second lookup would go nowhere
    port = loopback.server.server_address[1]
    assert webhooks.post(delivery_to(f"http://hooks.example.test:{port}/hooks?v=1")) is None
    ((_status, headers, _body),) = loopback.requests
    assert headers["Host"] == f"hooks.example.test:{port}"


class TlsReceiver:
    """An HTTPS server on 127.0.0.1 with a certificate for ``name``, recording SNI, Host and path."""

    def __init__(self, ca, name):
        self.requests, self.server_names = [], []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((self.path, self.headers["Host"]))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ca.issue_cert(name).configure_cert(context)
        context.sni_callback = lambda sock, server_name, ctx: self.server_names.append(server_name)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def tls(settings, tmp_path, monkeypatch):
    """A private CA the worker trusts, and a maker of HTTPS receivers reached as hooks.example.test."""
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    settings.WEBHOOK_CA_BUNDLE = str(tmp_path / "ca.pem")
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
    StubResolver(monkeypatch, "127.0.0.1")
    receivers = []

    def make(name):
        receivers.append(TlsReceiver(ca, name))
        return receivers[-1]

    yield make
    for receiver in receivers:
        receiver.close()


def test_https_sends_the_host_name_and_checks_the_certificate_for_it(tls):
    """Connected by address, TLS still sends the URL's host name (SNI) and the certificate is checked for it."""
    receiver = tls("hooks.example.test")
    assert webhooks.post(delivery_to(f"https://hooks.example.test:{receiver.port}/hooks")) is None
    assert receiver.server_names == ["hooks.example.test"]
    assert receiver.requests == [("/hooks", f"hooks.example.test:{receiver.port}")]


def test_a_certificate_for_another_name_is_refused(tls):
    """A receiver whose certificate is not for the URL's host gets nothing; the error says why."""
    receiver = tls("other.example.test")
    error = webhooks.post(delivery_to(f"https://hooks.example.test:{receiver.port}/hooks"))
    assert receiver.requests == []
    assert error is not None and "doesn't match 'other.example.test'" in error


def test_redirects_are_not_followed(settings, loopback):
    """A 307 pointing elsewhere is recorded as a failure; its Location is never requested."""
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(307)
            self.send_header("Location", loopback.url)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/hooks"
    try:
        error = webhooks.post(delivery_to(url))
    finally:
        server.shutdown()
        server.server_close()
    assert error == f"{url} answered HTTP 307"
    assert loopback.requests == []
