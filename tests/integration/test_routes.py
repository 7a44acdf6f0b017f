"""Every request path the unit tests send exists on the real server.

Upstream has shipped functions calling routes the server does not have; the
unit tests record each (method, path) they send (tests/routes.py), and this
test matches them against the running server's own /openapi.json. Run the
unit tests first in the same session (the README's command does).
"""

import pytest
import requests

from tests import routes
from tests.routecheck import unknown_routes

pytestmark = pytest.mark.integration


def test_every_route_sent_by_the_unit_tests_exists_on_the_server(kitsu_sandbox):
    sent = routes.load()
    assert len(sent) > 10, "no recorded requests: run tests/unit in the same session first"
    openapi = requests.get(kitsu_sandbox.host + "/openapi.json", timeout=30).json()
    assert len(openapi["paths"]) > 500
    missing = unknown_routes(openapi, sent)
    assert missing == [], "routes the server does not declare:\n" + "\n".join("%s %s" % m for m in missing)
