"""The route check itself: it accepts declared routes and rejects invented ones."""

from tests.routecheck import unknown_routes

SPEC = {"paths": {
    "/": {"get": {}},
    "/data/projects/{project_id}/assets": {"get": {}, "post": {}},
    "/pictures/thumbnails/preview-files/{instance_id}.png": {"get": {}},
}}


def test_declared_routes_pass():
    sent = {("GET", "/"), ("HEAD", "/"), ("POST", "/data/projects/0f3c/assets"),
            ("GET", "/pictures/thumbnails/preview-files/0f3c.png")}
    assert unknown_routes(SPEC, sent) == []


def test_invented_routes_and_wrong_methods_fail():
    sent = {("GET", "/data/projects/0f3c/invented"), ("DELETE", "/data/projects/0f3c/assets"),
            ("GET", "/data/projects/0f3c/assets/extra"), ("GET", "/pictures/thumbnails/preview-files/0f3c.jpg")}
    assert unknown_routes(SPEC, sent) == sorted(sent)
