"""JSON decoding (gazu._json): orjson, when installed, gives exactly what the standard library gives."""

from __future__ import annotations

import gc
import json
import random
import subprocess
import sys
import uuid

import pytest
import requests

import gazu
from gazu import _json

# Bodies where orjson and json may part: each must decode (or fail) as json.loads does.
EDGE_BODIES = [
    b'[{"id": "1", "name": "a"}]', b"{}", b"[]", b"1", b"-0", b"-0.0", b"0e0", b"1.0", b"1E+2", b"true", b"null",
    b'"\\u0000"', b'"\\/"', b'"a\x7f"', b'"\xc3\xa9\xe2\x80\xa8"', b'"\\ud83d\\ude00"', b'{"": 1}',
    b'{"a": 1, "b": 2, "a": 3}',  # duplicate keys: the last value wins, at the first key's place
    b"18446744073709551615", b"18446744073709551616", b"-9223372036854775808", b"-9223372036854775809",
    b"100000000000000000000000", b'{"big": [123456789012345678901234567890, 1.5]}', b"9007199254740993",
    b"9007199254740993.0", b"0.30000000000000004", b"2.2250738585072011e-308", b"4.9e-324", b"1e-400",
    b"1.7976931348623157e308", b"1.7976931348623159e308", b"1e400", b"[-1e400]",
    b"NaN", b"Infinity", b"-Infinity", b"[NaN, 1]",
    b'"\\ud800"', b'"\\udc00\\ud800"', b'{"\\ud800": 1}', b'"\xed\xa0\x80"',  # lone surrogates
    b'\xef\xbb\xbf{"a": 1}', b'\xff\xfe{\x00}\x00', b'"\xff"', b"1\x00",  # BOM, UTF-16, bad UTF-8
    b"[" * 1100 + b"]" * 1100,  # deeper than orjson goes
    b"", b"  ", b"01", b"1.", b".5", b"+1", b"[1,]", b"'a'", b'"a\x01"', b" \x0c1", b"nul", b"[1 2]", b'"\t"',
    b"\t\n\r 1 ", b'"\\x"', b"[1e]", b"-", b"\xc2\xa01",
]


def outcome(decode, data):
    """What a decoder makes of ``data``: its value, types and key order included, or the error it raises."""
    try:
        value = decode(data)
    except (ValueError, RecursionError) as error:
        return ("raises", type(error), str(error))
    # json.dumps spells every type of a decoded document apart (1 / 1.0 / true / "1", -0.0, NaN, key order).
    return ("returns", json.dumps(value))


def as_text(body):
    try:
        return body.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None


def task_rows(count, seed=0):
    """``count`` tasks shaped as Zou lists them (ids, dates, numbers, assignees, free data)."""
    chance = random.Random(seed)
    project, task_type, status = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    rows = []
    for index in range(count):
        day = "2025-%02d-%02dT%02d:%02d:%02d" % (1 + index % 12, 1 + index % 28, index % 24, index % 60, index % 60)
        rows.append({
            "id": str(uuid.UUID(int=chance.getrandbits(128))), "type": "Task", "name": "main",
            "created_at": day, "updated_at": day, "description": "Shot %04d, é retake" % index if index % 3 else None,
            "priority": index % 4, "difficulty": 3, "duration": chance.choice([0, 1.5, 3600.0]),
            "estimation": chance.random() * 10, "completion_rate": index % 101, "retake_count": index % 3,
            "sort_order": 0, "start_date": day, "due_date": None, "real_start_date": None, "end_date": None,
            "done_date": None, "last_comment_date": day, "nb_assets_ready": 0, "data": {"frames": index},
            "shotgun_id": None, "last_preview_file_id": None, "nb_drawings": 0, "project_id": project,
            "task_type_id": task_type, "task_status_id": status, "entity_id": str(uuid.uuid4()),
            "assigner_id": None, "assignees": [str(uuid.uuid4())] * (index % 3),
        })
    return rows


@pytest.fixture
def without_orjson(monkeypatch):
    """Make ``import orjson`` fail, as on a DCC's Python without the ``fast`` extra."""
    monkeypatch.setitem(sys.modules, "orjson", None)
    monkeypatch.setattr(_json, "_fast_loads", _json._NOT_DECODED)
    assert _json._orjson_loads() is None


@pytest.fixture
def orjson_calls(monkeypatch):
    """Count the documents orjson decodes (the test is skipped where orjson is not installed)."""
    orjson = pytest.importorskip("orjson")
    calls = []

    def counted(data):
        calls.append(data)
        return orjson.loads(data)

    monkeypatch.setattr(_json, "_fast_loads", counted)
    return calls


@pytest.mark.parametrize("body", EDGE_BODIES, ids=repr)
def test_loads_of_bytes_and_text_is_json_loads(body, orjson_calls):
    assert outcome(_json.loads, body) == outcome(json.loads, body)
    text = as_text(body)
    if text is not None:
        assert outcome(_json.loads, text) == outcome(json.loads, text)


@pytest.mark.parametrize("encoding", [None, "utf-8", "ISO-8859-1"])
@pytest.mark.parametrize("body", EDGE_BODIES, ids=repr)
def test_response_json_is_requests_json(body, encoding, orjson_calls):
    response = requests.Response()
    response._content = body
    response.encoding = encoding
    assert outcome(_json.response_json, response) == outcome(requests.Response.json, response)


def test_orjson_decodes_ordinary_answers_and_json_the_long_numbers(orjson_calls):
    assert _json.loads(b'[{"id": "1", "n": 2}]') == [{"id": "1", "n": 2}]
    assert _json.loads('{"a": "é"}') == {"a": "é"}
    assert len(orjson_calls) == 2
    assert _json.loads(b"[18446744073709551616]") == [18446744073709551616]  # an exact int, not orjson's float
    assert len(orjson_calls) == 2


