"""Record the (method, path) of every request the unit tests send.

The route check (tests/integration/test_routes.py) compares them with the
routes the real server declares in its OpenAPI document.
"""

from __future__ import annotations

import json
import os

RECORD_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "reports", "sent-routes.json")
sent: set[tuple[str, str]] = set()


def record(method: str, path: str) -> None:
    sent.add((method.upper(), "/" + path.strip("/")))


def save() -> None:
    if not sent:
        return
    os.makedirs(os.path.dirname(RECORD_FILE), exist_ok=True)
    with open(RECORD_FILE, "w") as handle:
        json.dump(sorted(sent), handle, indent=0)


def load() -> set[tuple[str, str]]:
    if sent:
        return set(sent)
    if os.path.exists(RECORD_FILE):
        with open(RECORD_FILE) as handle:
            return {tuple(item) for item in json.load(handle)}
    return set()
