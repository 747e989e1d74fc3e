"""Reading an .npz archive without trusting it: the .npy header of every member is read first (dtype and shape,
nothing allocated), so a caller can check them; then a member is read with bounded decompression, exactly the
bytes its header declares. Every fault (a broken zip, a bad header, a flipped bit, an unsupported compression)
is a ``NpzFault`` carrying the reason, never zipfile's, zlib's or NumPy's own exception."""

from __future__ import annotations

import io
import os
import struct
import tokenize
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np
from numpy.lib import format as npy

MAX_DIRECTORY_BYTES = 4 * 1024 * 1024  # the zip's list of members (a snapshot's is a few kB)
_CHUNK = 1 << 20
_HEADER = 16 * 1024  # the most of a member read for its .npy header (NumPy's own limit is 10 000 bytes)
_FAULTS = (OSError, EOFError, ValueError, TypeError, KeyError, SyntaxError, NotImplementedError, RuntimeError,
           zipfile.BadZipFile, zlib.error, struct.error, tokenize.TokenError, OverflowError, RecursionError,
           UnicodeDecodeError)


class NpzFault(Exception):
    """The archive cannot be read; ``str()`` says why (in English, as the libraries say it)."""


@dataclass(frozen=True)
class Member:
    name: str  # without .npy
    info: zipfile.ZipInfo
    dtype: np.dtype
    shape: tuple[int, ...]
    fortran: bool
    offset: int  # where the data starts in the member

    @property
    def nbytes(self) -> int:
        count = 1
        for n in self.shape:
            count *= n
        return count * self.dtype.itemsize


def _directory_size(fh: BinaryIO) -> int | None:
    """The size the end record gives the zip's central directory (None: no end record found)."""
    fh.seek(0, os.SEEK_END)
    size = fh.tell()
    fh.seek(max(0, size - 65_557))
    tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return None
    return int(struct.unpack("<L", tail[at + 12:at + 16])[0])


class Npz:
    """An open archive; use as a context manager."""

    def __init__(self, fh: BinaryIO, most: int) -> None:
        """``most``: the bytes all members may expand to, together (checked before any is read)."""
        try:
            directory = _directory_size(fh)
            if directory is not None and directory > MAX_DIRECTORY_BYTES:
                raise NpzFault(f"its list of members is {directory:,} bytes, more than {MAX_DIRECTORY_BYTES:,}")
            fh.seek(0)
            self.zip = zipfile.ZipFile(fh)
            self.members: dict[str, Member] = {}
            expanded = sum(info.file_size for info in self.zip.infolist())
            if expanded > most:
                raise NpzFault(f"it would expand to {expanded:,} bytes, more than {most:,}")
            for info in self.zip.infolist():
                self._add(info)
        except _FAULTS as exc:
            raise NpzFault(f"{type(exc).__name__}: {exc}") from None

    def _add(self, info: zipfile.ZipInfo) -> None:
        if not info.filename.endswith(".npy"):
            raise NpzFault(f"{info.filename!r} is not an .npy member")
        name = info.filename[:-4]
        if name in self.members:
            raise NpzFault(f"{info.filename!r} is in the archive twice")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise NpzFault(f"{info.filename!r} uses compression method {info.compress_type}, not stored or deflate")
        if info.flag_bits & 0x61:  # encrypted, or patched or strongly encrypted data
            raise NpzFault(f"{info.filename!r} is encrypted or patched (zip flags {info.flag_bits:#x})")
        with self.zip.open(info) as member:
            fp = io.BytesIO(member.read(_HEADER))  # a header longer than that is refused, never read whole
            version = npy.read_magic(fp)
            if version == (1, 0):
                shape, fortran, dtype = npy.read_array_header_1_0(fp)
            elif version == (2, 0):
                shape, fortran, dtype = npy.read_array_header_2_0(fp)
            else:
                raise NpzFault(f"{info.filename!r} is .npy version {version}, not 1.0 or 2.0")
            offset = fp.tell()
        if not isinstance(shape, tuple) or not all(type(n) is int and n >= 0 for n in shape):
            raise NpzFault(f"{info.filename!r} has the shape {shape!r}, not whole numbers ≥ 0")
        self.members[name] = Member(name, info, dtype, shape, bool(fortran), offset)

    def read(self, member: Member) -> np.ndarray:
        """The member's array, reading (and decompressing) no more than its header declares; the zip's checksum
        is checked."""
        try:
            with self.zip.open(member.info) as fp:
                fp.read(member.offset)
                left, parts = member.nbytes, []
                while left:
                    part = fp.read(min(left, _CHUNK))
                    if not part:
                        raise NpzFault(f"{member.info.filename!r} ends before its {member.nbytes:,} bytes of data")
                    parts.append(part)
                    left -= len(part)
                if fp.read(1):
                    raise NpzFault(f"{member.info.filename!r} holds more bytes than its header declares")
        except _FAULTS as exc:
            raise NpzFault(f"{member.info.filename!r}: {type(exc).__name__}: {exc}") from None
        data = b"".join(parts)
        array = np.frombuffer(data, dtype=member.dtype) if member.nbytes else np.zeros(0, member.dtype)
        return array.reshape(member.shape, order="F" if member.fortran else "C")

    def __enter__(self) -> Npz:
        return self

    def __exit__(self, *_: object) -> None:
        self.zip.close()

