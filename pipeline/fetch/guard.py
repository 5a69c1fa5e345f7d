"""What we refuse to request: non-web schemes, and (SSRF) hosts that resolve into private networks.

A URL taken from a page or a redirect must not make the fetcher read a router admin page or a cloud
metadata service. The check resolves the host once before each request; it does not pin the address
for the connection itself, so a DNS server that answers differently a moment later is not stopped.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from pipeline.fetch.errors import FetchError

SCHEMES = ("http", "https")
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def check_scheme(url: str) -> None:
    """Only http and https: file:, ftp:, data: and friends could read local files or other services."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(f"unsupported URL scheme {parts.scheme + ':' if parts.scheme else '(none)'}")
    if not parts.hostname:
        raise FetchError("URL has no host")


def is_private(ip: IPAddress) -> bool:
    """Loopback, private, link-local, reserved, multicast, unspecified or otherwise non-global."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_reserved or ip.is_multicast
            or ip.is_unspecified or not ip.is_global)


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address the resolver gives for host (IP literals resolve to themselves)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise FetchError(f"cannot resolve host {host}: {getattr(e, 'strerror', None) or e}") from None
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def check_host(url: str) -> None:
    """Refuse the URL when any address of its host is not a public one."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    if any(is_private(ip) for ip in resolve(host, port)):
        raise FetchError(f"refused: {host} resolves to a private address (use --allow-private)")
