"""The client's address, for rate limits and the login lockout.

``REMOTE_ADDR`` is the address that connected to us. ``X-Forwarded-For`` is whatever the client chose to send,
unless a proxy we trust wrote it, so it is read only when the connecting address is one of the
``TRUSTED_PROXIES`` (addresses or networks, e.g. ``TRUSTED_PROXIES = ["10.0.0.0/8"]``, from the environment's
``TRUSTED_PROXIES=10.0.0.0/8,192.0.2.7``). Each proxy appends the address it received the request from, so
the header is read from the right: trusted proxies are skipped, and the first address that is not one of
them is the client. Anything further left was written by the client and is ignored.

IPv6 clients are identified by their /64 network: one subscriber is usually given a whole /64, and could
otherwise change address on every request.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

UNKNOWN = "unknown"


@lru_cache(maxsize=8)
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies if proxy.strip())


def trusted_networks():
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))


def parse_address(text):
    """An address from a header or REMOTE_ADDR (``198.51.100.7``, ``198.51.100.7:4711``, ``[2001:db8::1]:443``),
    or None when it is not one."""
    text = (text or "").strip().strip('"')
    if text.startswith("["):  # [IPv6]:port
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:  # IPv4:port
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def is_trusted(address, networks=None):
    networks = trusted_networks() if networks is None else networks
    return any(address in network for network in networks if address.version == network.version)


def identity(address):
    """What a limit counts against: the address itself, or an IPv6 address's /64 network (its first address)."""
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def client_address(request):
    """The client's address as an ``ipaddress`` object, or None when the request does not say."""
    peer = parse_address(request.META.get("REMOTE_ADDR"))
    if peer is None:
        return None
    networks = trusted_networks()
    if not networks or not is_trusted(peer, networks):
        return peer
    # A WSGI server joins repeated headers with commas, so every hop is in one list.
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    client = peer
    for hop in reversed(hops):
        address = parse_address(hop)
        if address is None:
            break  # a trusted proxy passed on something that is not an address: stop at that proxy
        client = address
        if not is_trusted(address, networks):
            break
    return client


def client_ip(request):
    """The client's identity for limits, e.g. ``"198.51.100.7"`` or ``"2001:db8:1:2::"``; ``"unknown"`` without one.

    Also django-axes' ``AXES_CLIENT_IP_CALLABLE``."""
    if request is None:
        return UNKNOWN
    address = client_address(request)
    return identity(address) if address is not None else UNKNOWN