def test_a_50000_row_answer_decodes_identically(orjson_calls):
    body = json.dumps(task_rows(50_000)).encode()
    assert outcome(_json.loads, body) == outcome(json.loads, body)
    assert len(orjson_calls) <= len(body) // _json._PIECE + 1  # in pieces, each cut at the first try


@pytest.mark.parametrize("piece", [None, 40], ids=["whole", "in-pieces"])
def test_mutated_bodies_decode_as_json_does(piece, orjson_calls, monkeypatch):
    """Small random damage to a real answer (bytes dropped, doubled or replaced) never makes the two part."""
    if piece:
        monkeypatch.setattr(_json, "_PIECE", piece)
    chance = random.Random(14)
    original = json.dumps(task_rows(3) + [{"a": [{"b": "},{"}, {}]}, 1e300, -0.0, 12345678901234567, "\u2028"],
                          separators=(",", ":")).encode()
    alphabet = b'0123456789-+.eE"\\{}[],: \t\ntrunlfaNIy\xc3\xa9\xff\x00'
    for _ in range(2000):
        body = bytearray(original)
        for _ in range(chance.randint(1, 3)):
            where = chance.randrange(len(body))
            action = chance.randrange(3)
            if action == 0:
                del body[where]
            elif action == 1:
                body.insert(where, body[where])
            else:
                body[where] = chance.choice(alphabet)
        body = bytes(body)
        assert outcome(_json.loads, body) == outcome(json.loads, body), body


PIECED_BODIES = [
    b'[{"a": 1}, {"b": "},{"}, {"c": "x\\"},{"}, {"d": [{"e": 1}, {"f": 2}]}, {"g": {"h": {}}}]',
    b' \n[{"a":1},{"b":2},{"c":3}] \r\n', b'[{"a":1},{"b":2},]', b'[{"a":1},{"b":2},,{"c":3}]', b'[{"a":1},{"b":2}',
    b'[{"a":1}},{"b":2}]', b'[{"a":1},{"b":2}]]', b"[]", b"[1, 2, 3]", b'{"a": {"b": 1}, "c": {"d": 2}}',
    b'[{"a": NaN}, {"b": 1}]', b'["},", {"a": "},{"}, {"b": "\\u00e9"}, {}]', b'[{"a":1},{"b":2}] x',
    json.dumps([{"s": "},{" * 30}] * 3, separators=(",", ":")).encode(),  # more misses than tried: the rest whole
]


@pytest.mark.parametrize("body", PIECED_BODIES, ids=repr)
def test_a_list_decoded_in_pieces_is_json_loads(body, orjson_calls, monkeypatch):
    monkeypatch.setattr(_json, "_PIECE", 4)  # a cut at almost every "},"
    assert outcome(_json.loads, body) == outcome(json.loads, body)


def test_a_large_answer_is_decoded_in_pieces(orjson_calls):
    body = json.dumps(task_rows(5000), separators=(",", ":")).encode()
    assert len(body) > 2 * _json._PIECE
    assert outcome(_json.loads, body) == outcome(json.loads, body)
    assert len(orjson_calls) > 2 and max(map(len, orjson_calls)) < 1.1 * _json._PIECE


@pytest.mark.parametrize("body", EDGE_BODIES[:30], ids=repr)
def test_without_orjson_loads_is_json_loads(body, without_orjson):
    assert outcome(_json.loads, body) == outcome(json.loads, body)


def test_without_orjson_the_client_decodes_answers(kitsu, without_orjson):
    rows = task_rows(3)
    kitsu.on("GET", "data/tasks", json=rows)
    assert gazu.client.fetch_all("tasks") == rows


def test_the_client_decodes_answers_with_orjson(kitsu, orjson_calls):
    rows = task_rows(3)
    kitsu.on("GET", "data/tasks", json=rows)
    assert gazu.client.fetch_all("tasks") == rows
    assert len(orjson_calls) == 1


def test_a_test_doubles_json_method_is_used():
    class Answer:
        content = object()

        def json(self):
            return {"from": "double"}

    assert _json.response_json(Answer()) == {"from": "double"}


def test_import_gazu_does_not_import_orjson():
    code = "import sys, gazu; print('orjson' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


def test_a_large_document_is_decoded_with_the_collector_paused(monkeypatch):
    seen = []

    def noting(data):
        seen.append(gc.isenabled())
        return json.loads(data)

    monkeypatch.setattr(_json, "_fast_loads", noting)
    large = json.dumps(task_rows(400)).encode()
    assert len(large) >= _json._PAUSE_COLLECTOR_FROM
    assert _json.loads(large) == json.loads(large) and _json.loads(b"[1]") == [1]
    assert seen == [False, True] and gc.isenabled()
    with pytest.raises(ValueError):
        _json.loads(large[:-1])
    assert gc.isenabled()
    gc.disable()
    try:
        _json.loads(large)
        assert not gc.isenabled()  # what the program chose stays
    finally:
        gc.enable()


@pytest.mark.parametrize("charset", [None, "utf-8", "latin-1"])
def test_async_answers_decode_as_their_json_method(charset, orjson_calls):
    from types import SimpleNamespace

    from gazu._aio_client import AsyncResponse

    raw = SimpleNamespace(status=200, reason="OK", headers={}, url="http://kitsu.test/api", charset=charset)
    for body in EDGE_BODIES[:12] + [b'"\xc3\xa9"', b'\xef\xbb\xbf{"a": 1}']:
        answer = AsyncResponse(raw, body)
        assert outcome(_json.response_json, answer) == outcome(AsyncResponse.json, answer)
    assert orjson_calls
