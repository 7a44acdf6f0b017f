"""Files on the wire: streamed multipart uploads and atomic downloads.

Shared by the sync and async clients, so both send and write files the same
way: uploads are sent with a known length and never truncated (bodies up to
:data:`SMALL_BODY_LIMIT` as bytes, larger ones read from disk piece by piece,
never held in memory), downloads land in a temporary file beside the target
that replaces it only once every byte has arrived.
"""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import Callable, Iterator
from typing import IO, Any

from gazu.exception import FileDoesntExistException, GazuException, InvalidArgumentException, UploadFailedException

CHUNK_SIZE = 1024 * 1024


class ProgressFileWrapper:
    """A readable file that reports ``callback(bytes_read, total)`` as it is read."""

    def __init__(self, file: IO[bytes], total: int | None = None, callback: Callable | None = None):
        self.file = file
        self.total = total if total is not None else os.fstat(file.fileno()).st_size
        self.callback = callback
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.file.read(size)
        self.bytes_read += len(chunk)
        if self.callback is not None and chunk:
            self.callback(self.bytes_read, self.total)
        return chunk

    def __len__(self) -> int:
        return self.total

    def __getattr__(self, name: str) -> Any:
        return getattr(self.file, name)


def existing_file(file_path: Any, argument: str) -> str:
    """Return ``file_path`` if it names an existing file, or raise naming the argument."""
    if not file_path or not isinstance(file_path, (str, os.PathLike)):
        raise InvalidArgumentException("%s: expected a file path, got %r" % (argument, file_path))
    file_path = os.fspath(file_path)
    if not os.path.isfile(file_path):
        raise FileDoesntExistException("%s: no such file: %s" % (argument, file_path))
    return file_path


def existing_paths(paths: Any, name: str) -> list[str]:
    """Return a path or list of paths as a list, checking each names an existing file."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not isinstance(paths, (list, tuple)) or not paths:
        raise InvalidArgumentException("%s: expected a file path or a non-empty list of them, got %r" % (name, paths))
    return [existing_file(path, name) for path in paths]


# A multipart body up to this size is built in memory and sent as bytes (as
# requests sends one, so a requests_mock test can read ``request.body``); a
# larger one is streamed from disk piece by piece, in constant memory.
SMALL_BODY_LIMIT = 4 * 1024 * 1024


class FormFile:
    """One file part of a multipart form: ``source`` is a path (str), bytes or an open file.

    ``filename`` None leaves the part without a file name (as requests does
    for a ``(None, content)`` tuple). The part has a Content-Type header only
    when ``content_type`` is given, as requests (and so upstream) sends a
    file; gazu.task gives one to comment attachments (Zou stores it as their
    mimetype).
    """

    def __init__(self, name: str, filename: str | None, source: Any, content_type: str | None = None,
                 headers: dict | None = None):
        self.name = name
        self.filename = filename
        self.source = source
        self.content_type = content_type
        self.headers = headers or {}


def _content(value: Any, field: str) -> Any:
    """Return a part's source: the path of an existing file, bytes, or an open file.

    A string naming an existing file is that file (our callers pass paths);
    any other string is the part's text, as requests sends it.
    """
    if isinstance(value, os.PathLike):
        return existing_file(value, "files")
    if isinstance(value, str):
        return value if os.path.isfile(value) else value.encode("utf-8")
    if isinstance(value, (bytes, bytearray)) or hasattr(value, "read"):
        return value
    raise InvalidArgumentException("files: expected a path, an open file or bytes for %r, got %r" % (field, value))


def _file_name(source: Any, field: str) -> str:
    """Return the file name requests gives a part: the file's base name, else the field name."""
    name = source if isinstance(source, str) else getattr(source, "name", None)
    if isinstance(name, str) and name and not (name.startswith("<") and name.endswith(">")):
        return os.path.basename(name)
    return field


def _form_file(field: str, value: Any) -> FormFile:
    """Return the part for one entry of a ``files`` dict, in any form requests takes."""
    if isinstance(value, tuple):
        if not 2 <= len(value) <= 4:
            raise InvalidArgumentException(
                "files: expected (file name, content[, content type[, headers]]) for %r, got %r" % (field, value))
        return FormFile(field, value[0], _content(value[1], field), *value[2:])
    source = _content(value, field)
    return FormFile(field, _file_name(source, field), source)


def form_files(file_path: Any, extra_files: list | None, files: dict | None) -> list[FormFile]:
    """Return the file parts of an upload, each checked before anything is sent.

    ``files``, when given, is the whole set of parts (as upstream sends it):
    field names mapped to paths, open files, bytes, text, or requests'
    ``(file name, content[, content type[, headers]])`` tuples. Otherwise
    ``file_path`` is the ``file`` field and ``extra_files`` are ``file-1``,
    ``file-2``, …
    """
    if files or (files is not None and file_path is None):
        return [_form_file(field, value) for field, value in files.items()]
    paths = [("file", existing_file(file_path, "file_path"))]
    paths += [("file-%d" % index, existing_file(extra, "extra_files"))
              for index, extra in enumerate(extra_files or [], start=1)]
    return [FormFile(field, os.path.basename(path), path) for field, path in paths]


