"""The ``fake-sap`` command.

Layer: entry point. Settings come from the ``FAKE_SAP_*`` variables, and an option given on
the command line overrides its variable (:func:`serve_settings`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from fake_sap.basis.seeding import CUSTOMERS_PER_CENTER, MAX_CUSTOMERS, SeedPlan
from fake_sap.config import DEFAULT_DB_URL, Settings

#: ``fake-sap seed``'s defaults
DEFAULT_MATERIALS, DEFAULT_CUSTOMERS, DEFAULT_SEED = 1_000, 100, 1


def serve_settings(args: argparse.Namespace,
                   environ: dict[str, str] | None = None) -> Settings:
    """The ``FAKE_SAP_*`` variables, then the options given on the command line.

    An option left out keeps its variable's value (or the default): the options' parser
    defaults are ``None`` so that they cannot overwrite a variable unasked."""
    overrides: dict[str, object] = {}
    if args.db is not None:
        overrides["db_url"] = args.db
    if args.user is not None:
        overrides["user"] = args.user
    if args.password is not None:
        overrides["password"] = args.password
    if args.max_body_mb is not None:
        overrides["max_body_bytes"] = args.max_body_mb * 1024 * 1024
    if getattr(args, "control_token", None) is not None:
        overrides["control_token"] = args.control_token
    if getattr(args, "login_fails_to_user_lock", None) is not None:
        overrides["login_fails_to_user_lock"] = args.login_fails_to_user_lock
    return replace(Settings.from_env(environ), **overrides)  # type: ignore[arg-type]


def _serve(args: argparse.Namespace) -> int:
    from fake_sap.server import serve

    # without --threads, the server's default (the parser does not import gunicorn)
    threads = {} if args.threads is None else {"threads": args.threads}
    serve(serve_settings(args), args.host, args.port, args.workers,
          access_log=args.access_log, demo=args.demo, **threads)
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return value


def _fails_to_user_lock(text: str) -> int:
    """SAP allows 1-99 for login/fails_to_user_lock; 0 (no locking) is the emulator's."""
    value = int(text)
    if not 0 <= value <= 99:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 99")
    return value


def _idoc_validate(args: argparse.Namespace) -> int:
    from fake_sap.idoc.check import validate_file, with_schemas
    from fake_sap.idoc.schema_import import NotAnIdocSchema

    try:
        schemas = []
        for schema in args.xsd:
            with open(schema, "rb") as stream:
                schemas.append(stream.read())
        lookup = with_schemas(schemas)
    except (OSError, NotAnIdocSchema) as error:
        print(f"cannot read the schemas: {getattr(error, 'message', error)}", file=sys.stderr)
        return 2
    ok = True
    for path in args.files:
        ok = validate_file(path, sys.stdout, lookup) and ok
    return 0 if ok else 1


def _idoc_import_xsd(args: argparse.Namespace) -> int:
    """Register IDoc types from their XML schemas in the configured database."""
    from fake_sap.db.engine import Database
    from fake_sap.errors import Conflict
    from fake_sap.idoc.customer_types import import_schema
    from fake_sap.idoc.schema_import import NotAnIdocSchema

    db = Database(args.db or Settings.from_env().db_url)
    failed = False
    try:
        db.create_schema()
        for path in args.files:
            try:
                with open(path, "rb") as schema:
                    data = schema.read()
                with db.write() as conn:
                    declared = import_schema(conn, data, message_types=args.message_type,
                                             basic_type=args.basic_type or "")
            except OSError as error:
                print(f"{path}: cannot read the file: {error.strerror or error}",
                      file=sys.stderr)
                failed = True
                continue
            except (NotAnIdocSchema, Conflict) as error:
                print(f"{path}: {error.message}", file=sys.stderr)
                failed = True
                continue
            kind = (f"extension of {declared.basic_type}" if declared.basic_type
                    else "basic type")
            messages = ", ".join(declared.message_types) or "any message type"
            print(f"{path}: imported IDoc type {declared.name} ({kind}; {messages}; "
                  f"{len(declared.all_segments())} segments)")
    finally:
        db.dispose()
    return 1 if failed else 0


