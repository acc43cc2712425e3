"""Opening answers files: read-only for preview/check/export, locked and saving for a session.

A Session owns the lock and writes the file after every accepted change, so an
interrupted interview loses at most the answer being typed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wizard import __version__
from wizard.answersfile import disk
from wizard.answersfile.disk import AnswersError
from wizard.answersfile.document import AnswersDocument
from wizard.answersfile.written_with import questionnaire_of, record_questionnaire, recorded_file
from wizard.base.errors import NotSaved, UserError
from wizard.base.unit_names import questionnaire_for
from wizard.questionnaire import Questionnaire, load_by_id
from wizard.questionnaire.locate import content_hash
from wizard.report.draft import report_title
from wizard.report.next_year import carry_over
from wizard.state.interview import Interview

if TYPE_CHECKING:
    from wizard.importer.found import Imported


class SessionError(UserError):
    """Bad input for a session (a --data value, a wrong questionnaire); for the user."""


def resume_command(path: Path) -> str:
    """The exact command that continues this file, quoted when the path has spaces."""
    text = str(path)
    return "report-wizard resume " + (f'"{text}"' if any(c.isspace() for c in text) else text)


def default_file_name(today: dt.date | None = None) -> str:
    """The name of a new answers file the user did not name: provisional, until the unit and
    the year are known (``Session.named_after_title``)."""
    stamp = (today or dt.date.today()).isoformat()
    return f"新报告-{stamp}.toml"


def file_name(title: str) -> str:
    """A report title as a file name: the characters Windows refuses become _, and the
    invisible ones that turn text around (a right-to-left override hides an ending) go."""
    title = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", title)
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", title).strip(" .")[:80] or "报告"


def notes(interview: Interview, source: str) -> list[str]:
    """What the user should know about a file: old version, answers no longer valid, extra keys."""
    result = []
    document = interview.document
    version = document.questionnaire_version
    questionnaire = interview.questionnaire
    found = recorded_file(document, Path(source))
    recorded = str(found.resolve()) if found is not None and found.is_file() else found
    if recorded and str(recorded) != questionnaire.file:
        result.append(
            f"问卷文件已不在 {recorded}，改用 {questionnaire.file or questionnaire.source}。"
        )
    elif questionnaire.file and document.questionnaire_hash != content_hash(
        Path(questionnaire.file)
    ):
        result.append(
            f"问卷文件 {questionnaire.file} 在开始填写后改动过：已按改动后的问卷检查，"
            "仍然有效的答案都已保留。"
        )
    if version and version != interview.questionnaire.version:
        result.append(
            f"{source} 是按问卷 {version} 版填写的，当前为 {interview.questionnaire.version} 版；"
            "仍然有效的答案都已保留。"
        )
    newer = document.newer_tool()
    if newer:
        result.append(
            f"{source} 是较新的 report-wizard {newer} 保存的（当前为 {__version__}）；"
            "本版本不认识的内容会原样保留，但可能不出现在草稿中。建议升级后再填写。"
        )
    for question_id, why in interview.invalid.items():
        question = interview.require(question_id)
        result.append(
            f"“{question.label}”（{question_id}）保存的答案已不符合要求：{why}；需要重新回答。"
        )
    if interview.unknown:
        result.append(
            f"{source} 中有当前问卷没有的项目，已原样保留：{'、'.join(interview.unknown)}"
        )
    return result


def open_readonly(path: Path) -> Interview:
    document = AnswersDocument.load(path)
    return Interview(questionnaire_of(document, path), document)


@dataclass
class Session:
    """An answers file open for writing: locked, saved after every change.

    Saving never overwrites changes made to the file outside the wizard (say, in Notepad)
    while it was open: from then on the answers go to a recovery file beside it. A save
    that failed is tried again when the session ends, and if it fails again the answers
    go to a recovery file wherever one can be written.
    """

    path: Path
    interview: Interview
    lock: disk.Lock
    notes: list[str] = field(default_factory=list)
    #: The file as this session last read or wrote it.
    seen: disk.Fingerprint | None = None
    #: Where answers go since the file was changed outside the wizard.
    diverted: Path | None = None
    #: The last save failed: the answers on disk are behind.
    unsaved: bool = False
    #: The file has a provisional name: it takes the report's title once that is known.
    provisional_name: bool = False
    #: What was read from last year's finished report (new --from LAST.docx), to show.
    imported: Imported | None = None
    #: Started with the default questionnaire, none named: the unit's name may say another.
    questionnaire_by_default: bool = False

    @property
    def target(self) -> Path:
        return self.diverted or self.path

    def questionnaire_named(self) -> str | None:
        """The shipped questionnaire the unit's name asks for, when the session started on the
        default one without choosing it and the name says another (a 局 on the township one)."""
        name = self.interview.display("unit_name")
        wanted = questionnaire_for(name) if self.questionnaire_by_default and name else None
        return wanted if wanted != self.interview.questionnaire.id else None

    def switch_questionnaire(self, questionnaire: Questionnaire) -> None:
        """Go on with another questionnaire (a 局 that started with the township one): the
        answers it also asks are kept; saved, the file says it was written with it."""
        old = self.interview
        document = AnswersDocument.new(questionnaire.id, questionnaire.version)
        record_questionnaire(document, questionnaire)
        for key, raw in old.document.answers():
            if questionnaire.question(key) is not None:
                document.put_answer(key, raw)
        self.interview = Interview(questionnaire, document, old.today)
        self.unsaved = True  # until the caller saves: a failed save is tried again at the end

    def save(self) -> str:
        """Save; returns a notice for the user when the answers had to go elsewhere."""
        notice = ""
        if self.diverted is None and disk.fingerprint(self.path) != self.seen:
            self.diverted = recovery_path(self.path)
            notice = (
                f"{self.path} 在向导之外被改动过。为了不覆盖那些改动，"
                f"从现在起答案保存到 {self.diverted}；填完后请对照两个文件，保留需要的内容。"
            )
        try:
            written = self.interview.document.save(self.target)
        except AnswersError:
            self.unsaved = True
            raise
        self.unsaved = False
        if self.diverted is None:
            self.seen = written
            if self.provisional_name:
                notice = notice or self._name_after_title()
        return notice

    def _name_after_title(self) -> str:
        """Rename the file after the report (杉岭乡2022年法治政府建设年度报告.toml) once the
        title holds no gap; keeps the provisional name if that one is taken."""
        title = report_title(self.interview)
        year = self.interview.questionnaire.report.year
        if "【" in title or (year and year not in self.interview.values):
            return ""  # not yet: a year offered by default may still be changed
        named = self.path.with_name(file_name(title) + ".toml")
        self.provisional_name = False
        if named.exists():
            return ""
        lock = disk.Lock(named)
        try:
            lock.acquire()
            self.path.rename(named)
        except (AnswersError, OSError):
            lock.release()
            return ""
        self.lock.release()
        with contextlib.suppress(OSError):
            self.lock.lock_path.unlink()
            disk.backup_path(self.path).rename(disk.backup_path(named))
        self.lock, self.path = lock, named
        self.seen = disk.fingerprint(named)
        return f"答案文件已按单位和年度命名为 {named}"

    def finish(self) -> Path:
        """Make sure every answer is on disk before the session ends; returns where.

        Raises NotSaved, naming what was tried, when nothing could be written."""
        if not self.unsaved:
            return self.target
        with contextlib.suppress(AnswersError):
            self.save()
            return self.target
        tried = []
        for place in (self.path.parent, Path.home(), Path(tempfile.gettempdir())):
            rescue = recovery_path(place / self.path.name)
            try:
                self.interview.document.save(rescue)
                if place != self.path.parent:
                    rescue.chmod(0o600)  # a shared folder: the answers are the unit's own
            except (AnswersError, OSError) as error:
                tried.append(str(error))
                continue
            self.diverted = rescue
            self.unsaved = False
            return rescue
        raise NotSaved("答案没能保存到任何地方：\n" + "\n".join(tried))

    def close(self) -> None:
        self.lock.release()


def recovery_path(path: Path) -> Path:
    stamp = disk.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.恢复-{stamp}{path.suffix or '.toml'}")


def _locked(path: Path) -> disk.Lock:
    lock = disk.Lock(path)
    lock.acquire()
    disk.remove_stale_files(path)
    return lock


def create(path: Path, questionnaire: Questionnaire, last_year: Path | None = None) -> Session:
    """A new answers file; never replaces an existing one."""
    if path.is_dir():
        raise SessionError(f"{path} 是一个文件夹；请给出答案文件的名字，例如 {path / '报告.toml'}")
    if path.exists():
        raise SessionError(
            f"{path} 已经存在，为了不覆盖已填写的内容，没有新建。"
            f"要继续填写它，请运行：{resume_command(path)}"
        )
    document = AnswersDocument.new(questionnaire.id, questionnaire.version)
    record_questionnaire(document, questionnaire)
    imported: Imported | None = None
    if last_year is not None:
        last, imported = _last_year(last_year, questionnaire)
        document = carry_over(questionnaire, last, document, str(last_year))
    lock = _locked(path)
    try:
        if path.exists():  # created by another session between the check and the lock
            raise SessionError(f"{path} 刚刚被另一个会话创建；请运行 {resume_command(path)}")
        session = Session(path, Interview(questionnaire, document), lock)
        session.imported = imported
        return session
    except BaseException:
        lock.release()
        raise


def last_years_questionnaire(path: Path) -> Questionnaire:
    """The questionnaire to start from last year's file with: the one its answers were
    written with, or, for a finished report, the one its unit's name says (a 局: department)."""
    from wizard.importer import SUFFIXES, suggested_questionnaire

    if path.suffix.lower() in (*SUFFIXES, ".doc"):
        return load_by_id(suggested_questionnaire(path) or "township")
    return questionnaire_of(AnswersDocument.load(path), path)


def _last_year(path: Path, questionnaire: Questionnaire) -> tuple[AnswersDocument, Imported | None]:
    """Last year's answers: an answers file, or a finished report read by ``import`` (with
    what the import found, to show the clerk)."""
    from wizard.importer import SUFFIXES, import_report

    if path.suffix.lower() in (*SUFFIXES, ".doc"):
        return import_report(path, questionnaire)
    return AnswersDocument.load(path), None


def resume(path: Path) -> Session:
    if not path.is_file():  # no lock file is left beside a mistyped name
        disk.load(path)  # says what is wrong with the path, in the words of every command
    lock = _locked(path)
    try:
        seen = disk.fingerprint(path)
        interview = open_readonly(path)
        said = notes(interview, str(path))
        record_questionnaire(interview.document, interview.questionnaire)  # said once
        return Session(path, interview, lock, said, seen)
    except BaseException:
        lock.release()
        raise
