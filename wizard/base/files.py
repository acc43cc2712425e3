"""Reading and writing a file a user names: reading an ordinary file only, and not a huge one.

A pipe or a device named ``报告.toml`` would make a read wait forever or never end; a link to
``/dev/zero`` would fill the memory. Everything the program reads from the user's disk
(answers files, questionnaires, reports to import, lists of units, filled sheets) comes
through ``read_bytes``. Everything it writes (answers files, exports, sheets) goes through
``write_atomic``: the file on disk is always either the old one or the new one.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import zipfile
from pathlib import Path

from wizard.base.errors import UserError

#: No answers file, questionnaire or report comes near this; a bigger "file" is a mistake
#: (a disk image, a link to /dev/zero), not something to read into memory.
LARGEST_FILE = 50 * 1024 * 1024


class FileProblem(UserError):
    """A file that cannot be read: missing, not an ordinary file, or too big."""


def describe_os_error(error: OSError) -> str:
    """The usual reasons a file cannot be read or written, in Chinese."""
    reasons = {
        errno.ENOSPC: "磁盘空间已满",
        errno.EDQUOT: "磁盘空间已满",
        errno.EACCES: "没有权限",
        errno.EPERM: "没有权限",
        errno.EROFS: "磁盘是只读的",
        errno.ENOENT: "文件夹不存在",
        errno.EISDIR: "这是一个文件夹，不是文件",
        errno.ENOTDIR: "路径中有一段不是文件夹",
        errno.ENAMETOOLONG: "文件名太长，请起一个短一些的名字",
        errno.ELOOP: "路径中的链接绕成了一个圈，找不到真正的文件",
    }
    return reasons.get(error.errno or 0) or error.strerror or str(error)


def read_bytes(path: Path, limit: int = LARGEST_FILE) -> bytes:
    """An ordinary file's bytes, up to ``limit``. A pipe or a device is refused before it
    is read (opened without waiting, then looked at), and so is a file too big."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileProblem(f"找不到文件 {path}") from None
    except OSError as error:
        raise FileProblem(f"无法读取 {path}：{describe_os_error(error)}") from None
    with os.fdopen(fd, "rb") as stream:
        kind = os.fstat(fd).st_mode
        if stat.S_ISDIR(kind):
            raise FileProblem(f"{path} 是一个文件夹，不是文件")
        if not stat.S_ISREG(kind):
            raise FileProblem(f"{path} 不是普通文件（可能是设备或管道），没有读取")
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            raise FileProblem(f"无法读取 {path}：{describe_os_error(error)}") from None
    if len(data) > limit:
        raise FileProblem(
            f"{path} 超过 {limit // (1024 * 1024)} MB，不像是报告或答案文件，没有读取"
        )
    return data


#: The quotes a path arrives in when copied with Explorer's 复制为路径, dragged into a
#: window, or typed as one would write it in a document.
_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’", "「": "」"}


def unquoted(text: str) -> str:
    """A path as the user gave it, without one pair of surrounding quotes."""
    text = text.strip()
    if len(text) >= 2 and _QUOTES.get(text[0]) == text[-1]:
        return text[1:-1].strip()
    return text


def zip_members(data: bytes) -> list[zipfile.ZipInfo] | None:
    """The parts of a zip file (.docx, .xlsx) as its directory states them, read before
    anything is unpacked (to refuse a zip bomb); None when it is no readable zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError):
        return None


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once; on any failure the old file stays as it was."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = None
    try:
        with temporary.open("wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:  # a file kept private (0600) or read-only stays so
            temporary.chmod(mode)
        temporary.replace(path)
        _sync_folder(path.parent)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _sync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder is synced (POSIX only).
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
