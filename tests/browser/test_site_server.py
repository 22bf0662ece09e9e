"""The local server the browser tests load the built site from (browser/site.py)."""

from __future__ import annotations

import http.server

import pytest

from browser import site


def test_a_connection_the_browser_drops_is_not_reported_but_a_real_error_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = site._Server(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    try:
        for error, reported in [
            (ConnectionResetError(104, "Connection reset by peer"), False),
            (BrokenPipeError(32, "Broken pipe"), False),
            (ValueError("a bug in the handler"), True),
        ]:
            try:
                raise error
            except Exception:
                server.handle_error(None, ("127.0.0.1", 1))
            assert ("Traceback" in capsys.readouterr().err) is reported, error
    finally:
        server.server_close()
