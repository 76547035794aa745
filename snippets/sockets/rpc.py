"""What is RPC? An XML-RPC server and client on 127.0.0.1.

A call that looks local, lossy serialization, Faults, and a timeout after which
only an idempotent call is safe to retry. Run: python snippets/sockets/rpc.py
"""

import http.client
import sys
import threading
import xmlrpc.client
from collections.abc import Callable
from xmlrpc.server import SimpleXMLRPCServer

CLIENT_TIMEOUT = 0.3  # seconds the client waits for a reply before giving up


class Bank:
    """The remote object. deposit() is not idempotent; deposit_once() is."""

    def __init__(self) -> None:
        self.balance = 0
        self.seen: set[str] = set()  # request ids already applied
        self.stall = threading.Event()  # set: the next call waits for release
        self.release = threading.Event()

    def _reply_late(self) -> None:  # a leading "_" keeps it private
        if self.stall.is_set():
            self.stall.clear()
            self.release.wait(2.0)  # the work is done; only the reply is late

    def deposit(self, amount: int) -> int:
        self.balance += amount
        self._reply_late()
        return self.balance

    def deposit_once(self, request_id: str, amount: int) -> int:
        if request_id not in self.seen:  # a retry with the same id is a no-op
            self.seen.add(request_id)
            self.balance += amount
        self._reply_late()
        return self.balance


class QuietServer(SimpleXMLRPCServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A client that timed out has closed its socket: writing the late
        # reply may fail. That is expected here, not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class TimeoutTransport(xmlrpc.client.Transport):
    """ServerProxy has no timeout argument: set one on each connection."""

    def make_connection(self, host: str) -> http.client.HTTPConnection:
        connection = super().make_connection(host)
        connection.timeout = CLIENT_TIMEOUT
        return connection


def show(label: str, call: Callable[[], object]) -> None:
    try:
        result = repr(call())
    except xmlrpc.client.Fault as fault:
        result = f"Fault {fault.faultCode}: {fault.faultString}"
    except (TypeError, OverflowError, TimeoutError) as exc:
        result = f"{type(exc).__name__}: {exc}"
    print(f"   {label:<18} -> {result}")


def timed_out_then_retried(bank: Bank, call: Callable[[], int]) -> str:
    bank.balance = 0
    bank.stall.set()
    bank.release.clear()
    try:
        call()
        return "no timeout"  # not expected
    except TimeoutError:
        pass  # did the deposit happen? The client cannot know.
    bank.release.set()
    return f"TimeoutError; retried -> balance {call()}"


def main() -> None:
    bank = Bank()
    # logRequests=False: otherwise every request is logged to stderr.
    with QuietServer(("127.0.0.1", 0), logRequests=False) as server:
        server.register_function(lambda a, b: a + b, "add")
        server.register_function(lambda a, b: a / b, "divide")
        server.register_function(lambda value: value, "echo")
        server.register_instance(bank)  # its public methods become procedures
        thread = threading.Thread(target=server.serve_forever)
        thread.start()
        host, port = server.server_address
        url = f"http://{host}:{port}/"
        try:
            with xmlrpc.client.ServerProxy(url, TimeoutTransport()) as proxy:
                print("1) A remote call that looks like a local one:")
                show("add(2, 3)", lambda: proxy.add(2, 3))
                body = xmlrpc.client.dumps((2, 3), "add")  # what the stub sends
                print("   request body:", "".join(body.splitlines()[1:]))
                print("2) Serialization is not transparent:")
                show("echo((1, 2))", lambda: proxy.echo((1, 2)))
                show("echo(b'hi')", lambda: type(proxy.echo(b"hi")))
                show("echo(None)", lambda: proxy.echo(None))
                show("echo(2**31)", lambda: proxy.echo(2**31))
                print("3) Errors on the server come back as Faults:")
                show("divide(1, 0)", lambda: proxy.divide(1, 0))
                show("nope()", lambda: proxy.nope())
                print("4) A timeout hides whether the call ran:")
                for label, call in [
                    ("deposit(10)", lambda: proxy.deposit(10)),
                    ("deposit_once(...)", lambda: proxy.deposit_once("req-1", 10)),
                ]:
                    print(f"   {label:<18} -> {timed_out_then_retried(bank, call)}")
        finally:
            server.shutdown()  # stops serve_forever() ...
            thread.join()  # ... and the with block then closes the socket


if __name__ == "__main__":
    main()
