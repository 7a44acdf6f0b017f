"""JSON decoding: orjson's speed when it is installed, the standard library's results always.

orjson (``pip install "gazu[fast]"``) decodes faster than :func:`json.loads`,
without a decoded copy of the body, and a large list a piece at a time so
that its working memory stays small. It is used only where it gives
exactly what the standard library gives, same values and same types;
everywhere else :mod:`json` decodes, so installing it changes no result:

- what orjson refuses and :mod:`json` accepts (``NaN``, ``Infinity``, numbers
  that overflow to infinity, lone surrogates, a byte order mark, UTF-16 and
  UTF-32 bodies, nesting deeper than 1024) makes orjson fail, and :mod:`json`
  decodes it instead, or raises its own error;
- orjson turns integers beyond 64 bits into floats where :mod:`json` keeps
  them exact: a body with a whole number of 19 digits or more goes straight
  to :mod:`json` (no id, date or count of Kitsu's has that many).

With or without orjson, a large document (a list of tens of thousands of
tasks) is decoded with Python's cyclic garbage collector paused: decoding
makes no reference cycles, and the collections that its millions of new
objects would trigger cost as much as the decoding itself. The collector
is switched back on afterwards (unless it was already off), so a program
that calls :func:`gc.disable` from another thread during a decode sees it
on again.

orjson is imported on the first decode, never by ``import gazu``.
"""

from __future__ import annotations

import gc
import json
import re
from typing import Any, Callable

# Bodies from this size on are decoded with the collector paused.
_PAUSE_COLLECTOR_FROM = 1 << 18
# Larger bodies holding a list are decoded a piece of about this size at a time.
_PIECE = 1 << 20
_SPACES = re.compile(rb"[ \t\n\r]*")
_SPACE_BYTES = frozenset(b" \t\n\r")
# How objects in a list are separated: compact (Zou's), as json.dumps does, or else at least "},".
_BETWEEN_ITEMS = (b"},{", b"}, {", b"},")
_MISSES_BEFORE_WHOLE = 16  # "}," inside strings or nested items, in a row: the rest is decoded in one piece
# The scan for long whole numbers reads the body in slices, with every digit spelled "0".
_SCAN_SLICE = 1 << 20
_LONG = 19  # digits: shorter whole numbers always fit orjson's 64-bit integers
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_RUN = b"0" * _LONG
_DIGIT_RUN = re.compile(rb"[0-9]*")
_DIGITS = frozenset(b"0123456789")
_FLOAT_MARKS = frozenset(b".eE")
# How requests names a UTF-8 answer's encoding (None: no charset given, so it guesses, as json does).
_UTF8_NAMES = frozenset({None, "utf-8", "UTF-8", "utf8", "UTF8"})
_NOT_DECODED = object()
_fast_loads: Any = _NOT_DECODED  # orjson.loads, or None without orjson: looked up on the first decode


def _orjson_loads() -> Any:
    global _fast_loads
    if _fast_loads is _NOT_DECODED:
        try:
            from orjson import loads
        except ImportError:
            _fast_loads = None
        else:
            _fast_loads = loads
    return _fast_loads


def _has_long_integer(data: bytes) -> bool:
    """Tell whether ``data`` may hold a whole number of 19 digits or more (orjson would make it a float).

    A run of digits after a decimal point, or before one or an exponent, is
    a float's, which orjson decodes as json does. A long run inside a string
    counts too: it costs only json's slower decoding.
    """
    for start in range(0, len(data), _SCAN_SLICE):
        digits = data[start:start + _SCAN_SLICE + _LONG].translate(_DIGITS_AS_ZERO)
        found = digits.find(_LONG_RUN)
        while found != -1:
            run_start = start + found
            run = _DIGIT_RUN.match(data, run_start)  # always matches: a run of digits starts there
            run_end = run.end() if run else run_start
            before = data[run_start - 1] if run_start else None
            # A run that goes on from the slice before was judged there, from where it starts.
            if before not in _DIGITS and before != ord(".") and (
                    run_end == len(data) or data[run_end] not in _FLOAT_MARKS):
                return True
            found = digits.find(_LONG_RUN, run_end - start)
    return False


