"""The project: one ``.codewerk`` file, its services, undo history and change notifications.

Scripting example::

    from coding import Project
    p = Project.create("studie.codewerk", codebook="rwb")
    p.import_files(["R1.txt"], meta="metadata.csv")
    p.code("R1", "4a", text="ik vertrouw de andere partijen")
    p.quotes(code="Vertrouwen", where={"region": "Zwolle"})
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import coding.refi  # noqa: F401  registers the .qdpx/.qdc exporters and the .qdc codebook reader
from coding.codebook.code_service import CodeService
from coding.codebook.code_set_service import CodeSetService
from coding.codebook.codebook_file import CodebookSpec, read_codebook
from coding.codebook.favourites import Favourites
from coding.core.changes import Aspect, Change, ChangeNotifier, Listener
from coding.core.collector import release_frozen
from coding.core.context import CodeRef, DocumentRef, ProjectContext, Resolver
from coding.core.errors import CodewerkError, InvalidInputError, NotAllowedError
from coding.core.i18n import text as say
from coding.core.project_settings import PRESET_CODER, ProjectSettings
from coding.core.records import CodingInfo, JudgementInfo, Quote
from coding.core.store import Store, is_disk_full
from coding.documents.document_service import DocumentService
from coding.exporting import export
from coding.judgements.judgement_service import JudgementService
from coding.media.media_service import MediaService
from coding.memos.memo_service import MemoService
from coding.passages.coding_service import CodingService
from coding.project_file import (
    ClosingFile,
    copy_store,
    create_store,
    default_coder,
    discard_file,
    no_room_for,
    open_store,
)
from coding.quotes.quote_service import QuoteService
from coding.reviews.review_service import ReviewService
from coding.speakers.speaker_service import SpeakerService
from coding.undo.command import Command
from coding.undo.group import Group, GroupScope, JoinedScope
from coding.undo.history import History, UndoRecorder
from coding.undo.worker_write import WorkerWrite, current_worker_write
from models.clock import new_guid

if TYPE_CHECKING:
    from coding.agreement.agreement_service import AgreementService
    from coding.analysis.analysis_service import AnalysisService
    from coding.guide.guide_service import GuideService
    from coding.importing.import_service import ImportReport, ImportService, Progress, ReplaceDecision
    from coding.judgements.comparison import ComparisonService
    from coding.language.assistant import LanguageAssistant
    from coding.reviews.review_import import ReviewImportReport


class Project:
    """An open project. Use :meth:`create` or :meth:`open`; close it (or use ``with``)."""

    def __init__(
        self, path: Path, *, coder: str | None = None, backup: Path | None = None, store: Store | None = None
    ) -> None:
        self.path = path
        self.backup_path = backup
        self.store = store if store is not None else Store(path)
        if coder is None and self.store.user_name and not os.environ.get("CODEWERK_CODER", "").strip():
            coder = self.store.user_name  # in a team project, people are their server logins
        self.store.mark_seen()  # what other programs commit from now on is announced (notice_others)
        self._notifier = ChangeNotifier()
        self._write_listeners: list[Callable[[], None]] = []
        self._groups = threading.local()  # the group open on each thread (see :meth:`group`)
        self.history = History(self.undo_command, self.redo_command)
        self._recorder: UndoRecorder = self.history
        self.settings = ProjectSettings(self.store, self._announce)
        #: The coder a second coder's package was made for (File → Second coder), else None.
        self.preset_coder: str | None = self.settings.get(PRESET_CODER)
        self.coder = coder or self.preset_coder or default_coder()
        # The documents and the codebook own the names a user types; they answer the resolver.
        self.documents = DocumentService(self.store, self.execute)
        self.codes = CodeService(self.store, self.execute)
        #: What every other service gets instead of the project (see :mod:`coding.core.context`).
        self.context = ProjectContext(
            store=self.store,
            execute=self.execute,
            coder=lambda: self.coder,
            resolve=Resolver(document=self.documents.id_of, code=self.codes.id_of, code_tree=self.codes.tree),
            group=self.group,
        )
        self.code_sets = CodeSetService(self.context)
        self.favourites = Favourites(self.context.resolve, self.settings)
        self.codings = CodingService(self.context)
        self.speakers = SpeakerService(self.context, self.documents)
        self.quote_service = QuoteService(self.context, self.documents, self.speakers)
        self.judgements = JudgementService(self.context, self.documents)
        self.memos = MemoService(self.context)
        self.reviews = ReviewService(self.context)
        #: Recordings beside the transcripts (paths relative to the project's folder when inside it).
        self.media = MediaService(self.context, None if self.is_team_project else self.path.parent)
        # Built on first use (see the properties below): opening a project, and the window's start,
        # import none of their modules (≈ 40 ms of the start: the guide's matching, the analyses,
        # the import parsers, the comparisons).
        self._services: dict[str, object] = {}
        self._services_lock = threading.RLock()  # a service's construction may ask for another
        self._assist: LanguageAssistant | None = None
        self._assist_lock = threading.Lock()
        self._agreement: AgreementService | None = None

    def _service(self, name: str, build: Callable[[], object]) -> Any:
        """The service ``name``, built by ``build`` the first time it is asked for (once, also when
        several threads ask at once)."""
        found = self._services.get(name)
        if found is None:
            with self._services_lock:
                found = self._services.get(name)
                if found is None:
                    found = self._services[name] = build()
        return found

    @property
    def guide(self) -> GuideService:
        """The interview guide: guide questions on the codes, found in the interviewers' turns."""

        def build() -> GuideService:
            from coding.guide.guide_service import GuideService

            return GuideService(self.context, self.documents, self.speakers)

        return self._service("guide", build)  # type: ignore[no-any-return]

    @property
    def analysis(self) -> AnalysisService:
        """Co-occurrence, code × case matrices and code queries (:mod:`coding.analysis`)."""

        def build() -> AnalysisService:
            from coding.analysis.analysis_service import AnalysisService

            return AnalysisService(self.context, self.documents, self.quote_service)

        return self._service("analysis", build)  # type: ignore[no-any-return]

    @property
    def importer(self) -> ImportService:
        """Importing documents (:mod:`coding.importing`: the parsers load with it)."""

        def build() -> ImportService:
            from coding.importing.import_service import ImportService

            return ImportService(self.context, self.documents, self.speakers)

        return self._service("importer", build)  # type: ignore[no-any-return]

    @property
    def comparison(self) -> ComparisonService:
        """Judgements and quotes compared per group (:mod:`coding.judgements.comparison`)."""

        def build() -> ComparisonService:
            from coding.judgements.comparison import ComparisonService

            return ComparisonService(self.context, self.documents, self.judgements, self.quote_service)

        return self._service("comparison", build)  # type: ignore[no-any-return]

    @property
    def agreement(self) -> AgreementService:
        """Intercoder agreement of two coders (:mod:`coding.agreement`), loaded on first use (numpy)."""
        if self._agreement is None:
            from coding.agreement.agreement_service import AgreementService

            self._agreement = AgreementService(self.context)
        return self._agreement

    @property
    def assist(self) -> LanguageAssistant:
        """Language assistance: index, search, suggestions, anonymisation (:mod:`coding.language`).

        Created on first use, so opening a project (and the window's start) loads none of it;
        until then nothing is cached that a change would have to invalidate.
        """
        if self.is_team_project:
            raise CodewerkError(
                say(
                    (
                        "{name}: search, suggestions and the word index work on project files only for "
                        "now; save a copy as a file (File → Save a copy…, or codewerk copy) and use them there"
                    ),
                    name=self.store.name,
                )
            )
        if self._assist is None:
            with self._assist_lock:
                if self._assist is None:
                    from coding.language.assistant import LanguageAssistant

                    self._assist = LanguageAssistant(self)
        return self._assist

    # -- life cycle ----------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path | str,
        codebook: str | Path | CodebookSpec | None = "rwb",
        *,
        coder: str | None = None,
    ) -> Project:
        """Create a new project file with a codebook (``None`` for an empty code tree).

        ``path`` may be a PostgreSQL URL (a team project): the database must exist and be empty.
        """
        spec = codebook if isinstance(codebook, CodebookSpec) or codebook is None else read_codebook(codebook)
        store = create_store(path)
        project = cls(store.path, coder=coder, store=store)
        try:
            project._write_settings({"project_guid": new_guid(), "language": spec.language if spec else "nl"})
            if spec is not None:
                project.codes.load_codebook(spec)
                if spec.favourites:  # the codebook's own choice on the number keys 1–9
                    project.favourites.set(list(spec.favourites))
            project.history.clear()
        except BaseException as exc:
            project.discard()
            if is_disk_full(exc) and not project.is_team_project:
                raise no_room_for(project.path) from None
            raise
        return project

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        coder: str | None = None,
        check_later: bool = False,
        checked_mark: str | None = None,
    ) -> Project:
        """Open a project file; an older file is backed up next to itself and upgraded first.

        ``path`` may be a PostgreSQL URL (a team project: ``postgresql://user@host/db``).
        The file's pages are checked for damage before it opens; with ``check_later`` a large file
        (over ``models.database.CHECK_FIRST_BYTES``) opens first and :attr:`unchecked` says the
        caller must run :meth:`check_file` (the window does, in a worker after its first paint).
        ``checked_mark`` (what :meth:`close_checked` returned when the file was last closed) spares
        the check while the file is unchanged since (``coding.project_file.open_store``).
        """
        store, backup = open_store(path, check_later=check_later, checked_mark=checked_mark)
        return cls(store.path, coder=coder, backup=backup, store=store)

    @property
    def unchecked(self) -> bool:
        """Opened without the damage check (``check_later``), until :meth:`check_file` passed.
        Reading works meanwhile; a write waits for the check (or runs it), so nothing is written
        into a damaged file."""
        return self.store.check_pending

    def check_file(self) -> None:
        """The damage check :meth:`open` left out (``check_later``): raises :class:`ProjectFileError`
        naming the file when it is damaged (and every write does from then on). Reads on its own
        connection, so any thread may call it; a write meanwhile waits for it."""
        self.store.settle_check()

    def checkpoint(self) -> None:
        """Bring the project file itself up to date with every finished action (see
        :meth:`Store.checkpoint`); the window does it when the user pauses. Nothing on a team server."""
        self.store.checkpoint()

    def close(self, *, release: bool = True) -> None:
        """Close the project. ``release``: hand what the collector pauses and the window froze back to the
        cyclic collector (:func:`~coding.core.collector.release_frozen`), since it may be this project's
        garbage now; ``False`` for a project opened and closed while another stays open (the coder's file of
        a merge) and for the window's project when the program ends (the system frees it all at once)."""
        self.store.close()
        if release:
            release_frozen()

    def close_checked(self) -> str | None:
        """Close the project and check its file once more, closed: the file's mark for
        :meth:`open` (``checked_mark``) to spare the check the next time, or ``None`` (a team
        project, a file whose check has not passed in this session, a damaged file, one left
        open elsewhere)."""
        return self.close_to_check()()

    def close_to_check(self, *, release: bool = True) -> Callable[[], str | None]:
        """Close the project (:meth:`close`) and return the check of its closed file that
        :meth:`close_checked` runs, for any thread to run later (≈ 0.25 s per 200 MB)."""
        closing = self.close_later(release=release)
        closing.close()
        return closing.check

    def close_later(self, *, release: bool = True) -> ClosingFile:
        """Let go of the project file (``release`` as for :meth:`close`) and leave its closing and its check to
        the :class:`~coding.project_file.ClosingFile` returned, for another thread (the window's: closing the
        last connection copies the write-ahead log into the file, 0.5 s on the huge project after a Find, and
        the check ≈ 0.25 s per 200 MB). Nothing may read or write through this project afterwards; its file
        must not be opened again before :meth:`ClosingFile.close` returned."""
        checked = not self.is_team_project and not self.unchecked
        if release:
            release_frozen()
        return ClosingFile(self.path, self.store.close, checked=checked)

    def discard(self) -> None:
        """Close the project and delete its file (one just created whose setting up failed)."""
        self.close()
        if not self.is_team_project:
            discard_file(self.path)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- the one path of every change -----------------------------------------------------
    def execute(self, command: Command) -> Any:
        """Run a command in one transaction, record it for undo, announce what changed.

        While another program writes the project, the transaction waits and tries again; when the
        project stays busy, :class:`ProjectBusyError` says so and nothing was applied. Inside
        :meth:`group` the command becomes the open group's next child instead.
        """
        scope: GroupScope | None = getattr(self._groups, "scope", None)
        if scope is not None:
            try:
                return scope.execute(command)
            finally:
                self.codes.invalidate()  # the code tree is read afresh inside the group
                self.documents.forget()
        change = self.store.transact(lambda session: self._permitted(command.apply(session)))
        command.settle()
        if not command.is_empty:
            self._committed(command, change)
        return command.result

    def _committed(self, command: Command | None, change: Change) -> None:
        self.store.tell_others(change)  # on the committing thread (a team server's NOTIFY is per thread)
        away = current_worker_write()
        if away is not None:
            self._forget(change)  # committed: read afresh here (the worker) and on the other threads
            away.keep(command, change)  # recorded and announced by ``away.finish`` on its own thread
            return
        self._published(command, change)

    def _published(self, command: Command | None, change: Change) -> None:
        if command is not None:  # not an undo or redo
            self._recorder.record(command)
        self._announce(change)

    def write_in_worker(self, text: str) -> WorkerWrite:
        """Begin an action whose commands run and commit in a worker thread (``WorkerWrite.run``)
        and are recorded and announced here, on this thread (``WorkerWrite.finish``): a ``.qdpx``
        import, a coder's merge, storing suggestions (see :mod:`coding.undo.worker_write`). Until it
        finishes, this thread's writes are refused (``WriteUnderWayError``) and other threads' wait;
        a second one is refused the same way."""
        return WorkerWrite(text, self.store.lane, self.store.name, self._published, self._written)

    def when_written(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener()`` each time an action written in a worker is over (committed and
        announced, failed or cancelled), on the thread that began it; returns the unsubscribe."""
        self._write_listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._write_listeners:
                self._write_listeners.remove(listener)

        return unsubscribe

    def _written(self) -> None:
        for listener in list(self._write_listeners):
            listener()

    @property
    def writing(self) -> str | None:
        """The action being written in a worker thread (its undo text) while one is, else ``None``:
        meanwhile this thread's writes are refused (see :meth:`write_in_worker`)."""
        return self.store.lane.what

    def _permitted(self, change: Change) -> Change:
        """A team project's role limits what a user changes (the server's grants back it up)."""
        if not self.store.allows(change.tables):
            raise NotAllowedError(self.store.refusal())
        return change

    def group(self, text: str) -> GroupScope:
        """One user action of several commands: ``with project.group("Create code and code passage"):``.

        Every command executed on this thread inside the block (through any service) is planned
        in one transaction; when the block ends the group is committed, recorded as one undo
        step named ``text`` and announced as one change. When the block raises, nothing of it
        is written, recorded or announced. Reads on this thread inside the block see what the
        group wrote so far. A group opened inside another joins it.
        """
        outer: GroupScope | None = getattr(self._groups, "scope", None)
        if outer is not None:
            return JoinedScope(outer)
        return GroupScope(self.store, Group(text), opened=self._group_opened, committed=self._group_committed)

    def _group_opened(self, scope: GroupScope | None) -> None:
        self._groups.scope = scope
        if scope is None:
            self.codes.invalidate()  # it may hold codes of a group that was rolled back
            self.documents.forget()

    def _group_committed(self, group: Group) -> None:
        group.settle()
        self._committed(group, group.change)

    def undo_command(self, command: Command) -> None:
        """Take a command back in one transaction; refuses (``UndoConflictError``) when someone
        else changed the same rows since, and raises before anything moved when it cannot commit."""
        change = self.store.transact(command.revert)
        self._committed(None, change)  # in a worker (write_in_worker): announced by its finish

    def redo_command(self, command: Command) -> None:
        change = self.store.transact(command.apply)
        command.settle()
        self._committed(None, change)

    def notice_others(self) -> bool:
        """Announce what other programs committed to the project since the last look.

        The window calls this on a timer. For a file the change names every table and every
        document (SQLite does not tell what another program changed), so the views re-read what
        they show; a team project's server says what changed (LISTEN/NOTIFY). Returns whether
        anything was announced. A team project whose server is unreachable raises
        ``ServerUnreachableError``.
        """
        if self.store.lane.taken:
            return False  # an action written in a worker commits meanwhile: it announces itself
        change = self.store.others_change()
        if change is None:
            return False
        self._announce(change)
        return True

    def save_copy(self, target: Path | str, *, overwrite: bool = False) -> Path:
        """Copy the project file, everything committed, to ``target`` (a backup, or a version to hand
        in); this project stays open where it is. Refuses its own file, and an existing file unless
        ``overwrite``. A team project is copied from its server into a project file (as ``codewerk
        copy``: every id and GUID kept), where search and suggestions work."""
        return copy_store(self.store, target, overwrite=overwrite)

    @property
    def is_team_project(self) -> bool:
        """Whether the project lives on a server (PostgreSQL) rather than in a file."""
        return self.location != str(self.path)

    @property
    def location(self) -> str:
        """The file's path, or the server's URL without its password."""
        return str(getattr(self.store, "location", self.path))

    @property
    def role(self) -> str:
        """The user's role: owner (a file's user always), coder or reviewer in a team project."""
        return self.store.role

    @property
    def read_only(self) -> bool:
        """Whether the project can only be read (read-only file, folder or media)."""
        return self.store.read_only

    def _announce(self, change: Change) -> None:
        self._forget(change)
        self._notifier.emit(change)

    def _forget(self, change: Change) -> None:
        """Drop what the services keep (per thread) of what ``change`` changed."""
        if change.touches(Aspect.CODES):
            self.codes.invalidate()
        if change.touches(Aspect.DOCUMENTS, Aspect.SPEAKERS):
            self.documents.forget()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after every committed change, undo and redo."""
        return self._notifier.subscribe(listener)

    def set_undo_recorder(self, recorder: UndoRecorder | None) -> None:
        """Record commands elsewhere (the UI's QUndoStack); ``None`` restores the built-in history."""
        self._recorder = recorder or self.history

    def undo(self) -> None:
        """Undo the last command, wherever it was recorded (the window's stack or the built-in history)."""
        self._recorder.undo()

    def redo(self) -> None:
        self._recorder.redo()

    # -- settings ------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        return self.settings.get(key, default)

    def _write_settings(self, values: Mapping[str, Any]) -> None:
        self.settings.write(values)

    def set_setting(self, key: str, value: Any) -> None:
        """Project settings (language, favourite codes …) are preferences, not undoable edits.

        Speaker patterns and the other speaker rules are changed through :attr:`speakers`
        (undoable, and they re-detect the turns)."""
        self._write_settings({key: value})

    @property
    def language(self) -> str:
        return str(self.setting("language", "nl"))

    # -- the scripting API ---------------------------------------------------------------
    def import_files(
        self,
        paths: Sequence[Path | str] | Path | str,
        *,
        meta: Path | str | None = None,
        attributes: Mapping[str, str] | None = None,
        replace: ReplaceDecision = False,
        progress: Progress | None = None,
    ) -> ImportReport:
        items = [paths] if isinstance(paths, Path | str) else list(paths)
        return self.importer.import_files(
            items, meta=meta, attributes=attributes, replace=replace, progress=progress
        )

    def code(
        self,
        document: DocumentRef,
        code: CodeRef,
        start: int | None = None,
        end: int | None = None,
        *,
        text: str | None = None,
        memo: str = "",
        coder: str | None = None,
    ) -> CodingInfo:
        """Code a passage given by ``start``/``end`` or by its ``text`` (found whitespace-insensitively)."""
        if text is not None:
            if start is not None or end is not None:
                raise InvalidInputError(say("give either start and end or text, not both"))
            start, end = self.documents.find_passage(document, text)
        if start is None or end is None:
            raise InvalidInputError(say("give start and end, or the passage text"))
        return self.codings.code(document, code, start, end, memo=memo, coder=coder)

    def quotes(
        self,
        code: CodeRef | Sequence[CodeRef] | None = None,
        *,
        where: Mapping[str, str | Sequence[str]] | None = None,
        **filters: Any,
    ) -> list[Quote]:
        return self.quote_service.query(code, where=where, **filters)

    def assess(
        self, value: str, code: CodeRef, score: str, *, by: str = "region", note: str = "", **options: Any
    ) -> JudgementInfo:
        return self.judgements.assess(value, code, score, by=by, note=note, **options)

    def identity(self) -> str:
        """The project's stable id (review files carry it); made on first use for an older file."""
        guid = str(self.setting("project_guid", "") or "")
        if not guid:
            guid = new_guid()
            self._write_settings({"project_guid": guid})
        return guid

    def import_review(
        self, path: Path | str, *, reviewer: str | None = None, apply: bool = True
    ) -> ReviewImportReport:
        """Read a supervisor's review file back: their marks, in one undoable step, and a report."""
        return self.reviews.import_file(
            Path(path),
            project_guid=self.identity(),
            project_name=self.path.stem,
            reviewer=reviewer,
            apply=apply,
        )

    def export(
        self, path: Path | str, *, by: str = "region", overwrite: bool = False, **options: Any
    ) -> Path:
        """Export by file type (``.csv``, ``.xlsx``, ``.docx`` …); never overwrites unless told to."""
        return export(self, Path(path), by=by, overwrite=overwrite, **options)
