"""The answers file: TOML on disk that never loses or corrupts an answer.

Saving writes a temporary file in the same folder, fsyncs it and renames it
over the old one, so the file on disk is always either the old or the new
version; the old one is also kept as ``FILE.bak``. A session holds a lock
(a sidecar ``.FILE.lock``) so that two sessions cannot overwrite each other.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import glob
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from wizard import __version__
from wizard.base import tomlerror
from wizard.base.cleaning import decode_file
from wizard.base.errors import UserError
from wizard.base.files import FileProblem, describe_os_error, read_bytes, write_atomic

if TYPE_CHECKING:
    from filelock import BaseFileLock


class AnswersError(UserError):
    """An answers file that cannot be read, written or locked; the message is for the user."""


def now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


def new_document(questionnaire_id: str, version: str) -> dict[str, Any]:
    stamp = now()
    return {
        "meta": {
            "questionnaire": questionnaire_id,
            "questionnaire_version": version,
            "tool_version": __version__,
            "created": stamp,
            "updated": stamp,
        }
    }


def parse(text: str, source: str) -> dict[str, Any]:
    """TOML text → a table; a syntax error names its line and column."""
    try:
        return tomlerror.loads(text)
    except ValueError as error:
        raise AnswersError(
            f"{source} 格式有误，无法读取：{error}。"
            "文件没有被改动；请修正这一处（或改用备份 .bak 文件）后再试。"
        ) from None


def loads(text: str, source: str) -> dict[str, Any]:
    data = parse(text, source)
    meta = data.get("meta")
    if not isinstance(meta, dict) or not isinstance(meta.get("questionnaire"), str):
        raise AnswersError(
            f"{source} 不是 report-wizard 的答案文件（缺少 [meta] 中的 questionnaire）"
        )
    return data


def read_text(path: Path) -> str:
    try:
        raw = read_bytes(path)
    except FileProblem as error:
        raise AnswersError(str(error)) from None
    try:
        return decode_file(raw)
    except ValueError as error:
        raise AnswersError(f"无法读取 {path}：{error}") from None


def load(path: Path) -> dict[str, Any]:
    return loads(read_text(path), str(path))


def _has_crlf(value: object) -> bool:
    if isinstance(value, str):
        return "\r\n" in value
    if isinstance(value, dict):
        return any(_has_crlf(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_crlf(v) for v in value)
    return False


HEADER = (
    "# report-wizard 的答案文件：每答一题自动保存。可以用记事本查看；\n"
    "# 手工修改后请运行 report-wizard check 检查。上一次保存的版本在同名的 .bak 文件里。\n\n"
)


def dumps(document: dict[str, Any]) -> str:
    # Long text reads best as multi-line strings, but tomli-w turns "\r\n" into "\n"
    # in those; a document holding one is written with escapes, so it still round-trips.
    return HEADER + tomli_w.dumps(document, multiline_strings=not _has_crlf(document))


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _keep_backup(path: Path) -> None:
    """Keep the current file as FILE.bak: a hard link is instant and the rename is atomic."""
    if not path.exists():
        return
    link = path.with_name(f".{path.name}.{os.getpid()}.bak")
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    try:
        try:
            os.link(path, link)
        except OSError:
            link.write_bytes(path.read_bytes())
        link.replace(backup_path(path))
    except OSError:
        with contextlib.suppress(OSError):
            link.unlink()  # no litter beside the file when the backup cannot be kept
        raise


def real_file(path: Path) -> Path:
    """The file a path names: through a symbolic link (a shared or synced folder often
    links files), so saving replaces the file, not the link."""
    return Path(os.path.realpath(path))


def _version(text: object) -> tuple[int, ...]:
    parts = str(text).split(".")
    return tuple(int(p) for p in parts if p.isdigit())


def newer_tool(document: dict[str, Any]) -> str | None:
    """The tool version that wrote the file, when it is newer than this one."""
    meta = document.get("meta")
    written = meta.get("tool_version") if isinstance(meta, dict) else None
    return str(written) if written and _version(written) > _version(__version__) else None


def save(path: Path, document: dict[str, Any]) -> Fingerprint:
    """Write the document atomically, stamping ``meta.updated``; keep the previous file as .bak.
    Returns what the file now is (see ``fingerprint``), without reading it back."""
    target = real_file(path)
    meta = document.setdefault("meta", {})
    meta["updated"] = now()
    if newer_tool(document) is None:  # a newer tool's mark stays: it may know more
        meta["tool_version"] = __version__
    try:
        data = dumps(document).encode("utf-8")
    except RecursionError:
        raise AnswersError(f"无法保存到 {path}：文件中的表嵌套得太深") from None
    existed = target.exists()
    try:
        _keep_backup(target)
        write_atomic(target, data)
    except OSError as error:
        kept = "上一次保存的内容仍完好无损；" if existed else ""
        full = error.errno in (errno.ENOSPC, errno.EDQUOT)
        advice = "请腾出磁盘空间或换一个文件夹后再试。" if full else "请换一个文件夹后再试。"
        raise AnswersError(
            f"保存到 {path} 失败：{describe_os_error(error)}。{kept}{advice}"
        ) from None
    return _fingerprint_of(data)


#: A file's size and the hash of its content.
Fingerprint = tuple[int, str]


def _fingerprint_of(data: bytes) -> Fingerprint:
    import hashlib  # only sessions need it; check and export start without it

    return len(data), hashlib.sha256(data).hexdigest()


def fingerprint(path: Path) -> Fingerprint | None:
    """What the file is now (size, content hash); None when it does not exist."""
    target = real_file(path)
    try:
        return _fingerprint_of(target.read_bytes())
    except OSError:
        return None


def remove_stale_files(path: Path) -> None:
    """Temporary and backup files a killed session left beside the file. Called with the
    lock held, so no live session of this file can be writing them."""
    target = real_file(path)
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.*"):
        pid, _, suffix = leftover.name.removeprefix(f".{target.name}.").partition(".")
        if suffix in ("tmp", "bak") and pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but another user's; or a platform without signals
        return True
    return True


class Lock:
    """An exclusive lock on an answers file, held while a session has it open (filelock:
    an OS lock on a file beside it, on Windows as elsewhere)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        target = real_file(path)  # two links to one file share one lock
        self.lock_path = target.with_name(f".{target.name}.lock")
        self._lock: BaseFileLock | None = None

    def acquire(self) -> None:
        if not self.lock_path.parent.is_dir():  # filelock would make the folder: say so
            missing = FileNotFoundError(errno.ENOENT, "", str(self.lock_path.parent))
            raise AnswersError(
                f"无法在 {self.path.parent} 中创建锁文件：{describe_os_error(missing)}"
            )
        import filelock  # here, not at the top: it costs every command ~40 ms to import

        lock = filelock.FileLock(self.lock_path, timeout=0)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise AnswersError(
                f"答案文件 {self.path} 正在另一个窗口中编辑。"
                "为了不互相覆盖，请先在那个窗口中保存并退出，再打开此文件。"
            ) from None
        except OSError as error:
            raise AnswersError(
                f"无法在 {self.path.parent} 中创建锁文件：{describe_os_error(error)}"
            ) from None
        self._lock = lock

    def held_elsewhere(self) -> bool:
        """Whether another session has the file open now; creates no lock file to find out."""
        if not self.lock_path.is_file():
            return False
        import filelock

        probe = filelock.FileLock(self.lock_path, timeout=0)
        try:
            probe.acquire()
        except filelock.Timeout:
            return True
        except OSError:  # a lock file we may not open: nobody we can see holds it
            return False
        probe.release()
        return False

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
            if not self.path.exists():  # a file never written (a new that failed): no litter
                with contextlib.suppress(OSError):
                    self.lock_path.unlink()

    def __enter__(self) -> Lock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
