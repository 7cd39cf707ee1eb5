"""A TCP relay on 127.0.0.1 that a test can cut, to take a database away and give it back.

`cut()` closes every relayed connection and stops listening, so new connections are refused;
`restore()` listens again on the same port. Threads and plain sockets, nothing more.
"""

from __future__ import annotations

import contextlib
import socket
import threading

ACCEPT_TICK = 0.05
CHUNK = 65536


class TcpProxy:
    """Relays 127.0.0.1:`port` to `target`; use as a context manager."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self.accepted = 0
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self._stopped = threading.Event()

    def __enter__(self) -> TcpProxy:
        self.restore()
        return self

    def __exit__(self, *_: object) -> None:
        self.cut()

    def restore(self) -> None:
        """Listen (again, on the same port) and relay every new connection."""
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        listener.settimeout(ACCEPT_TICK)
        self.port = listener.getsockname()[1]
        stopped = threading.Event()
        with self._lock:
            self._listener, self._stopped = listener, stopped
        threading.Thread(target=self._accept, args=(listener, stopped), daemon=True).start()

    def cut(self) -> None:
        """Drop every relayed connection and refuse new ones until `restore()`."""
        with self._lock:
            listener, self._listener = self._listener, None
            self._stopped.set()
            sockets, self._sockets = self._sockets, set()
        if listener is not None:
            listener.close()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def live(self) -> int:
        """How many connections are relayed now (each has two sockets)."""
        with self._lock:
            return len(self._sockets) // 2

    def _accept(self, listener: socket.socket, stopped: threading.Event) -> None:
        while not stopped.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            client.settimeout(None)
            upstream.settimeout(None)
            with self._lock:
                if stopped.is_set():
                    client.close()
                    upstream.close()
                    return
                self._sockets |= {client, upstream}
                self.accepted += 1
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        with contextlib.suppress(OSError):  # a cut closes the sockets under the loop
            while data := source.recv(CHUNK):
                target.sendall(data)
        for sock in (source, target):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        with self._lock:
            self._sockets -= {source, target}
        source.close()
