"""TCP vs UDP: a byte stream over a connection, or independent datagrams.

Sends the same three messages over TCP and over UDP on 127.0.0.1:

1. TCP: three sendall() calls come back from one recv(), merged;
2. UDP: three sendto() calls come back as three datagrams, each whole and
   each with the sender's address;
3. no listener: TCP's connect() is refused at once, while UDP's connect()
   and send() succeed because nothing is exchanged; only the ICMP error that
   the kernel reports later shows that nobody was there.  Linux reports that
   error on a connected UDP socket only (without IP_RECVERR); other systems
   may behave differently.

Run it with: python snippets/network/tcp_vs_udp.py
"""

import socket
import time

TIMEOUT = 2.0  # seconds; every blocking call gives up after this
MESSAGES = [b"one", b"two", b"three"]
LOOPBACK = "127.0.0.1"


def tcp_stream() -> None:
    with (
        socket.create_server((LOOPBACK, 0)) as listener,
        socket.create_connection(listener.getsockname(), TIMEOUT) as sender,
    ):
        receiver, _ = listener.accept()
        with receiver:
            receiver.settimeout(TIMEOUT)
            for message in MESSAGES:
                sender.sendall(message)
            # Wait until every byte is queued (MSG_PEEK does not consume), as a
            # busy server would read a little later; keeps the output stable.
            total, deadline = sum(map(len, MESSAGES)), time.monotonic() + TIMEOUT
            while len(receiver.recv(total, socket.MSG_PEEK)) < total:
                if time.monotonic() > deadline:
                    raise TimeoutError("the messages never all arrived")
                time.sleep(0.001)
            print(f"   3 x sendall(), then 1 x recv(1024): {receiver.recv(1024)!r}")


def udp_datagrams() -> None:
    with (
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as receiver,
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender,
    ):
        receiver.bind((LOOPBACK, 0))
        sender.bind((LOOPBACK, 0))  # so that its address is known in advance
        receiver.settimeout(TIMEOUT)
        for message in MESSAGES:
            sender.sendto(message, receiver.getsockname())
        arrivals = [receiver.recvfrom(1024) for _ in MESSAGES]
        print(f"   3 x sendto(), then 3 x recvfrom(1024): {[d for d, _ in arrivals]}")
        origin = all(address == sender.getsockname() for _, address in arrivals)
        print(f"   each one tagged with the sender's address: {origin}")
        receiver.setblocking(False)
        try:
            receiver.recvfrom(1024)
            more = True
        except BlockingIOError:
            more = False
        print(f"   a 4th recvfrom() finds a datagram: {more}")


def unused_port(kind: socket.SocketKind) -> tuple[str, int]:
    """Borrow a free port of this protocol from the kernel, then give it back."""
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()  # closed on return: no socket behind it now


def nobody_listening() -> None:
    try:
        socket.create_connection(unused_port(socket.SOCK_STREAM), TIMEOUT).close()
    except ConnectionRefusedError as exc:
        print(f"   TCP connect(): {type(exc).__name__} (the SYN was answered with RST)")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.settimeout(TIMEOUT)
        udp.connect(unused_port(socket.SOCK_DGRAM))  # records the destination only
        sent = udp.send(b"anyone?")
        print(f"   UDP connect() and send(): no error, {sent} bytes sent")
        try:
            # Linux queues the ICMP port unreachable as an error on this connected
            # socket; loopback is exempt from ICMP rate limiting, so it always comes.
            udp.recv(1024)
        except ConnectionRefusedError as exc:
            print(f"   UDP recv() later: {type(exc).__name__} (ICMP port unreachable)")


def main() -> None:
    print("1) TCP: a byte stream")
    tcp_stream()
    print("2) UDP: datagrams")
    udp_datagrams()
    print("3) Nobody listening on the port")
    nobody_listening()


if __name__ == "__main__":
    main()