def _parity(args: argparse.Namespace) -> int:
    """Run exported IDoc-XML files through a scratch emulator and report the differences."""
    from pathlib import Path

    from fake_sap.ale.parity import check_folder, print_report
    from fake_sap.errors import FakeSapError

    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"{folder}: not a directory", file=sys.stderr)
        return 2
    try:
        report = check_folder(folder, [Path(p) for p in args.xsd])
    except (OSError, FakeSapError) as error:
        print(f"cannot run the parity check: {getattr(error, 'message', error)}",
              file=sys.stderr)
        return 2
    print_report(report, sys.stdout)
    return 0 if report.clean else 1


def _db(args: argparse.Namespace) -> int:
    from fake_sap.db import migrations
    from fake_sap.db.engine import Database

    if args.db_command == "history":
        for step in migrations.history():
            print(f"{step.revision}{' (head)' if step.is_head else ''} {step.message}")
        return 0
    if args.db_command == "revision":
        return _db_revision(args.message)
    db = Database(args.db or Settings.from_env().db_url)
    try:
        if args.db_command == "upgrade":
            before, after = migrations.upgrade(db.migration_engine, args.revision)
            print(f"at {after}" if before == after
                  else f"upgraded from {before or 'none'} to {after}")
        else:
            with db.engine.connect() as conn:
                print(migrations.describe(conn))
    finally:
        db.dispose()
    return 0


def _db_revision(message: str) -> int:
    """Autogenerate a revision against a scratch database built by the migrations so far."""
    import tempfile
    from pathlib import Path

    from fake_sap.db import migrations
    from fake_sap.db.engine import Database

    with tempfile.TemporaryDirectory() as folder:
        scratch = Database(f"sqlite:///{Path(folder) / 'scratch.db'}")
        try:
            path = migrations.make_revision(scratch.migration_engine, message)
        finally:
            scratch.dispose()
    print(f"wrote {path}: check it (autogenerate does not see everything) and add a test")
    return 0


def _codes(args: argparse.Namespace) -> int:
    """``fake-sap codes``: the twin of the control API's code-table routes (same rules, same
    service, a new ``state_version``, so running servers see the change at once)."""
    import json

    from fake_sap.basis import clients, iso_codes
    from fake_sap.db.engine import Database
    from fake_sap.errors import FakeSapError

    db = Database(args.db or Settings.from_env().db_url)
    table = iso_codes.CODE_TABLES[args.table]
    result: Any = None
    try:
        db.create_schema()
        if not clients.exists(db, args.client):
            print(f"Client {args.client} does not exist", file=sys.stderr)
            return 1
        if args.codes_action == "list":
            result = iso_codes.list_entries(db, args.client, table)
        elif args.codes_action == "put":
            result = iso_codes.put_entry(db, args.client, table, args.key,
                                         table.from_text(args.fields))
        elif not iso_codes.delete_entry(db, args.client, table, args.key):
            print(f"{table.sap_name} of client {args.client} has no entry {args.key}",
                  file=sys.stderr)
            return 1
    except FakeSapError as error:
        print(error.message, file=sys.stderr)
        return 1
    finally:
        db.dispose()
    if result is not None:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


def _add_codes(commands: Any) -> None:
    codes = commands.add_parser(
        "codes", help="units (T006), currencies (TCURC) and countries (T005) of a client")
    actions = codes.add_subparsers(dest="codes_action", required=True)
    listing = actions.add_parser("list", help="print the client's entries as JSON")
    put = actions.add_parser("put", help="create or replace an entry (CUNI, OY03, SM30)")
    delete = actions.add_parser("delete", help="delete an entry")
    for command in (listing, put, delete):
        command.add_argument("table", choices=("countries", "currencies", "units"),
                             help="units (T006), currencies (TCURC) or countries (T005)")
        if command is not listing:
            command.add_argument("key", help="MSEHI, WAERS or LAND1")
        command.add_argument("--client", default="100", help="SAP client (default 100)")
        command.add_argument("--db", default=None, help="SQLAlchemy database URL "
                             f"(FAKE_SAP_DB_URL, default {DEFAULT_DB_URL})")
        command.set_defaults(func=_codes)
    put.add_argument("fields", nargs="*", metavar="FIELD=VALUE",
                     help="fields by SAP's name, e.g. ISOCODE=CT PRIMARY=X ZAEHL=1; fields "
                          "left out are initial")


