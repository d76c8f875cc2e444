"""A real Chromium (Debian's `chromium`, installed by scripts/setup.sh), headless, with every network
request blocked, driven over the DevTools protocol (websocket-client): for the exported web map and
SVG. Every request the page makes is recorded, so a test can say that nothing left the file."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    def __init__(self, width: int = 1280, height: int = 800):
        if CHROMIUM is None:
            raise RuntimeError("chromium is not installed: run scripts/setup.sh")
        self.profile = tempfile.mkdtemp(prefix="atlas-chromium-")
        args = [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--metrics-recording-only",
                # all network blocked: no name resolves, and every connection goes to a dead proxy
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
                "--remote-debugging-port=0", "about:blank"]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, "LANG": "en_US.UTF-8"})
        port = None
        deadline = time.time() + 30
        active = Path(self.profile) / "DevToolsActivePort"
        while time.time() < deadline and port is None:
            if active.exists():
                text = active.read_text().split()
                if text:
                    port = int(text[0])
            time.sleep(0.05)
        if port is None:
            self.close()
            raise RuntimeError("chromium did not start")
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30,
                                              suppress_origin=True)
        self._id = 0
        self.requests: list[str] = []
        self.events: list[dict] = []
        self.send("Network.enable")
        self.send("Page.enable")
        self.send("Runtime.enable")

    # --- protocol --------------------------------------------------------------------------------
    def _record(self, message: dict) -> None:
        method = message.get("method", "")
        if method == "Network.requestWillBeSent":
            self.requests.append(message["params"]["request"]["url"])
        self.events.append(message)

    def send(self, method: str, **params):
        self._id += 1
        my = self._id
        self.ws.send(json.dumps({"id": my, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == my:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._record(message)

    def js(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 20.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.05)
        raise TimeoutError(f"not true within {timeout} s: {expression}")

    def open(self, path: Path) -> float:
        """Load a file; returns the seconds to its load event."""
        t0 = time.perf_counter()
        self.send("Page.navigate", url=Path(path).resolve().as_uri())
        deadline = time.time() + 60
        while time.time() < deadline:
            message = json.loads(self.ws.recv())
            self._record(message)
            if message.get("method") == "Page.loadEventFired":
                return time.perf_counter() - t0
        raise TimeoutError("the page did not load")

    def click(self, x: float, y: float) -> None:
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path: Path) -> None:
        import base64

        data = self.send("Page.captureScreenshot", format="png")["data"]
        Path(path).write_bytes(base64.b64decode(data))

    def dialogs_and_errors(self) -> list[str]:
        """Alerts opened and script errors thrown (a payload that ran would show here)."""
        out = []
        for m in self.events:
            method = m.get("method")
            if method == "Page.javascriptDialogOpening":
                out.append("dialog: " + m["params"].get("message", ""))
            elif method == "Runtime.exceptionThrown":
                out.append("exception: " + json.dumps(m["params"])[:300])
        return out

    def outside_requests(self, page: Path) -> list[str]:
        """Every request except the page itself and data: URIs."""
        own = Path(page).resolve().as_uri()
        return [u for u in self.requests if not (u == own or u.startswith("data:")
                                                 or re.match(r"^about:", u))]

    def close(self) -> None:
        try:
            self.ws.close()
        except Exception:
            pass
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)
