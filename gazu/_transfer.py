"""Files on the wire: streamed multipart uploads and atomic downloads.

Shared by the sync and async clients, so both send and write files the same
way: uploads are read from disk piece by piece with a known length (never
held in memory, never truncated), downloads land in a temporary file beside
the target that replaces it only once every byte has arrived.
"""

from __future__ import annotations

import mimetypes
import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from typing import IO, Any

from gazu.exception import FileDoesntExistException, InvalidArgumentException, UploadFailedException

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


def upload_parts(file_path: Any, extra_files: list | None, files: dict | None) -> list[tuple[str, str, Any]]:
    """Return ``(field, file name, path or bytes)`` for an upload's files, each checked first.

    ``file_path`` is the ``file`` field, ``extra_files`` are ``file-2``,
    ``file-3``, …, and ``files`` maps more field names to paths, open files or bytes.
    """
    parts: list[tuple[str, str, Any]] = []
    if file_path is not None:
        parts.append(("file", existing_file(file_path, "file_path")))
    for index, extra in enumerate(extra_files or [], start=2):
        parts.append(("file-%d" % index, existing_file(extra, "extra_files")))
    for field, source in (files or {}).items():
        if isinstance(source, (bytes, bytearray)):
            parts.append((field, field, bytes(source)))
        else:
            parts.append((field, existing_file(getattr(source, "name", source), "files")))
    return [(part[0], os.path.basename(part[1]), part[2] if len(part) == 3 else part[1]) for part in parts]


class MultipartBody:
    """A multipart/form-data body read from disk piece by piece.

    Its length is known up front, so it is sent with a Content-Length (never
    chunked) and never held in memory as a whole; a file whose size changes
    while it is sent fails the upload instead of sending a truncated file.
    """

    def __init__(self, fields: list[tuple[str, Any]], files: list[tuple[str, str, Any]],
                 progress_callback: Callable | None = None, boundary: str | None = None):
        self.boundary = boundary or uuid.uuid4().hex
        self.content_type = "multipart/form-data; boundary=%s" % self.boundary
        self.progress_callback = progress_callback
        self._segments: list[Any] = []
        for name, value in fields:
            if value is None:
                continue
            if isinstance(value, bool):
                value = "true" if value else "false"
            self._add_text(self._part_header(name) + b"\r\n")
            self._add_text(str(value).encode("utf-8") + b"\r\n")
        for name, filename, source in files:
            content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
            header = self._part_header(name, filename) + ("Content-Type: %s\r\n\r\n" % content_type).encode()
            self._add_text(header)
            if isinstance(source, (bytes, bytearray)):
                self._add_text(bytes(source))
            else:
                self._segments.append(("file", source, os.path.getsize(source)))
            self._add_text(b"\r\n")
        self._add_text(("--%s--\r\n" % self.boundary).encode())
        self.length = sum(segment[2] for segment in self._segments)
        self.sent = 0

    def _part_header(self, name: str, filename: str | None = None) -> bytes:
        disposition = 'form-data; name="%s"' % name.replace('"', "%22")
        if filename is not None:
            disposition += '; filename="%s"' % filename.replace('"', "%22")
        return ("--%s\r\nContent-Disposition: %s\r\n" % (self.boundary, disposition)).encode("utf-8")

    def _add_text(self, data: bytes) -> None:
        self._segments.append(("bytes", data, len(data)))

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[bytes]:
        for kind, source, size in self._segments:
            if kind == "bytes":
                yield self._count(source)
                continue
            sent = 0
            with open(source, "rb") as handle:
                while True:
                    chunk = handle.read(min(CHUNK_SIZE, size - sent))
                    if not chunk:
                        break
                    sent += len(chunk)
                    yield self._count(chunk)
                if sent != size or handle.read(1):
                    raise UploadFailedException(
                        "upload aborted: %s changed size while it was sent (%d bytes expected)" % (source, size))

    def _count(self, chunk: bytes) -> bytes:
        self.sent += len(chunk)
        if self.progress_callback is not None:
            self.progress_callback(self.sent, self.length)
        return chunk


def download_target(file_path: Any) -> str:
    """Return the path to download to, after checking its folder exists (before any request)."""
    if not file_path or not isinstance(file_path, (str, os.PathLike)):
        raise InvalidArgumentException("file_path: expected a file path, got %r" % (file_path,))
    file_path = os.fspath(file_path)
    folder = os.path.dirname(os.path.abspath(file_path))
    if not os.path.isdir(folder):
        raise InvalidArgumentException("file_path: folder %s does not exist" % folder)
    return file_path


def expected_length(headers: Any) -> int | None:
    """Return the body length an answer announces, None when unknown or content-encoded."""
    expected = headers.get("Content-Length")
    encoded = headers.get("Content-Encoding") not in (None, "identity")
    return int(expected) if expected and expected.isdigit() and not encoded else None


class AtomicFile:
    """A file written beside ``file_path`` that replaces it only when committed.

    Used as a context manager, it is committed when the block ends normally
    and removed when the block raises: readers of ``file_path`` only ever see
    the previous file or the complete new one.
    """

    def __init__(self, file_path: str):
        self.file_path = file_path
        folder, name = os.path.split(os.path.abspath(file_path))
        self.handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".%s." % name, suffix=".part", delete=False)
        self.received = 0
        self.done = False

    def write(self, chunk: bytes) -> None:
        self.handle.write(chunk)
        self.received += len(chunk)

    def commit(self) -> None:
        """Flush to disk and move the file into place (with the usual permissions)."""
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.handle.name, 0o666 & ~umask)
        os.replace(self.handle.name, self.file_path)
        self.done = True

    def discard(self) -> None:
        self.handle.close()
        try:
            os.unlink(self.handle.name)
        except FileNotFoundError:
            pass

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        if kind is not None:
            self.discard()
        elif not self.done:
            self.commit()
