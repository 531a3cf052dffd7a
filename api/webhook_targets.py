"""Where a webhook may be sent: http(s) URLs whose host resolves to public addresses only.

``resolve_target`` checks a URL and resolves its host once; the worker then connects to that address (so a
second DNS answer cannot redirect the POST). The subscription form and model validate with
``validate_target_url``.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def setting(name, default):
    return getattr(settings, name, default)


# IPv6 ranges that carry an IPv4 address in their last 32 bits, besides IPv4-mapped, 6to4 and Teredo
# (which ``ipaddress`` decodes itself): NAT64's well-known prefix and the old IPv4-compatible form.
NAT64_WELL_KNOWN = ipaddress.ip_network("64:ff9b::/96")
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
# Not globally routable, though this Python's ``is_global`` (3.11.7) does not say so for all of them.
NOT_GLOBAL = [
    ipaddress.ip_network("100.64.0.0/10"),  # shared address space (carrier NAT; cloud metadata services)
    ipaddress.ip_network("64:ff9b:1::/48"),  # NAT64 for local use
]


def embedded_ipv4(ip):
    """The IPv4 addresses an IPv6 address carries (IPv4-mapped, 6to4, Teredo, NAT64, IPv4-compatible)."""
    if ip.version != 6:
        return []
    found = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if ip in NAT64_WELL_KNOWN or ip in IPV4_COMPATIBLE:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [address for address in found if address is not None]


def is_public(address):
    """True only for a globally routable unicast address, and only if every IPv4 address inside it is one.

    ``is_public("2002:7f00:1::")`` is False: 6to4 for 127.0.0.1. An IPv4-mapped address is judged by
    its IPv4 address, which is what a connection to it reaches.
    """
    ip = ipaddress.ip_address(address)
    candidates = [ip.ipv4_mapped] if ip.version == 6 and ip.ipv4_mapped else [ip, *embedded_ipv4(ip)]
    return all(
        candidate.is_global
        and not candidate.is_multicast
        and not any(candidate in network for network in NOT_GLOBAL if network.version == candidate.version)
        for candidate in candidates
    )


@dataclass(frozen=True)
class Target:
    """Where a delivery goes: the checked ``address`` to connect to, and the URL's host for Host and TLS."""

    scheme: str
    host: str
    port: int
    address: str
    path: str

    @property
    def host_header(self):
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == {"http": 80, "https": 443}[self.scheme] else f"{host}:{self.port}"


def resolve_target(url):
    """Check ``url`` and resolve its host once: a ``Target`` holding the address that was checked.

    http/https only; unless ``WEBHOOKS_ALLOW_PRIVATE_TARGETS`` is on (it is in the test settings), every
    address the host resolves to must be globally routable (``is_public``), so a name that resolves to
    both a public and a private address is refused too.
    """
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError({"target_url": _("Use an http or https URL, e.g. https://example.com/hooks.")})
    try:
        port = parts.port or {"http": 80, "https": 443}[parts.scheme]
    except ValueError:
        raise ValidationError({"target_url": _("The port is not a number from 1 to 65535.")}) from None
    host = parts.hostname
    try:
        addresses = [str(ipaddress.ip_address(host))] if _looks_like_ip(host) else _resolve(host, port)
    except OSError as exc:
        raise ValidationError({"target_url": _("The host '%(host)s' cannot be resolved.") % {"host": host}}) from exc
    if not setting("WEBHOOKS_ALLOW_PRIVATE_TARGETS", False):
        if not addresses or not all(is_public(address) for address in addresses):
            raise ValidationError(
                {"target_url": _("Only public addresses are allowed: not private, loopback, link-local or shared.")}
            )
    address = ipaddress.ip_address(addresses[0])
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(parts.scheme, host, port, str(address), path)


def validate_target_url(url, resolve=True):
    """Raise ValidationError for a target the worker would refuse (``resolve=False``: the URL's form only).

    With ``WEBHOOKS_ALLOW_PRIVATE_TARGETS`` on there is nothing to check an address against, so the host is
    not looked up here; the worker still resolves it once and connects to that address."""
    if resolve and not setting("WEBHOOKS_ALLOW_PRIVATE_TARGETS", False):
        resolve_target(url)
        return
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError({"target_url": _("Use an http or https URL, e.g. https://example.com/hooks.")})


def _looks_like_ip(host):
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def _resolve(host, port):
    """Every address ``host`` resolves to, in the resolver's order (one lookup)."""
    return [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
