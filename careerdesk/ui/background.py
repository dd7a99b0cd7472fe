"""Long work (reading a file, importing, exporting) off the main thread.

An ``Operation`` runs one plain function of the core on a pool thread and tells the main
thread how it went through Qt signals, which Qt queues to the thread the ``Operation``
lives in: the window only ever touches widgets from the main thread, and it keeps
painting and answering while the work runs.

The function must not share a database session with the main thread. Every service
function opens its own session from ``journal.sessions()``; SQLAlchemy's pool gives that
session a connection no other thread holds until it is returned (the pysqlite dialect
opens file databases with ``check_same_thread=False`` precisely so a pooled connection
may be used by one thread after another, never by two at once).

A failure is delivered as a message for the user, never as a crash: the errors a user can
meet (a refused file, a full disk, a read-only folder) are put in words by ``describe``;
anything else is logged with its traceback and reported as an unexpected error.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from careerdesk.domain.errors import CareerdeskError

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Background", text)


def describe(error: BaseException) -> str:
    """The message a user reads for ``error``, saying what to do about it."""
    if isinstance(error, CareerdeskError):
        return _advice(str(error))
    if isinstance(error, OSError):
        where = error.filename if error.filename else ""
        prefix = f"{where}: " if where else ""
        return prefix + _advice(error.strerror or str(error), error.errno)
    return tr("Something unexpected went wrong (%1). Nothing was changed in your journal; "
              "please try again.").replace("%1", type(error).__name__)


def _advice(text: str, code: int | None = None) -> str:
    """Adds what to do to the errors of a file system that refuses to be written."""
    lowered = text.casefold()
    if code == errno.ENOSPC or "no space left" in lowered:
        return text + "\n\n" + tr("The disk is full. Free some space, or choose a folder on "
                                  "another disk, and try again.")
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or "permission denied" in lowered \
            or "read-only file system" in lowered:
        return text + "\n\n" + tr("careerdesk may not write there. Choose another folder "
                                  "(your Documents folder, for example) and try again.")
    return text


class _Relay(QObject):
    """Lives in the thread that started the work; the pool thread emits through it."""

    succeeded = Signal(object)
    failed = Signal(object)


# Python's cycle collector, run on the huge heap of a big import or export, holds the
# interpreter lock for up to a second at a time, and the window cannot paint meanwhile;
# measured on a 100,000-record journal it is most of the window's pauses (and a third of
# the load time). While work runs it is paused, for the whole process; it resumes when the
# last piece of work ends. Reference counting still frees everything without cycles.
_paused = 0  # pieces of work running
_resume = True  # whether the collector was on when the first of them began
_paused_lock = threading.Lock()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    global _paused, _resume
    with _paused_lock:
        if _paused == 0:
            _resume = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _paused_lock:
            _paused -= 1
            if _paused == 0 and _resume:
                gc.enable()


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        # The Operation owns its task: the pool never frees a Python object from its thread.
        self.setAutoDelete(False)
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            with _collector_paused():
                result = self.work()
        except Exception as error:  # every failure reaches the user as a message
            if not isinstance(error, CareerdeskError | OSError):
                log.exception("background work failed")
            self._deliver(self.relay.failed, error)
        else:
            self._deliver(self.relay.succeeded, result)

    @staticmethod
    def _deliver(signal: Any, value: object) -> None:
        # RuntimeError: whoever asked is gone (deleted meanwhile): there is nobody to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


class Operation(QObject):
    """One piece of work on the pool; emits ``succeeded(result)`` or ``failed(message)``,
    then ``finished()``, all on the thread that created it.

    Keep a reference to it (its parent does) until ``finished``.
    """

    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay(self)
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.failed.connect(self._on_failed)
        self.running = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.message = ""

    def start(self) -> Operation:
        if self.running:
            raise RuntimeError("the operation is running already")
        self.running = True
        self._task = _Task(self._work, self._relay)
        self._pool.start(self._task)
        return self

    def _on_succeeded(self, result: object) -> None:
        self.running = False
        self.result = result
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_failed(self, error: object) -> None:
        self.running = False
        assert isinstance(error, BaseException)
        self.error = error
        self.message = describe(error)
        self.failed.emit(self.message)
        self.finished.emit()


def run_in_background(work: Callable[[], Any], parent: QObject | None = None, *,
                      on_success: Callable[[Any], None] | None = None,
                      on_failure: Callable[[str], None] | None = None) -> Operation:
    """Starts ``work`` on the pool and returns its ``Operation`` (parented to ``parent``)."""
    operation = Operation(work, parent)
    if on_success is not None:
        operation.succeeded.connect(on_success)
    if on_failure is not None:
        operation.failed.connect(on_failure)
    operation.finished.connect(operation.deleteLater)
    return operation.start()


def delete_when_idle(owner: QObject) -> None:
    """Deletes ``owner`` (a closed dialog) once none of the operations it owns is running,
    so a result is never delivered to an object that is gone."""
    running = [op for op in owner.findChildren(Operation) if op.running]
    if not running:
        owner.deleteLater()
        return
    left = len(running)

    def one_finished() -> None:
        nonlocal left
        left -= 1
        if left == 0:
            owner.deleteLater()

    for op in running:
        op.finished.connect(one_finished)


def wait_for_all(timeout_ms: int = -1) -> bool:
    """Blocks until the pool's work is done (the window closes: an import must finish its
    transaction before the journal is closed)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