def _add_seed(commands: Any) -> None:
    # the options only: fake_sap.seed imports Faker and tqdm, which would cost every start
    # of the server (the parser is built for every command) a good part of its time
    seed = commands.add_parser("seed", help="load deterministic master data into a client")
    seed.add_argument("--client", type=_client_number, default="100",
                      help="SAP client (created with baseline customizing if missing)")
    seed.add_argument("--materials", type=_count(10 ** 7), default=DEFAULT_MATERIALS,
                      help=f"number of materials (default {DEFAULT_MATERIALS})")
    seed.add_argument("--customers", type=_count(MAX_CUSTOMERS), default=DEFAULT_CUSTOMERS,
                      help=f"number of customers, about one in {CUSTOMERS_PER_CENTER} a "
                           f"provincial center (default {DEFAULT_CUSTOMERS})")
    seed.add_argument("--seed", type=int, default=DEFAULT_SEED,
                      help=f"random seed; the same seed gives the same data "
                           f"(default {DEFAULT_SEED})")
    seed.add_argument("--db", default=DEFAULT_DB_URL, help="SQLAlchemy database URL")
    seed.set_defaults(func=_seed)


def _seed(args: argparse.Namespace) -> int:
    from fake_sap.seed import seed_database

    plan = SeedPlan(args.client, args.materials, args.customers, args.seed)
    result = seed_database(args.db, plan, show_progress=True)
    print(f"client {plan.client}: {result.materials} materials, "
          f"{result.provincial_centers + result.outlets} customers "
          f"({result.provincial_centers} provincial centers, {result.outlets} outlets) "
          f"seeded in {result.seconds:.1f} s")
    return 0


def _client_number(value: str) -> str:
    if len(value) != 3 or not value.isdigit():
        raise argparse.ArgumentTypeError(f"a client is three digits, not {value!r}")
    return value


