"""URL rules: which addresses may be fetched, and one spelling per article.

`validate_url` refuses what onrecord never fetches, before anything is stored or requested.
`canonicalize_url` gives the spelling an article is stored under, so the same story shared with
tracking parameters, a fragment or a trailing slash is recognised as one article.
"""

from __future__ import annotations

import re
import socket
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from django.conf import settings

from .addresses import address_refusal, host_allowed, parse_ip
from .errors import FetchRefused

MAX_URL_LENGTH = 2000
ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only say who shared the link; dropped from the stored URL.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "ref", "ref_src", "ref_url", "referrer", "cmpid", "cmp", "ocid", "ito", "smid", "smtyp",
        "s_cid", "sr_share", "at_medium", "at_campaign", "at_custom1", "at_custom2",
        "at_custom3", "at_custom4", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname",
        "ns_fee", "wt.mc_id", "wt.mc_ev", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "vero_id",
        "oly_enc_id", "oly_anon_id", "rb_clickid", "spm", "xtor", "guccounter",
        "guce_referrer", "guce_referrer_sig", "amp", "outputtype",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "at_", "ga_")

# Names that always point inside a network, whatever DNS says.
_INTERNAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "broadcasthost")
_INTERNAL_SUFFIXES = (
    ".localhost", ".local", ".localdomain", ".internal", ".intranet", ".lan", ".home", ".corp",
    ".home.arpa", ".in-addr.arpa", ".ip6.arpa", ".onion", ".test", ".invalid",
)  # fmt: skip
_HOSTNAME = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{1,63}$")
_HAS_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]")


def _refuse(reason: str) -> FetchRefused:
    return FetchRefused(f"Refused: {reason}")


def _split(url: str):
    if not isinstance(url, str) or not url.strip():
        raise _refuse("no web address was given.")
    url = url.strip()
    if len(url) > MAX_URL_LENGTH:
        raise _refuse(f"the web address is longer than {MAX_URL_LENGTH} characters.")
    if _HAS_CONTROL_OR_SPACE.search(url):
        raise _refuse("the web address contains spaces or control characters.")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise _refuse(f"this is not a valid web address ({exc}).") from None
    return parts, port


def _ascii_host(hostname: str) -> str:
    """The host in lower-case ASCII (internationalised names in their xn-- form)."""
    host = hostname.lower().rstrip(".")
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        raise _refuse(f"the host name {hostname!r} is not a valid internet name.") from None


def _legacy_ipv4(host: str):
    """Hosts like "2130706433", "0x7f.1" or "127.1" that C libraries read as IPv4 addresses."""
    if not re.fullmatch(r"(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}", host):
        return None
    try:
        return parse_ip(socket.inet_ntoa(socket.inet_aton(host)))
    except OSError:
        return None


def validate_url(url: str) -> str:
    """The URL cleaned (trimmed, lower-case scheme and host, no fragment) or FetchRefused saying why.

    Refuses: malformed addresses, schemes other than http(s), ports other than 80/443,
    user:password@ in the address, literal non-public IP addresses and internal host names.
    Host names are resolved and checked again when connecting (see fetch.py).
    """
    parts, port = _split(url)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"'{scheme}'" if scheme else "none"
        raise _refuse(f"only http and https web addresses can be fetched (this one's scheme is {shown}).")
    if not parts.hostname:
        raise _refuse("the web address has no host name.")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise _refuse("web addresses with a user name or password in them are not fetched.")
    host = _ascii_host(parts.hostname)
    allowed = host_allowed(host, port or DEFAULT_PORTS[scheme], settings.FETCH_ALLOW_PRIVATE_HOSTS)
    if not allowed:
        if port is not None and port not in (80, 443):
            raise _refuse(
                f"only the standard web ports 80 and 443 are fetched (this address uses port {port})."
            )
        ip = parse_ip(host) or _legacy_ipv4(host)
        if ip is not None:
            refusal = address_refusal(ip)
            if refusal:
                raise _refuse(f"the address points to {refusal}.")
        elif not _HOSTNAME.match(host):
            raise _refuse(f"{parts.hostname!r} is not a valid internet host name.")
        elif host in _INTERNAL_NAMES or host.endswith(_INTERNAL_SUFFIXES) or "." not in host:
            raise _refuse(f"{host!r} is an internal host name, not a public web site.")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    return urlunsplit((scheme, netloc, parts.path, parts.query, ""))


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key in TRACKING_PARAMETERS or key.startswith(TRACKING_PREFIXES)


_ESCAPE = re.compile(r"%([0-9a-fA-F]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _normalize_escape(match: re.Match) -> str:
    char = chr(int(match.group(1), 16))
    return char if char in _UNRESERVED else f"%{match.group(1).upper()}"


def _normalize_path(path: str) -> str:
    """ "/a/./b/../c/" and "/a/%63" are "/a/c"; non-ASCII is percent-encoded; no trailing slash."""
    path = _ESCAPE.sub(_normalize_escape, quote(path, safe="/:@!$&'()*+,;=~%"))
    segments: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(segments) > 1:
                segments.pop()
        elif segment != ".":
            segments.append(segment)
    return "/".join(segments).rstrip("/")


def canonicalize_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no fragment, no
    tracking parameters, remaining parameters sorted, no trailing slash.

    "HTTPS://News.Example.com:443/story/?utm_source=x&b=2&a=1#top" →
    "https://news.example.com/story?a=1&b=2"
    """
    parts, port = _split(url)
    scheme = parts.scheme.lower()
    if not parts.hostname:
        raise _refuse("the web address has no host name.")
    host = _ascii_host(parts.hostname)
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    params = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    query = urlencode(sorted(params))
    return urlunsplit((scheme, netloc, _normalize_path(parts.path), query, ""))
