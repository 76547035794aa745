"""OSI and TCP/IP layers: an Ethernet/IPv4/UDP frame built and checked by hand.

No socket is opened. Run it with: python snippets/network/osi_model.py
"""

import struct

ETH = struct.Struct("!6s6sH")  # destination MAC, source MAC, EtherType
IPV4 = struct.Struct("!BBHHHBBH4s4s")  # 20-byte header, no options
UDP = struct.Struct("!HHHH")  # source port, destination port, length, checksum
PROTO_UDP = 17
ETHERTYPES = {0x0800: "IPv4", 0x0806: "ARP", 0x86DD: "IPv6"}  # IEEE 802 Numbers
IP_PROTOCOLS = {1: "ICMP", 6: "TCP", 17: "UDP"}  # IANA Protocol Numbers


def fold(total: int) -> int:
    """Add the carries back in (end-around carry) until 16 bits remain."""
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)
    return total


def internet_checksum(data: bytes) -> int:
    """RFC 1071: one's complement of the one's complement sum of 16-bit words."""
    if len(data) % 2:
        data += b"\x00"
    return ~fold(sum(word for (word,) in struct.iter_unpack("!H", data))) & 0xFFFF


def verifies(data: bytes) -> bool:
    return internet_checksum(data) == 0  # with its checksum, the sum is all ones


def incremental_update(checksum: int, old_word: int, new_word: int) -> int:
    """RFC 1624, eqn. 3: HC' = ~(~HC + ~m + m'), without re-reading the header."""
    return ~fold((~checksum & 0xFFFF) + (~old_word & 0xFFFF) + new_word) & 0xFFFF


def ipv4_header(src: bytes, dst: bytes, payload_len: int) -> bytes:
    """Version 4, IHL 5, DF set, TTL 64; the checksum is summed over a 0 field."""
    fields = [0x45, 0, IPV4.size + payload_len, 0x1234, 0x4000, 64, PROTO_UDP]
    checksum = internet_checksum(IPV4.pack(*fields, 0, src, dst))
    return IPV4.pack(*fields, checksum, src, dst)


def pseudo_header(src: bytes, dst: bytes, udp_len: int) -> bytes:
    # Never sent: it makes the UDP checksum depend on the IP addresses.
    return src + dst + struct.pack("!BBH", 0, PROTO_UDP, udp_len)


def udp_datagram(src: bytes, dst: bytes, sport: int, dport: int, data: bytes) -> bytes:
    length = UDP.size + len(data)
    unsummed = UDP.pack(sport, dport, length, 0) + data
    checksum = internet_checksum(pseudo_header(src, dst, length) + unsummed)
    # A computed 0 is sent as 0xFFFF: 0 in the field means "no checksum".
    return UDP.pack(sport, dport, length, checksum or 0xFFFF) + data


def main() -> None:
    src, dst = bytes([192, 168, 1, 10]), bytes([198, 51, 100, 7])
    udp = udp_datagram(src, dst, 50000, 7, b"hello")
    ip = ipv4_header(src, dst, len(udp))
    macs = bytes.fromhex("020000000002"), bytes.fromhex("020000000001")
    eth = ETH.pack(*macs, 0x0800)  # EtherType 0x0800: the payload is IPv4
    padding = bytes(max(0, 46 - len(ip + udp)))  # minimum payload (RFC 894)
    frame = eth + ip + udp + padding

    print("1) One frame, outermost header first:")
    parts = {"Ethernet": eth, "IPv4": ip, "UDP": udp[:8], "data": udp[8:]}
    for name, part in (parts | {"padding": padding}).items():
        print(f"   {name:<8} {len(part):2} B  {part.hex(' ')}")
    print(f"   {len(frame)} bytes + FCS; IPv4 total length {IPV4.unpack(ip)[2]}")

    print("2) Checksums:")
    udp_ok = verifies(pseudo_header(src, dst, len(udp)) + udp)
    print(f"   IPv4 {ip[10:12].hex()} verifies: {verifies(ip)}")
    print(f"   UDP {udp[6:8].hex()} verifies: {udp_ok}")

    print("3) On the way:")
    hop = bytearray(ip)
    hop[8] -= 1  # a router decrements the TTL, so it must redo the checksum
    print(f"   TTL 63, old checksum still valid: {verifies(bytes(hop))}")
    (old_word,) = struct.unpack_from("!H", ip, 8)  # the word holding TTL, protocol
    (new_word,) = struct.unpack_from("!H", hop, 8)
    (old_sum,) = struct.unpack_from("!H", ip, 10)
    quick = incremental_update(old_sum, old_word, new_word)
    hop[10:12] = bytes(2)  # the full recomputation sums over a 0 field again
    full = internet_checksum(bytes(hop))
    print(f"   word {old_word:04x} -> {new_word:04x}, new checksum {full:04x}")
    print(f"   RFC 1624 incremental update gives the same: {quick == full}")
    public = bytes([203, 0, 113, 5])  # NAT: 192.168.1.10 -> 203.0.113.5
    ip_ok = verifies(ip[:12] + public + ip[16:])
    udp_ok = verifies(pseudo_header(public, dst, len(udp)) + udp)
    print(f"   after NAT, IPv4 valid: {ip_ok}, UDP valid: {udp_ok}")

    print("4) Taking the frame apart:")
    (ethertype,) = struct.unpack_from("!H", frame, 12)
    fields = IPV4.unpack_from(frame, ETH.size)
    start = ETH.size + (fields[0] & 0x0F) * 4  # IHL counts 32-bit words
    datagram = frame[start : ETH.size + fields[2]]  # total length drops padding
    sport, dport, _, _ = UDP.unpack_from(datagram)
    print(f"   EtherType {ethertype:#06x} -> {ETHERTYPES[ethertype]}")
    print(f"   protocol {fields[6]} -> {IP_PROTOCOLS[fields[6]]}")
    print(f"   ports {sport} -> {dport}, data: {datagram[UDP.size :]!r}")


if __name__ == "__main__":
    main()