def _count(maximum: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        number = int(value)
        if not 0 <= number <= maximum:
            raise argparse.ArgumentTypeError(f"must be between 0 and {maximum}")
        return number
    return parse


def _add_db(commands: Any) -> None:
    db = commands.add_parser("db", help="the database's schema migrations")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_commands.add_parser(
        "upgrade", help="bring the schema to the newest revision (serve does this at start)")
    upgrade.add_argument("--revision", default="head")
    current = db_commands.add_parser("current", help="the revision the database is at")
    for command in (upgrade, current):
        command.add_argument("--db", default=None, help="SQLAlchemy database URL "
                             f"(FAKE_SAP_DB_URL, default {DEFAULT_DB_URL})")
    db_commands.add_parser("history", help="every revision, the newest first")
    revision = db_commands.add_parser(
        "revision", help="(developers) write a new revision for a change of the tables")
    revision.add_argument("-m", "--message", required=True)
    db.set_defaults(func=_db)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``fake-sap`` parser. ``command``: the command the line names, when known; the
    options of the contract tools are then declared only for them, so that other commands
    (``serve`` above all) do not import the contract modules (None: every command's)."""
    parser = argparse.ArgumentParser(prog="fake-sap", description="A fake SAP R/3 for tests.")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the emulator (gunicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--db", default=None,
                       help="SQLAlchemy database URL "
                            f"(FAKE_SAP_DB_URL, default {DEFAULT_DB_URL})")
    serve.add_argument("--workers", type=int, default=2)
    serve.add_argument("--threads", type=_positive, default=None,
                       help="request threads per worker process; connections are kept "
                            "open between requests (default 2)")
    serve.add_argument("--user", default=None,
                       help="logon user of the SAP paths (FAKE_SAP_USER, default DEVELOPER)")
    serve.add_argument("--password", default=None,
                       help="its password (FAKE_SAP_PASSWORD, default fake-sap)")
    serve.add_argument("--max-body-mb", type=int, default=None,
                       help="largest request body accepted, 413 above "
                            "(FAKE_SAP_MAX_BODY_BYTES in bytes, default 256 MB)")
    serve.add_argument("--demo", action="store_true",
                       help="load demo data into the default client (100)")
    serve.add_argument("--control-token", metavar="TOKEN", default=None,
                       help="require 'Authorization: Bearer TOKEN' on every /_fake/ path "
                            "(default: FAKE_SAP_CONTROL_TOKEN; unset: the control API is open)")
    serve.add_argument("--login-fails-to-user-lock", metavar="N", type=_fails_to_user_lock,
                       default=None,
                       help="wrong passwords that lock the logon user in a client, SAP's "
                            "login/fails_to_user_lock (FAKE_SAP_LOGIN_FAILS_TO_USER_LOCK, "
                            "default 5; 0: never lock)")
    serve.add_argument("--access-log", action="store_true",
                       help="log every request (method, path, status) to stdout")
    serve.set_defaults(func=_serve)

    _add_seed(commands)
    _add_codes(commands)
    idoc = commands.add_parser("idoc", help="IDoc tools")
    idoc_commands = idoc.add_subparsers(dest="idoc_command", required=True)
    validate = idoc_commands.add_parser("validate", help="validate IDoc-XML files")
    validate.add_argument("files", nargs="+")
    validate.add_argument("--xsd", action="append", default=[], metavar="FILE",
                          help="the XML schema of a customer IDoc type (repeatable)")
    validate.set_defaults(func=_idoc_validate)
    import_xsd = idoc_commands.add_parser(
        "import-xsd", help="register IDoc types from the XML schemas SAP generates (WE60)")
    import_xsd.add_argument("files", nargs="+", metavar="FILE")
    import_xsd.add_argument("--message-type", action="append", default=[], metavar="MESTYP",
                            help="a message type assigned to the type (WE82); repeatable "
                                 "(default: the basic type's for an extension, else any)")
    import_xsd.add_argument("--basic-type", default=None, metavar="IDOCTYP",
                            help="for an extension whose schema does not name its basic type")
    import_xsd.add_argument("--db", default=None, help="SQLAlchemy database URL "
                            f"(FAKE_SAP_DB_URL, default {DEFAULT_DB_URL})")
    import_xsd.set_defaults(func=_idoc_import_xsd)

    parity = commands.add_parser(
        "parity", help="report what fake-sap would refuse, drop or convert differently in "
                       "IDoc-XML files exported from a real SAP")
    parity.add_argument("folder", metavar="DIR", help="folder of IDoc-XML files (*.xml)")
    parity.add_argument("--xsd", action="append", default=[], metavar="FILE",
                        help="the XML schema of a customer IDoc type the files use "
                             "(repeatable; see idoc import-xsd)")
    parity.set_defaults(func=_parity)

    contracts = commands.add_parser("contracts", help="regenerate contracts/ and docs")
    contract_check = commands.add_parser(
        "contract-check", help="check a consumer contract against the declarations")
    if command is None or command == "contracts":
        from fake_sap.contracts import add_arguments as add_contract_arguments

        add_contract_arguments(contracts)
    if command is None or command == "contract-check":
        from fake_sap.contract_check import add_arguments as add_contract_check_arguments

        add_contract_check_arguments(contract_check)
    _add_db(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    # the first word names the command (the parser has no options before it but --help)
    command = words[0] if words and not words[0].startswith("-") else None
    args = build_parser(command).parse_args(words)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
