"""A small synchronous LSP client over a subprocess's stdio (for tests and bench/lsp.py).

It speaks plain JSON-RPC with Content-Length framing, like an editor: requests wait for their
response with a timeout (never forever), notifications from the server are collected, and
requests from the server (e.g. `window/workDoneProgress/create`) are answered with null.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from typing import Any, Callable, Sequence

from ..errors import ArgmapError


class ServerGone(ArgmapError, ConnectionError):
    """The language server exited, or did not answer in time (also a TimeoutError then)."""


class ServerSilent(ServerGone, TimeoutError):
    """No answer, or no notification, within the time allowed."""


class LspError(ArgmapError):
    """The server answered a request with an error (`code` is the JSON-RPC error code)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code


class LspClient:
    """Start a server process and talk to it; use as a context manager (`with LspClient(): …`)."""

    def __init__(self, argv: Sequence[str] | None = None, timeout: float = 10.0) -> None:
        command = list(argv or [sys.executable, "-m", "argmap", "lsp"])
        self.timeout = timeout
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self._next_id = 0
        self._responses: dict[int, dict] = {}
        self._messages: queue.Queue[dict | None] = queue.Queue()
        self.notifications: list[dict] = []
        #: when (time.monotonic) the notification `wait_for` last returned had arrived
        self.received_at = 0.0
        self._arrival: dict[int, float] = {}
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    # --- framing -----------------------------------------------------------------------------
    def _send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        with self._lock:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    self._messages.put(None)
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if length is not None:
                self._messages.put(json.loads(stream.read(length)))

    def _pump(self, deadline: float) -> bool:
        """Handle one incoming message; False when the deadline passed or the server is gone."""
        try:
            message = self._messages.get(timeout=max(deadline - time.monotonic(), 0.001))
        except queue.Empty:
            return False
        if message is None:
            raise ServerGone("the language server exited")
        if "method" in message and "id" in message:  # a request from the server
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        elif "method" in message:
            self._arrival[id(message)] = time.monotonic()
            self.notifications.append(message)
        else:
            self._responses[message["id"]] = message
        return True

    # --- the API ------------------------------------------------------------------------------
    def request(self, method: str, params: Any = None, timeout: float | None = None) -> Any:
        """Send a request and return its result; raises LspError, or ServerSilent (a TimeoutError)."""
        self._next_id += 1
        ident = self._next_id
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        deadline = time.monotonic() + (timeout or self.timeout)
        while ident not in self._responses:
            if not self._pump(deadline) and time.monotonic() >= deadline:
                raise ServerSilent(f"no answer to {method} within {timeout or self.timeout} s")
        response = self._responses.pop(ident)
        if "error" in response:
            raise LspError(response["error"]["code"], response["error"]["message"])
        return response.get("result")

    def notify(self, method: str, params: Any = None) -> None:
        """Send a notification (no answer expected)."""
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, method: str, where: Callable[[dict], bool] = lambda p: True,
                 timeout: float | None = None) -> dict:
        """The params of the first notification `method` (not seen before) for which `where` holds."""
        deadline = time.monotonic() + (timeout or self.timeout)
        seen = 0
        while True:
            for index in range(seen, len(self.notifications)):
                message = self.notifications[index]
                if message["method"] == method and where(message.get("params") or {}):
                    # drop it and the older ones of the same method, keep the rest
                    self.notifications = [m for i, m in enumerate(self.notifications)
                                          if i > index or m["method"] != method]
                    self.received_at = self._arrival.pop(id(message), time.monotonic())
                    return message["params"]
            seen = len(self.notifications)
            if not self._pump(deadline) and time.monotonic() >= deadline:
                raise ServerSilent(f"no {method} notification within {timeout or self.timeout} s")

    def initialize(self, capabilities: dict | None = None) -> dict:
        """The initialize handshake; returns the server's capabilities."""
        result = self.request("initialize", {"processId": None, "rootUri": None,
                                             "capabilities": capabilities or {}})
        self.notify("initialized", {})
        return result["capabilities"]

    def close(self) -> int:
        """shutdown + exit; kills the server if it does not stop. Returns its exit code."""
        try:
            if self.process.poll() is None:
                self.request("shutdown", timeout=5)
                self.notify("exit")
            return self.process.wait(timeout=5)
        except (TimeoutError, ConnectionError, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            return self.process.wait()

    def __enter__(self) -> "LspClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
