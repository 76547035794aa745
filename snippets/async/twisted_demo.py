"""Using Twisted: an echo protocol on loopback, Deferreds, async/await, asyncio.

Needs Twisted (the page shows Twisted 26.10.0's output).
Run it with: python snippets/async/twisted_demo.py
"""

import asyncio

from twisted.internet import asyncioreactor

# Install the reactor before anything imports twisted.internet.reactor, which
# would install the platform default (epoll on Linux) instead. (-X dev logs
# asyncio callbacks slower than 0.1 s: on a busy machine, raise that limit.)
LOOP = asyncio.new_event_loop()
LOOP.slow_callback_duration = 5.0
asyncioreactor.install(LOOP)

from twisted.internet import defer, endpoints, error, protocol, task  # noqa: E402
from twisted.internet import reactor as global_reactor  # noqa: E402
from twisted.internet.interfaces import IReactorTCP  # noqa: E402
from twisted.python.failure import Failure  # noqa: E402

TIMEOUT = 5.0  # seconds


class Echo(protocol.Protocol):
    """Server side: one instance per connection; writes back what it reads."""

    def connectionMade(self) -> None:
        self.factory.built += 1  # the factory keeps state shared by connections

    def dataReceived(self, data: bytes) -> None:
        # Whatever TCP delivered: maybe part of a message, maybe several.
        self.transport.write(data)


class EchoFactory(protocol.Factory):
    protocol = Echo  # the default buildProtocol() makes one Echo per connection
    built = 0


class OneShotClient(protocol.Protocol):
    """Client side: sends a message, collects the echo, fires a Deferred."""

    def __init__(self, message: bytes) -> None:
        self.message = message
        self.received = b""
        self.done: defer.Deferred[bytes] = defer.Deferred()

    def connectionMade(self) -> None:
        self.transport.write(self.message)

    def dataReceived(self, data: bytes) -> None:
        self.received += data
        if len(self.received) >= len(self.message):
            self.transport.loseConnection()

    def connectionLost(self, reason: Failure) -> None:
        self.done.callback(self.received)


async def echo(reactor: IReactorTCP, port: int, message: bytes) -> bytes:
    endpoint = endpoints.TCP4ClientEndpoint(reactor, "127.0.0.1", port, TIMEOUT)
    client = await endpoints.connectProtocol(endpoint, OneShotClient(message))
    return await client.done  # a coroutine can await a Deferred directly


def parse_and_double(raw: bytes) -> defer.Deferred[str]:
    """A callback chain; a callback that raises switches to the errbacks."""

    def recover(failure: Failure) -> int:
        failure.trap(ValueError)  # re-raises anything else
        return -1  # returning a value switches back to the callbacks

    d: defer.Deferred[bytes] = defer.Deferred()
    d.addCallback(int)  # b"oops" raises ValueError here
    d.addCallback(lambda number: number * 2)  # skipped after a failure
    d.addErrback(recover)
    d.addCallback(lambda number: f"result {number}")
    d.callback(raw)  # fired at once here; usually the reactor fires it later
    return d


async def asyncio_side(twisted_operation: defer.Deferred[bytes]) -> bytes:
    """Plain asyncio code: asFuture() turns a Deferred into an asyncio Future."""
    future = twisted_operation.asFuture(asyncio.get_running_loop())
    return await asyncio.wait_for(future, TIMEOUT)


async def run(reactor: IReactorTCP) -> None:
    print(f"1) reactor: {type(reactor).__name__}")
    factory = EchoFactory()
    listening = reactor.listenTCP(0, factory, interface="127.0.0.1")
    port = listening.getHost().port
    messages = [f"hello {n}".encode() for n in range(3)]
    calls = [defer.Deferred.fromCoroutine(echo(reactor, port, m)) for m in messages]
    replies = await defer.gatherResults(calls)  # results in the order of calls
    print(f"   replies: {replies}")
    print(f"   Echo protocols built by the factory: {factory.built}")

    print("2) a Deferred callback chain:")
    for raw in (b"21", b"oops"):
        print(f"   {raw!r} -> {await parse_and_double(raw)}")

    print("3) asyncio interop:")
    operation = defer.Deferred.fromCoroutine(echo(reactor, port, b"via asyncio"))
    task_ = asyncio.ensure_future(asyncio_side(operation))
    reply = await defer.Deferred.fromFuture(task_)  # Twisted awaits asyncio
    print(f"   asyncio awaited a Deferred, Twisted awaited the task: {reply!r}")
    await listening.stopListening()


def main() -> None:
    try:
        task.react(run)  # runs the reactor until run() finishes, then exits
    except SystemExit as exit_:  # caught only to show the next step
        if exit_.code:
            raise
    try:
        global_reactor.run()
    except error.ReactorNotRestartable:
        print("4) reactor.run() a second time: ReactorNotRestartable")
    LOOP.close()


if __name__ == "__main__":
    main()