def _decode_fast(data: bytes) -> Any:
    """Return what orjson decodes from ``data`` when it equals json's result, else ``_NOT_DECODED``."""
    fast_loads = _orjson_loads()
    if fast_loads is None or _has_long_integer(data):
        return _NOT_DECODED
    try:
        if len(data) > _PIECE:
            return _decode_list_in_pieces(fast_loads, data)
        return fast_loads(data)
    except ValueError:  # orjson.JSONDecodeError: json decides, and raises its own error if it fails too
        return _NOT_DECODED


def _decode_list_in_pieces(fast_loads: Callable[[bytes], Any], data: bytes) -> Any:
    """Decode a large list of objects a piece of about ``_PIECE`` bytes at a time.

    orjson's working memory is a few times the text it reads: in pieces, a
    list of 50,000 tasks needs no more than the tasks themselves. A piece
    ends at a ``},{`` (or ``}, {``, or ``},``) found after ``_PIECE`` bytes,
    and is decoded as ``[piece]``: that succeeds only where the ``}`` closes
    an item of the top-level list (inside a string, the piece would end in an
    unterminated string; inside a nested object or list, in an unclosed
    one), else the piece grows to the next one. Anything but a list, orjson
    decodes whole; an invalid list fails in some piece, and json then
    decodes it all.
    """
    spaces = _SPACES.match(data)  # always matches, if only the empty string
    first = spaces.end() if spaces else 0
    last = len(data) - 1
    while last > first and data[last] in _SPACE_BYTES:
        last -= 1
    if data[first:first + 1] != b"[" or data[last:last + 1] != b"]":
        return fast_loads(data)
    items: list = []
    start = first + 1
    for between_items in _BETWEEN_ITEMS:  # the spelling this body has: the last one always matches
        if data.find(between_items, start, start + 2 * _PIECE) != -1:
            break
    misses = 0
    cut = data.find(between_items, start + _PIECE, last)
    while cut != -1 and misses < _MISSES_BEFORE_WHOLE:
        try:
            items += fast_loads(b"[" + data[start:cut + 1] + b"]")
        except ValueError:
            misses += 1
            cut = data.find(between_items, cut + 2, last)
            continue
        misses = 0
        start = cut + 2
        cut = data.find(between_items, start + _PIECE, last)
    rest = fast_loads(b"[" + data[start:last] + b"]")
    if not rest and items:
        raise ValueError("a comma before the closing bracket")  # json refuses it too, with its own message
    items += rest
    return items


def _collector_paused(decode: Callable[[Any], Any], data: Any, size: int) -> Any:
    """Return ``decode(data)``, with the cyclic garbage collector paused for a large document."""
    if size < _PAUSE_COLLECTOR_FROM or not gc.isenabled():
        return decode(data)
    gc.disable()
    try:
        return decode(data)
    finally:
        gc.enable()


def _loads(data: bytes | str) -> Any:
    if type(data) is str:
        try:
            value = _decode_fast(data.encode())
        except UnicodeEncodeError:  # lone surrogates, which json keeps
            value = _NOT_DECODED
    else:
        value = _decode_fast(data) if type(data) is bytes else _NOT_DECODED
    return json.loads(data) if value is _NOT_DECODED else value


def _response_json(response: Any) -> Any:
    content = response.content
    if type(content) is bytes and getattr(response, "encoding", "") in _UTF8_NAMES:
        value = _decode_fast(content)
        if value is not _NOT_DECODED:
            return value
    return response.json()


def loads(data: bytes | str) -> Any:
    """Decode a JSON document exactly as :func:`json.loads` does (same values, types and errors), faster."""
    return _collector_paused(_loads, data, len(data) if isinstance(data, (bytes, str)) else 0)


def response_json(response: Any) -> Any:
    """Return ``response.json()``, decoded by orjson where that gives the same result.

    The fast path takes the UTF-8 body of a :class:`requests.Response` or of
    a :class:`gazu.aio.AsyncResponse` (``content`` bytes and an ``encoding``);
    anything else, a test double's ``json()`` included, is answered by
    ``response.json()``.
    """
    content = getattr(response, "content", None)
    return _collector_paused(_response_json, response, len(content) if type(content) is bytes else 0)