def upload_parts(file_path: Any, extra_files: list | None, files: None = None) -> list[tuple[str, Any, Any]]:
    """Return ``(field, file name, path)`` for ``file_path`` and ``extra_files`` (see :func:`form_files`)."""
    return [(part.name, part.filename, part.source) for part in form_files(file_path, extra_files, None)]


def form_fields(data: Any) -> list[tuple[str, bytes]]:
    """Return a form's text fields as requests encodes them.

    None values are left out, lists and tuples give one field per item, and
    other values are sent as ``str(value)`` (``True`` as ``True``).
    """
    items = data.items() if isinstance(data, dict) else (data or [])
    fields = []
    for name, value in items:
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            if item is not None:
                fields.append((name, item if isinstance(item, bytes) else str(item).encode("utf-8")))
    return fields


def multipart_body(fields: list[tuple[str, bytes]], files: list[FormFile], progress_callback: Callable | None,
                   boundary: str) -> bytes | MultipartBody:
    """Return the body of a form: bytes up to :data:`SMALL_BODY_LIMIT`, else a body streamed from disk."""
    body = MultipartBody(fields, files, progress_callback, boundary)
    return b"".join(body) if len(body) <= SMALL_BODY_LIMIT else body


class MultipartBody:
    """A multipart/form-data body read from its files piece by piece.

    Its length is known up front, so it is sent with a Content-Length (never
    chunked) and never held in memory as a whole; a file whose size changes
    while it is read fails the upload instead of sending a truncated file.
    ``progress_callback(bytes_read, total)`` counts the bytes of the parts
    read from files.
    """

    def __init__(self, fields: list[tuple[str, bytes]], files: list[FormFile],
                 progress_callback: Callable | None = None, boundary: str | None = None):
        self.boundary = boundary or uuid.uuid4().hex
        self.content_type = "multipart/form-data; boundary=%s" % self.boundary
        self.progress_callback = progress_callback
        self._segments: list[tuple[str, Any, int, Any]] = []
        for name, value in fields:
            self._add_bytes(self._part_header(name, None, {}) + value + b"\r\n")
        for part in files:
            self._add_bytes(self._part_header(part.name, part.filename, part.headers, part.content_type))
            if isinstance(part.source, (bytes, bytearray)):
                self._add_bytes(bytes(part.source))
            elif isinstance(part.source, str):
                state = file_state(part.source)
                self._segments.append(("path", part.source, state[0], state))
            else:
                self._add_open_file(part.source)
            self._add_bytes(b"\r\n")
        self._add_bytes(("--%s--\r\n" % self.boundary).encode())
        self.length = sum(segment[2] for segment in self._segments)
        self.files_length = sum(segment[2] for segment in self._segments if segment[0] != "bytes")
        self.files_read = 0

    def _part_header(self, name: str, filename: str | None, headers: dict, content_type: str | None = None) -> bytes:
        disposition = 'form-data; name="%s"' % _quote(name)
        if filename is not None:
            disposition += '; filename="%s"' % _quote(filename)
        lines = ["--%s" % self.boundary, "Content-Disposition: %s" % disposition]
        if content_type:
            lines.append("Content-Type: %s" % content_type)
        lines += ["%s: %s" % header for header in headers.items()]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")

    def _add_bytes(self, data: bytes) -> None:
        self._segments.append(("bytes", data, len(data), 0))

    def _add_open_file(self, handle: Any) -> None:
        """Read an open file from where it stands; one that cannot tell its size is read whole."""
        try:
            start = handle.tell()
            size = handle.seek(0, os.SEEK_END) - start
            handle.seek(start)
        except (AttributeError, OSError, ValueError):
            data = handle.read()
            self._add_bytes(data.encode("utf-8") if isinstance(data, str) else data)
            return
        self._segments.append(("open", handle, size, start))

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[bytes]:
        for kind, source, size, where in self._segments:  # where: a path's state, an open file's start
            if kind == "bytes":
                yield source
            elif kind == "path":
                try:
                    handle = open(source, "rb")
                except FileNotFoundError:
                    raise FileDoesntExistException(
                        "upload aborted: no such file: %s (removed before it was sent)" % source) from None
                with handle:
                    yield from self._read(handle, size, source, where)
            else:
                source.seek(where)
                yield from self._read(source, size, getattr(source, "name", "an open file"))

    def _read(self, handle: Any, size: int, name: Any, state: tuple | None = None) -> Iterator[bytes]:
        """Yield ``size`` bytes of ``handle``, or raise if the file turns out shorter or longer.

        For a file given by path, ``state`` is its ``(size, modification
        time)`` when the body was made: a file changed since, even at the
        same size, fails the upload instead of sending a mix of its versions.
        """
        sent = 0
        while True:
            chunk = handle.read(min(CHUNK_SIZE, size - sent))
            if state is not None:
                check_unchanged(handle, name, state)
            if not chunk:
                break
            if isinstance(chunk, str):
                chunk = chunk.encode("utf-8")
            sent += len(chunk)
            self.files_read += len(chunk)
            if self.progress_callback is not None:
                self.progress_callback(self.files_read, self.files_length)
            yield chunk
        if sent != size or handle.read(1):
            raise UploadFailedException(
                "upload aborted: %s changed size while it was sent (%d bytes expected)" % (name, size))


