"""Which network addresses onrecord may connect to: public internet addresses only.

A URL pasted into onrecord or found in a feed must never make the server talk to itself, to the
cloud metadata service or to anything else inside the newsroom's network. Each address is
checked, including IPv4 addresses hidden inside IPv6 forms (::ffff:10.0.0.1, 6to4, NAT64).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_SHARED_NAT = ipaddress.ip_network("100.64.0.0/10")
_SIX_TO_FOUR = ipaddress.ip_network("2002::/16")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, if it is one of the translation forms."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _SIX_TO_FOUR:
        return ip.sixtofour
    if ip in _NAT64 or ip in _NAT64_LOCAL:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _kind(ip: IPAddress) -> str | None:
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED_NAT:
        return "a carrier-grade NAT address"
    if ip.is_private or (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local):
        return "a private network address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "a non-public address"
    return None


def address_refusal(ip: IPAddress) -> str | None:
    """What is wrong with `ip` ("a private network address (10.0.0.5)"), or None if it is public."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            kind = _kind(embedded)
            return f"{kind} ({embedded}, written as {ip})" if kind else None
    kind = _kind(ip)
    return f"{kind} ({ip})" if kind else None


def parse_ip(text: str) -> IPAddress | None:
    """`text` as an IP address (brackets and IPv6 zone allowed), or None if it is a hostname."""
    candidate = text.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(candidate)
    except ValueError:
        return None


def host_allowed(host: str, port: int | None, allowed: Iterable[str]) -> bool:
    """Is `host` (name or IP) on `port` in the FETCH_ALLOW_PRIVATE_HOSTS list?

    An entry is "host:port" (that port only), "[v6]:port", or a bare host/IP (any port).
    """
    host = host.strip("[]").lower().rstrip(".")
    ip = parse_ip(host)
    for entry in allowed:
        entry = entry.strip().lower()
        if not entry:
            continue
        entry_host, entry_port = entry, None
        if entry.startswith("["):
            entry_host, _, rest = entry[1:].partition("]")
            entry_port = rest[1:] if rest.startswith(":") else None
        elif entry.count(":") == 1:
            entry_host, entry_port = entry.split(":")
        if entry_port is not None and str(port) != entry_port:
            continue
        entry_ip = parse_ip(entry_host)
        if entry_host == host or (ip is not None and entry_ip is not None and entry_ip == ip):
            return True
    return False
