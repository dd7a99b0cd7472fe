"""The ``careerdesk`` command line (contract.md). With no command it opens the window.

Imports are kept inside the commands: ``--version`` and ``search`` must not pay for
SQLAlchemy or Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerdesk import __version__

if TYPE_CHECKING:
    from careerdesk.store.cipher import Passphrase
    from careerdesk.store.database import Journal

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careerdesk",
        description="A private, offline career journal and planner. "
                    "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"careerdesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="the folder of the journal, its backups and settings "
                             "(default: $CAREERDESK_DATA_DIR, else the user data folder)")
    parser.add_argument("--screenshot", metavar="DIR",
                        help="render every page to DIR/<page>.png at 1280x800 and exit")
    parser.add_argument("--measure-startup", action="store_true",
                        help="open the window, print first_paint_ms and ready_ms, and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    log = commands.add_parser("log", help="add a journal entry; prints its uid")
    log.add_argument("text")
    log.add_argument("--title")
    log.add_argument("--date", type=_date, help="YYYY-MM-DD (default: today)")
    log.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")

    search = commands.add_parser("search", help="full-text search over every record")
    search.add_argument("query")
    search.add_argument("--limit", type=_positive, default=20)
    search.add_argument("--json", action="store_true", help="print the hits as JSON")

    imp = commands.add_parser("import", help="import a file, all or nothing")
    imp.add_argument("path", type=Path)
    imp.add_argument("--format", choices=["careerdesk", "jrnl", "dayone", "linkedin", "vcard"],
                     help="the file's format (default: guessed from its content)")

    exp = commands.add_parser("export", help="export the whole journal")
    exp.add_argument("path", type=Path)
    exp.add_argument("--format", choices=["careerdesk", "csv", "markdown", "ics"],
                     help="careerdesk: the whole journal (the default); csv: a zip with one CSV per kind; "
                          "markdown: a brag document; ics: cycle events, negotiation windows and "
                          "follow-ups as a calendar (the default for a .ics file name)")
    exp.add_argument("--from", dest="start", type=_date, metavar="D",
                     help="markdown: the first day of the period (default: 12 months before --to)")
    exp.add_argument("--to", dest="end", type=_date, metavar="D",
                     help="markdown: the last day of the period (default: today)")

    plan = commands.add_parser("plan", help="negotiation windows, readiness scores and next actions")
    plan.add_argument("--today", type=_date, help="plan as of this day, YYYY-MM-DD (default: today)")
    plan.add_argument("--json", action="store_true", help="print the plan as JSON")

    prep = commands.add_parser("prep-sheet", help="a negotiation plan's prep sheet as PDF")
    which = prep.add_mutually_exclusive_group(required=True)
    which.add_argument("plan_uid", nargs="?", metavar="PLAN_UID", help="the plan's uid")
    which.add_argument("--latest", action="store_true",
                       help="the plan of the next meeting (else the latest meeting, "
                            "else the plan changed last)")
    prep.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")

    timeline = commands.add_parser("timeline", help="the timeline chart as a PNG, SVG or PDF file")
    timeline.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                          help="the file to write; its suffix (.png, .svg, .pdf) is the format")
    timeline.add_argument("--from", dest="start", type=_date, metavar="D",
                          help="the first day shown (default: 12 months before --to)")
    timeline.add_argument("--to", dest="end", type=_date, metavar="D",
                          help="the last day shown (default: today)")

    bak = commands.add_parser("backup", help="a consistent copy of the database")
    bak.add_argument("-o", "--output", type=Path, help="where to write it "
                     "(default: a dated file in the data folder's backups/)")
    res = commands.add_parser("restore", help="replace the journal with a backup "
                              "(the current journal is backed up first)")
    res.add_argument("path", type=Path)
    commands.add_parser("check", help="check the journal's integrity")
    secret = "the passphrase comes from $CAREERDESK_PASSPHRASE or a prompt"
    commands.add_parser("encrypt", help="encrypt the journal and its backups with a new "
                        f"passphrase ({secret}; typed twice)")
    commands.add_parser("decrypt", help=f"decrypt the journal and its backups ({secret})")
    commands.add_parser("passphrase", help="change the passphrase of the journal and its "
                        f"backups (the current one: {secret}; the new one: "
                        "$CAREERDESK_NEW_PASSPHRASE or typed twice)")
    demo = commands.add_parser("demo", help="fill the journal with the sample journal")
    demo.add_argument("--force", action="store_true",
                      help="add the sample even when the journal holds records")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from careerdesk.domain.errors import CareerdeskError
    from careerdesk.paths import resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    if args.command is None:
        return _open_window(data_dir, args)
    handler: Callable[[Path, argparse.Namespace], int] = COMMANDS[args.command]
    try:
        return handler(data_dir, args)
    except CareerdeskError as error:
        print(f"careerdesk: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as error:
        # A file or folder the user named cannot be read or written: one line, no traceback.
        where = f"{error.filename}: " if error.filename else ""
        print(f"careerdesk: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130


def gui_main() -> int:
    """``careerdesk-gui``: the window, without a console."""
    return main(sys.argv[1:])


def _open_window(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk.ui.app import run

    return run(data_dir, screenshot_dir=Path(args.screenshot) if args.screenshot else None,
               measure_startup=args.measure_startup)


def _journal(data_dir: Path, *, check: bool = True) -> Journal:
    """The journal in ``data_dir``, opened with its passphrase when it is encrypted."""
    from careerdesk.passphrases import with_journal_passphrase
    from careerdesk.paths import database_path
    from careerdesk.store.database import open_journal

    return with_journal_passphrase(
        database_path(data_dir),
        lambda passphrase: open_journal(data_dir, check=check, passphrase=passphrase))


def _passphrase(data_dir: Path) -> Passphrase | None:
    """The passphrase of an encrypted journal, proven on the file; None for a plain one."""
    from careerdesk.passphrases import with_journal_passphrase
    from careerdesk.paths import database_path
    from careerdesk.store.cipher import connect

    path = database_path(data_dir)

    def proven(passphrase: Passphrase | None) -> Passphrase | None:
        if passphrase is not None:
            connect(path, passphrase, read_only=True).close()
        return passphrase

    return with_journal_passphrase(path, proven)


def cmd_log(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk import services

    journal = _journal(data_dir)
    try:
        uid = services.add_journal_entry(journal, args.text, title=args.title, day=args.date,
                                         tags=args.tag)
    finally:
        journal.close()
    print(uid)
    return EXIT_OK


def cmd_search(data_dir: Path, args: argparse.Namespace) -> int:
    import json

    from careerdesk.paths import database_path
    from careerdesk.search import connect_read_only, search

    path = database_path(data_dir)
    if not path.exists() or path.stat().st_size == 0:
        hits = []
    else:
        current, passphrase = _current_layout(data_dir)
        if not current:
            _journal(data_dir).close()  # migrates, or refuses with a clear message
        connection = connect_read_only(str(path), passphrase)
        try:
            hits = search(connection, args.query, limit=args.limit, prefix_last=False)
        finally:
            connection.close()
    if args.json:
        print(json.dumps([{"kind": h.kind, "date": h.day, "title": h.title, "uid": h.uid}
                          for h in hits], ensure_ascii=False))
    else:
        for hit in hits:
            print(f"{hit.kind:<12} {hit.day or '-':<10}  {hit.title}  {hit.uid}")
    return EXIT_OK


def cmd_import(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk import services

    journal = _journal(data_dir)
    try:
        counts = services.import_file(journal, args.path, args.format)
    finally:
        journal.close()
    for line in counts.lines():
        print(line)
    if not counts.lines():
        print(f"{args.path}: nothing to import")
    return EXIT_OK


def cmd_export(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk import services

    if args.format is None and args.path.suffix.lower() == ".ics":
        args.format = "ics"
    if args.format != "markdown" and (args.start or args.end):
        print("careerdesk: export: --from and --to apply to --format markdown only",
              file=sys.stderr)
        return EXIT_USAGE
    if args.format in ("csv", "markdown", "ics"):
        return _export_other(data_dir, args)
    journal = _journal(data_dir)
    try:
        data = services.export_interchange(journal, args.path)
    finally:
        journal.close()
    total = sum(len(v) for k, v in data.items() if isinstance(v, list))
    print(f"exported {total} records to {args.path}")
    return EXIT_OK


def _export_other(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk import services

    if args.start and args.end and args.end < args.start:
        print(f"careerdesk: export: --to {args.end} is before --from {args.start}", file=sys.stderr)
        return EXIT_USAGE
    journal = _journal(data_dir)
    try:
        if args.format == "csv":
            rows = services.export_csv(journal, args.path)
            print(f"exported {sum(rows.values())} records to {args.path}")
        elif args.format == "ics":
            counts = services.export_calendar(journal, args.path, date.today())
            print(f"exported {counts.total} calendar events to {args.path} ({counts.cycle_events} "
                  f"cycle events, {counts.windows} negotiation windows, {counts.follow_ups} follow-ups)")
        else:
            services.export_brag_document(journal, args.path, start=args.start, end=args.end)
            print(f"wrote the brag document to {args.path}")
    finally:
        journal.close()
    return EXIT_OK


def cmd_plan(data_dir: Path, args: argparse.Namespace) -> int:
    import json

    from careerdesk import services
    from careerdesk.planner import plan_to_json
    from careerdesk.planner.text import plan_to_text

    journal = _journal(data_dir)
    try:
        result = services.plan(journal, args.today or date.today())
    finally:
        journal.close()
    if args.json:
        print(json.dumps(plan_to_json(result), ensure_ascii=False))
    else:
        print(plan_to_text(result))
    return EXIT_OK


def cmd_prep_sheet(data_dir: Path, args: argparse.Namespace) -> int:
    # The reports module directly: the services module would load the import and export
    # code, which the sheet has no use for. The sheet is read with plain SQL in one read
    # transaction on a read-only connection: no SQLAlchemy (a quarter of the command's time).
    from careerdesk.reports.prep import chosen_plan_uid, printable_sheet

    connection, passphrase = _read_only(data_dir)
    checked = _check_beside(data_dir, passphrase)  # while the sheet is made
    try:
        connection.execute("BEGIN")  # one snapshot, whatever the window writes meanwhile
        uid = chosen_plan_uid(connection, None if args.latest else args.plan_uid, date.today())
        # The command draws one chart and exits: matplotlib need not write its docstrings.
        from careerdesk.reports.figure_import import import_figure_for_drawing

        import_figure_for_drawing()
        sheet = printable_sheet(connection, uid, date.today())
    finally:
        connection.close()
        checked(refuse=False)
    checked()  # a damaged journal is refused before the file is written
    # Qt only here: every other command stays free of it.
    from careerdesk.ui.printing import ensure_gui_application, write_pdf

    ensure_gui_application()
    pages = write_pdf(sheet, args.output)
    print(f"wrote the prep sheet of {sheet.title.removeprefix('Prep sheet: ')!r} "
          f"({pages} {'page' if pages == 1 else 'pages'}) to {args.output}")
    return EXIT_OK


def cmd_timeline(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk.reports.export import chart_format, export_timeline

    chart_format(args.output)  # a bad suffix is refused before the journal is opened
    if args.start and args.end and args.end < args.start:
        print(f"careerdesk: timeline: --to {args.end} is before --from {args.start}",
              file=sys.stderr)
        return EXIT_USAGE
    # The chart is read with plain SQL on a read-only connection: the command imports
    # neither SQLAlchemy nor the services module, a third of its time otherwise.
    connection, passphrase = _read_only(data_dir)
    checked = _check_beside(data_dir, passphrase)
    try:
        # The command draws one chart and exits: matplotlib need not write its docstrings.
        from careerdesk.reports.figure_import import import_figure_for_drawing

        import_figure_for_drawing()
        data = export_timeline(connection, args.output, start=args.start, end=args.end,
                               before_writing=checked)
    finally:
        connection.close()
        checked(refuse=False)
    print(f"wrote the timeline of {data.period.title} to {args.output}")
    return EXIT_OK


def _read_only(data_dir: Path) -> tuple[Any, Passphrase | None]:
    """A read-only DB-API connection to the journal, and its passphrase, without the ORM.

    A journal that does not exist yet, or whose layout is older than this version's, is
    first opened the usual way: created, or migrated (or refused with a clear message).
    """
    from careerdesk.paths import database_path
    from careerdesk.search import connect_read_only
    from careerdesk.store.environment import database_errors

    path = database_path(data_dir)
    current, passphrase = False, None
    if path.exists() and path.stat().st_size > 0:
        current, passphrase = _current_layout(data_dir)
    if not current:
        journal = _journal(data_dir)
        passphrase = journal.passphrase
        journal.close()
    try:
        return connect_read_only(str(path), passphrase), passphrase
    except database_errors() as error:
        from careerdesk.store.environment import explain

        raise explain(error, path) or error from None


def _current_layout(data_dir: Path) -> tuple[bool, Passphrase | None]:
    """Whether the journal's layout is this version's, read with plain sqlite3 (no ORM, no
    Alembic), and the passphrase it took; False when the file cannot tell."""
    from careerdesk.passphrases import with_journal_passphrase
    from careerdesk.paths import database_path
    from careerdesk.store.environment import database_errors
    from careerdesk.store.schema_version import HEAD, read_schema_state

    path = database_path(data_dir)

    def read(passphrase: Passphrase | None) -> tuple[bool, Passphrase | None]:
        # The same connection proves the passphrase (each keyed one derives the key anew).
        try:
            _, revision, _ = read_schema_state(path, passphrase)
        except database_errors():
            revision = None
        return revision == HEAD, passphrase

    return with_journal_passphrase(path, read)


def _check_beside(data_dir: Path, passphrase: Passphrase | None) -> Callable[..., None]:
    """Starts ``quick_check_file`` on a thread of its own (SQLite's work leaves Python free),
    as the window runs it after its first paint. The function returned waits for it and
    raises what it found (``refuse=False``: only waits); call it before writing a file."""
    import threading

    from careerdesk.paths import database_path
    from careerdesk.store.journal_check import quick_check_file

    problems: list[BaseException] = []

    def check() -> None:
        try:
            quick_check_file(database_path(data_dir), passphrase)
        except BaseException as error:
            problems.append(error)

    checker = threading.Thread(target=check)
    checker.start()

    def wait(refuse: bool = True) -> None:
        checker.join()
        if refuse and problems:
            raise problems[0]

    return wait


def cmd_backup(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk.paths import database_path
    from careerdesk.store.backup import backup

    passphrase = None
    if database_path(data_dir).exists():  # else backup() says there is nothing to back up
        journal = _journal(data_dir)  # a journal from an older version is migrated first
        passphrase = journal.passphrase
        journal.close()
    print(backup(data_dir, args.output, passphrase))
    return EXIT_OK


def cmd_restore(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk.passphrases import current
    from careerdesk.paths import database_path
    from careerdesk.store import cipher
    from careerdesk.store.backup import restore
    from careerdesk.store.cipher import PASSPHRASE_VARIABLE

    passphrase = None
    if cipher.is_encrypted(database_path(data_dir)):
        passphrase = _passphrase(data_dir)
    elif args.path.is_file() and not cipher.begins_like_sqlite(args.path) and (
            PASSPHRASE_VARIABLE in os.environ or sys.stdin.isatty()):
        # Not plain SQLite: an encrypted backup (or a damaged file, which restore refuses).
        passphrase = current(args.path)[0]
    saved = restore(data_dir, args.path, passphrase)
    if saved is not None:
        print(f"the journal it replaced was saved as {saved}")
    print(f"restored {args.path}")
    return EXIT_OK


def cmd_check(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk.paths import database_path
    from careerdesk.store.backup import check_file

    report = check_file(database_path(data_dir), _passphrase(data_dir))
    if report.ok:
        print(f"{report.path}: ok")
        return EXIT_OK
    for problem in report.problems:
        print(f"careerdesk: {report.path}: {problem}", file=sys.stderr)
    return EXIT_REFUSED


def cmd_demo(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk import services

    journal = _journal(data_dir)
    try:
        counts = services.load_demo(journal, force=args.force)
    finally:
        journal.close()
    for line in counts.lines():
        print(line)
    return EXIT_OK


def cmd_encrypt(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk.passphrases import new
    from careerdesk.store.encryption import encrypt_journal

    _journal(data_dir).close()  # refuses a damaged journal, migrates an old one
    for line in encrypt_journal(data_dir, new()).lines():
        print(line)
    return EXIT_OK


def cmd_decrypt(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk.store.encryption import EncryptionRefused, decrypt_journal

    passphrase = _passphrase(data_dir)
    if passphrase is None:
        raise EncryptionRefused(f"{data_dir}: the journal is not encrypted")
    for line in decrypt_journal(data_dir, passphrase).lines():
        print(line)
    return EXIT_OK


def cmd_passphrase(data_dir: Path, args: argparse.Namespace) -> int:
    from careerdesk.passphrases import new_for_change
    from careerdesk.store.encryption import EncryptionRefused, change_passphrase

    passphrase = _passphrase(data_dir)
    if passphrase is None:
        raise EncryptionRefused(f"{data_dir}: the journal is not encrypted; "
                                "encrypt it with careerdesk encrypt")
    for line in change_passphrase(data_dir, passphrase, new_for_change()).lines():
        print(line)
    return EXIT_OK


COMMANDS: dict[str, Callable[[Path, argparse.Namespace], int]] = {
    "log": cmd_log,
    "search": cmd_search,
    "import": cmd_import,
    "export": cmd_export,
    "plan": cmd_plan,
    "timeline": cmd_timeline,
    "prep-sheet": cmd_prep_sheet,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "demo": cmd_demo,
    "encrypt": cmd_encrypt,
    "decrypt": cmd_decrypt,
    "passphrase": cmd_passphrase,
}