def _quote(value: str) -> str:
    """Escape a header parameter as browsers (and urllib3) do."""
    return value.translate({10: "%0A", 13: "%0D", 34: "%22"})


def file_state(path: str) -> tuple[int, int]:
    """Return a file's ``(size, modification time in ns)``, to tell later whether it changed."""
    try:
        status = os.stat(path)
    except OSError as error:
        raise FileDoesntExistException("no such file: %s" % path) from error
    return status.st_size, status.st_mtime_ns


def check_unchanged(handle: Any, name: Any, state: tuple[int, int]) -> None:
    """Raise :class:`UploadFailedException` if the open file is no longer as ``state`` says."""
    status = os.fstat(handle.fileno())
    if status.st_size != state[0]:
        raise UploadFailedException(
            "upload aborted: %s changed size while it was sent (%d bytes expected)" % (name, state[0]))
    if status.st_mtime_ns != state[1]:
        raise UploadFailedException("upload aborted: %s changed while it was sent (it was written to)" % (name,))


def own_error(error: BaseException) -> GazuException | None:
    """Return the gazu error a body raised that the HTTP library wrapped as a connection error, if any.

    A file that changed or disappeared while an upload read it raises in the
    middle of sending; urllib3 and aiohttp report that as a lost connection.
    """
    seen: list[BaseException] = []
    pending: list[BaseException] = [error]
    while pending and len(seen) < 20:
        cause = pending.pop()
        if isinstance(cause, GazuException) and cause is not error:
            return cause
        seen.append(cause)
        linked = [cause.__cause__, cause.__context__, *(arg for arg in cause.args if isinstance(arg, BaseException))]
        pending += [item for item in linked if item is not None and not any(item is known for known in seen)]
    return None


def download_target(file_path: Any) -> str:
    """Return the path to download to, after checking it can be written there (before any request)."""
    if not file_path or not isinstance(file_path, (str, os.PathLike)):
        raise InvalidArgumentException("file_path: expected a file path, got %r" % (file_path,))
    file_path = os.fspath(file_path)
    folder = os.path.dirname(os.path.abspath(file_path))
    if not os.path.isdir(folder):  # a FileNotFoundError, as upstream's open() raises
        raise FileDoesntExistException("file_path: folder %s does not exist" % folder)
    if os.path.isdir(file_path):
        raise InvalidArgumentException("file_path: %s is a folder, not a file" % file_path)
    return file_path


_HTML_NAMES = (".htm", ".html", ".xhtml", ".shtml")


def html_instead_of_file(file_path: str, headers: Any) -> bool:
    """Tell whether an answer is an HTML page (a proxy's or a sign-in page) where another file was asked for."""
    content_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    return content_type in ("text/html", "application/xhtml+xml") and not file_path.lower().endswith(_HTML_NAMES)


def expected_length(headers: Any) -> int | None:
    """Return the body length an answer announces, None when unknown or content-encoded."""
    expected = headers.get("Content-Length")
    encoded = headers.get("Content-Encoding") not in (None, "identity")
    return int(expected) if expected and expected.isdigit() and not encoded else None


class AtomicFile:
    """A file written beside ``file_path`` that replaces it only when committed.

    Used as a context manager, it is committed when the block ends normally
    and removed when the block raises: readers of ``file_path`` only ever see
    the previous file or the complete new one, and no temporary file is left
    behind, whatever fails (the final rename too). A symbolic link stays a
    link: the file it points to is replaced, atomically where it is.
    """

    def __init__(self, file_path: str):
        self.file_path = os.path.realpath(file_path) if os.path.islink(file_path) else file_path
        folder, name = os.path.split(os.path.abspath(self.file_path))
        self.handle, self.name = _new_file_beside(folder, name)
        self.received = 0
        self.done = False

    def write(self, chunk: bytes) -> None:
        self.handle.write(chunk)
        self.received += len(chunk)

    def commit(self) -> None:
        """Flush to disk and move the file into place; on failure, remove the temporary file."""
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            os.replace(self.name, self.file_path)
        except BaseException:
            self.discard()
            raise
        self.done = True

    def discard(self) -> None:
        self.handle.close()
        try:
            os.unlink(self.name)
        except FileNotFoundError:
            pass

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        if kind is not None:
            self.discard()
        elif not self.done:
            self.commit()


def _new_file_beside(folder: str, name: str) -> tuple[Any, str]:
    """Create ``.NAME.XXXXXXXX.part`` in ``folder``, with the permissions a new file gets (the umask's)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        path = os.path.join(folder, ".%s.%s.part" % (name, secrets.token_hex(4)))
        try:
            descriptor = os.open(path, flags, 0o666)
        except FileExistsError:
            continue
        return os.fdopen(descriptor, "wb"), path
    raise FileExistsError("cannot create a temporary file beside %s" % os.path.join(folder, name))
