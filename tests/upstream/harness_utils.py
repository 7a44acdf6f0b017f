"""The ``utils`` module upstream gazu 1.3.1's tests import (its sdist does not ship one).

Written for our conformance check (scripts/upstream-conformance), which copies
this file next to upstream's tests as ``utils.py``. It offers the three names
those tests use: ``fakeid``, ``mock_route`` and ``add_verify_file_callback``.
"""

import email.parser
import email.policy
import json
import uuid

import gazu.client

_NAMESPACE = uuid.UUID("6a1c3c2e-5b4f-4c1e-9a57-0c0ffee0d00d")


def fakeid(name):
    """Return a stable UUID-shaped id for a readable test name (``"project-01"``)."""
    return str(uuid.uuid5(_NAMESPACE, name))


def mock_route(mocker, method, path="", **answer):
    """Register an answer for ``method`` on ``path`` (relative to the default client's host) on a requests_mock."""
    if isinstance(answer.get("text"), (dict, list)):
        answer["text"] = json.dumps(answer["text"])
    url = path if path.startswith(("http://", "https://")) else gazu.client.get_full_url(path)
    mocker.register_uri(method.upper(), url, **answer)


def _form_fields(request):
    """Return the fields of a multipart/form-data request as ``{name: bytes}``."""
    body = request.body
    if hasattr(body, "read"):
        body = body.read()
    if isinstance(body, str):
        body = body.encode("utf-8")
    head = b"Content-Type: " + request.headers["Content-Type"].encode("latin-1") + b"\r\n\r\n"
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    return {part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
            for part in message.iter_parts()}


def add_verify_file_callback(mocker, dict_assert={}, url=None):  # noqa: B006  (upstream's signature)
    """Check, on each matching request, that its form fields hold the expected values.

    A field expected as text is compared with the field decoded as UTF-8; a
    field expected as bytes with its raw bytes.
    """
    def check(request):
        if url is not None and not request.url.endswith(url):
            return None
        if "multipart/form-data" not in request.headers.get("Content-Type", ""):
            return None
        fields = _form_fields(request)
        for name, expected in dict_assert.items():
            assert name in fields, "no form field %r in %s" % (name, sorted(fields))
            value = fields[name]
            if isinstance(expected, str):
                value = value.decode("utf-8")
            assert value == expected, "form field %r: %r != %r" % (name, value[:80], expected[:80])
        return None

    mocker.add_matcher(check)
