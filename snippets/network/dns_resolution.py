"""What is DNS resolution (什么是域名解析)?

Packs a DNS query by hand (RFC 1035 §4.1), sends it over UDP to a tiny
authoritative server on 127.0.0.1 (port 0), and decodes the reply.

Run it with: python snippets/network/dns_resolution.py
"""

import ipaddress
import socket
import struct
import threading

HEADER = struct.Struct("!6H")  # ID, flags, QDCOUNT, ANCOUNT, NSCOUNT, ARCOUNT
RR_FIXED = struct.Struct("!HHIH")  # TYPE, CLASS, TTL, RDLENGTH
A = IN = 1  # TYPE A and CLASS IN both have the value 1
FLAGS = {"qr": 15, "aa": 10, "tc": 9, "rd": 8, "ra": 7}  # bit positions
ZONE = {"www.example.com.": ("192.0.2.10", 300)}  # 192.0.2.0/24: for docs


def encode_name(name: str) -> bytes:
    """Labels as <length><bytes>, ending with the empty root label."""
    return b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"


def decode_name(msg: bytes, pos: int) -> tuple[str, int]:
    """Read a possibly compressed name; return it and the offset after it."""
    name = ""
    while (length := msg[pos]) < 0x40:  # 00xxxxxx: a label of 0 to 63 bytes
        if length == 0:
            return name or ".", pos + 1
        name += msg[pos + 1 : pos + 1 + length].decode("ascii") + "."
        pos += 1 + length
    if length < 0xC0:  # the prefixes 01 and 10 are reserved (RFC 1035 §4.1.4)
        raise ValueError("reserved label type")
    # 11xxxxxx xxxxxxxx: a 14-bit offset to a prior occurrence of the rest.
    offset = struct.unpack_from("!H", msg, pos)[0] & 0x3FFF
    if offset >= pos:  # backward pointers only, so a loop is impossible
        raise ValueError("bad compression pointer")
    return name + decode_name(msg, offset)[0], pos + 2


def serve_one(sock: socket.socket) -> None:
    """Answer one A question authoritatively, as a zone's server would."""
    query, client = sock.recvfrom(512)  # plain DNS over UDP: 512 bytes
    qid, flags, *_ = HEADER.unpack_from(query)
    qname, end = decode_name(query, HEADER.size)
    address, ttl = ZONE[qname]
    # QR=1, AA=1, RD copied from the query, RA=0: no recursion offered here.
    header = HEADER.pack(qid, 0x8400 | (flags & 0x0100), 1, 1, 0, 0)
    # Owner name c0 0c: a pointer to offset 12, the name in the question.
    answer = b"\xc0\x0c" + RR_FIXED.pack(A, IN, ttl, 4)
    answer += ipaddress.IPv4Address(address).packed
    sock.sendto(header + query[HEADER.size : end + 4] + answer, client)


def ask(server: tuple[str, int], qid: int, name: str) -> None:
    # Flags 0x0100: QR=0 (a query), OPCODE=0, RD=1 (recursion desired).
    query = HEADER.pack(qid, 0x0100, 1, 0, 0, 0)
    query += encode_name(name) + struct.pack("!HH", A, IN)
    print(f"query, {len(query)} bytes\n  header:   {query[:12].hex(' ')}")
    print(f"  question: {query[12:].hex(' ')}")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        client.settimeout(2.0)
        client.sendto(query, server)
        reply, sender = client.recvfrom(4096)
    rid, flags, *_ = HEADER.unpack_from(reply)
    bits = " ".join(f"{k}={flags >> b & 1}" for k, b in FLAGS.items())
    # A resolver accepts a reply only from the server it asked and only with
    # its query ID (RFC 5452 §9.1); here both checks are printed.
    print(f"reply, {len(reply)} bytes, from the server asked: {sender == server}")
    print(f"  id matches: {rid == qid}  {bits}  rcode={flags & 0xF}")
    pos = decode_name(reply, HEADER.size)[1] + 4  # skip QNAME, QTYPE, QCLASS
    print(f"  answer:   {reply[pos:].hex(' ')}")
    owner, pos = decode_name(reply, pos)
    _, _, ttl, rdlength = RR_FIXED.unpack_from(reply, pos)
    rdata = reply[pos + RR_FIXED.size : pos + RR_FIXED.size + rdlength]
    print(f"  {owner} {ttl} IN A {ipaddress.IPv4Address(rdata)}")


def main() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server:
        server.bind(("127.0.0.1", 0))
        server.settimeout(2.0)
        thread = threading.Thread(target=serve_one, args=(server,))
        thread.start()
        try:
            ask(server.getsockname(), 0x1234, "www.example.com")
        finally:
            thread.join()


if __name__ == "__main__":
    main()
