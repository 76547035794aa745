"""How do you edit the hosts file (如何修改本地 hosts 文件)?

Parses hosts-format text (hosts(5): an address, a canonical name, optional
aliases; "#" starts a comment) and looks names up in it. The text is a string
in this file: the program never reads or writes the real hosts file.

Run it with: python snippets/network/hosts_file.py
"""

import ipaddress
import socket
from dataclasses import dataclass

# Documentation addresses (RFC 5737, RFC 3849) and the reserved .test TLD.
SAMPLE = """\
# static table lookup for host names
127.0.0.1     localhost
::1           localhost ip6-localhost
192.0.2.10    www.example.test  www   # canonical name, then an alias
2001:db8::10  www.example.test
  198.51.100.7\tAPI.example.test\tapi  # leading blanks, tabs, capitals
203.0.113.300 broken.example.test     # not an IPv4 address
192.0.2.20                            # an address without a name
"""


@dataclass(frozen=True)
class Entry:
    address: ipaddress.IPv4Address | ipaddress.IPv6Address
    names: tuple[str, ...]  # names[0] is the canonical name, the rest aliases
    line: int


def parse_hosts(text: str) -> tuple[list[Entry], list[str]]:
    """Return the valid entries in file order, and a note per bad line."""
    entries, problems = [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        fields = raw.split("#", 1)[0].split()  # drop the comment, split on blanks
        if not fields:
            continue  # a blank or comment-only line
        try:
            address = ipaddress.ip_address(fields[0])
        except ValueError:
            problems.append(f"line {number}: {fields[0]!r} is not an IP address")
            continue
        if len(fields) < 2:
            problems.append(f"line {number}: {address} has no host name")
            continue
        # Keep the names as written; lookup() compares them without case.
        entries.append(Entry(address, tuple(fields[1:]), number))
    return entries, problems


def lookup(entries: list[Entry], name: str, family: int = 0) -> list[str]:
    """All addresses for name (canonical or alias) in file order."""
    # Host names compare case-insensitively, as DNS names do (RFC 1034 3.1).
    name = name.lower()
    wanted = {socket.AF_INET: 4, socket.AF_INET6: 6}.get(family)
    return [
        str(entry.address)
        for entry in entries
        if name in (n.lower() for n in entry.names)
        and wanted in (None, entry.address.version)
    ]


def main() -> None:
    entries, problems = parse_hosts(SAMPLE)
    print(f"{len(entries)} entries:")
    for entry in entries:
        canonical, *aliases = entry.names
        print(f"  line {entry.line}: {entry.address} {canonical} aliases={aliases}")
    print("skipped:")
    for problem in problems:
        print(f"  {problem}")
    print("lookups:")
    queries = [
        ("localhost", 0),
        ("WWW", 0),
        ("www.example.test", socket.AF_INET6),
        ("api.example.test", 0),
        ("broken.example.test", 0),
    ]
    for name, family in queries:
        label = {0: "any", socket.AF_INET: "IPv4", socket.AF_INET6: "IPv6"}[family]
        found = lookup(entries, name, family)
        # An empty result means: not in this file, so the resolver goes on to
        # the next source on the "hosts:" line of nsswitch.conf (usually DNS).
        print(f"  {name} ({label}) -> {found or 'not found: ask the next source'}")


if __name__ == "__main__":
    main()
