"""The `hallsupervisor` command: the window by default, sub-commands for work without one.

Nothing here imports Qt: the sub-commands stay fast, and the window's imports happen in
hallsupervisor.gui only when a window is wanted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hallsupervisor import __version__, paths
from hallsupervisor.domain.files import os_error_reason

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


def _db_option(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        required=required,
        metavar="PATH",
        help="数据库文件（默认：应用数据文件夹中的 hallsupervisor.sqlite） / database file",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hallsupervisor",
        description="营业厅现场管理助手 — 打开主窗口；子命令用于无窗口的工作。"
        " / Hall supervisor's assistant: opens the main window; sub-commands "
        "work without one.",
    )
    _db_option(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="打开（必要时创建）演示数据库，含约 90 天的历史 / open the demo "
        "database with about 90 days of history",
    )
    parser.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        help="界面语言（默认中文） / interface language (default Chinese)",
    )
    parser.add_argument("--version", action="version", version=f"hallsupervisor {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="离屏打开临时数据库并绘制每个标签页，成功则退出码为 0 / build every "
        "tab offscreen on a temporary database and exit 0 when it works",
    )
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")

    check = sub.add_parser(
        "check",
        help="检查数据库是否完好 / integrity check of a database",
        description="检查数据库文件的完整性和数据中的问题；完好时退出码为 0。"
        " / Checks the file and the data; exit 0 only when healthy.",
    )
    _db_option(check)

    demo = sub.add_parser(
        "demo",
        help="创建演示数据库 / create the demo database",
        description="创建（或补足到今天）演示数据库，不打开窗口。"
        " / Creates (or tops up) the demo database, no window.",
    )
    _db_option(demo, required=True)

    backup = sub.add_parser(
        "backup",
        help="备份数据库 / back up a database",
        description="把数据库备份到它旁边的 backups 文件夹，或 -o 指定的文件。"
        " / Backs up to the backups folder beside it, or to -o.",
    )
    _db_option(backup)
    backup.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="备份文件路径 / backup file path"
    )

    restore = sub.add_parser(
        "restore",
        help="从备份恢复 / restore from a backup",
        description="用备份替换数据库；原文件改名保留，不会被删除。"
        " / Puts a backup in place of the database; the old file is renamed, kept.",
    )
    _db_option(restore)
    group = restore.add_mutually_exclusive_group(required=True)
    group.add_argument("backup_file", nargs="?", type=Path, help="备份文件 / backup file")
    group.add_argument(
        "--latest", action="store_true", help="使用最新的完好备份 / use the latest good backup"
    )
    group.add_argument("--list", action="store_true", help="列出备份 / list backups")
    _add_print_commands(sub)
    staffing = sub.add_parser(
        "staffing",
        help="由取号记录测算所需窗口数 / counters needed from a ticket log",
        description="读取排队叫号机的取号记录（表头 ticket_no,business_type,issued_at,called_at,"
        "finished_at,counter；时间如 2026-11-25 08:30:00；UTF-8 或 GBK），按星期、时段和业务类型"
        "测算所需窗口数（Erlang C）。 / Reads a queue-ticket log and computes the counters needed "
        "per weekday, interval and business type.",
    )
    staffing.add_argument(
        "--tickets", type=Path, required=True, metavar="FILE", help="取号记录 CSV / ticket log CSV"
    )
    staffing.add_argument(
        "--interval",
        type=int,
        choices=[15, 30, 60],
        default=30,
        help="时段长度（分钟） / interval minutes",
    )
    staffing.add_argument(
        "--target-wait",
        type=float,
        default=10,
        metavar="MINUTES",
        help="目标等候时间（分钟） / target wait in minutes",
    )
    staffing.add_argument(
        "--service-level",
        type=float,
        default=0.8,
        metavar="SHARE",
        help="目标等候时间内被叫号的比例 / share called within the target",
    )
    staffing.add_argument(
        "--shrinkage",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="休息、会议等占用的比例 / share lost to breaks and meetings",
    )
    staffing.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    return parser


def _date(text: str):
    import datetime as _dt

    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应写成 YYYY-MM-DD，例如 2026-11-25：{text!r}"
        ) from None


def _add_print_commands(sub) -> None:
    common = argparse.ArgumentParser(add_help=False)
    _db_option(common)
    common.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE.pdf",
        help="输出的 PDF 文件 / output PDF file",
    )
    common.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        default="zh_CN",
        help="检查项目的语言 / language of the item texts",
    )
    form = sub.add_parser(
        "print-form",
        parents=[common],
        help="打印空白巡检表 / blank inspection sheet",
        description="生成某天的空白巡检表（不加 --round 时包含当天计划的全部巡检）。"
        " / The blank sheet for a day: every planned round, or one with --round.",
    )
    form.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD")
    form.add_argument("--round", metavar="NAME", help="巡检名称，如 开门检查 / round name")
    report = sub.add_parser(
        "report",
        parents=[common],
        help="巡检报告 / completed round report",
        description="某天已完成巡检的报告（不加 --round 时为当天全部巡检）。"
        " / Reports of a day's rounds, or of one with --round.",
    )
    report.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD")
    report.add_argument("--round", metavar="NAME", help="巡检名称 / round name")
    summary = sub.add_parser(
        "summary",
        parents=[common],
        help="周期汇总 / period summary",
        description="一段时间（如一周或一个月）的巡检汇总。 / A week's or month's summary.",
    )
    summary.add_argument("--from", dest="start", type=_date, required=True, metavar="YYYY-MM-DD")
    summary.add_argument("--to", dest="end", type=_date, required=True, metavar="YYYY-MM-DD")


def _cmd_print(args) -> int:
    """print-form, report and summary: build the PDF from the database, write it."""
    from hallsupervisor.reports import pdf
    from hallsupervisor.reports.errors import ReportError
    from hallsupervisor.storage import halls
    from hallsupervisor.storage.database import Store
    from hallsupervisor.storage.problems import DatabaseProblem

    db = _resolve_db(args)
    if not db.exists():
        print(f"找不到数据库文件：{db}", file=sys.stderr)
        return EXIT_PROBLEM
    output = Path(args.output).expanduser()
    if not output.parent.is_dir():
        print(f"无法写入 {output}：文件夹不存在。", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        store = Store.open(db, read_only=True)
    except DatabaseProblem as problem:
        print(f"无法打开数据库：{problem}", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        hall_id = halls.current_hall_id(store)
        if hall_id is None:
            print("这个数据库还没有营业厅资料。", file=sys.stderr)
            return EXIT_PROBLEM
        data = _build_printout(args, store, hall_id)
    except ReportError as problem:
        print(str(problem.message), file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        store.close()
    try:
        pdf.write(output, data)
    except OSError as exc:
        print(f"无法写入 {output}：{os_error_reason(exc)}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"已生成 / written: {output}")
    return EXIT_OK


def _build_printout(args, store, hall_id: str) -> bytes:
    if args.command == "print-form":
        from hallsupervisor.reports.daily_sheet import daily_sheet

        return daily_sheet(store, hall_id, args.date, args.round, language=args.lang)
    if args.command == "report":
        from hallsupervisor.reports.round_report import day_report

        return day_report(store, hall_id, args.date, args.round, language=args.lang)
    from hallsupervisor.reports.summary import period_summary

    return period_summary(store, hall_id, args.start, args.end, language=args.lang)


def _cmd_staffing(args) -> int:
    import json

    from hallsupervisor.domain.staffing.tickets import (
        TicketLogError,
        read_ticket_log,
        staffing_report,
    )

    try:
        data = Path(args.tickets).expanduser().read_bytes()
    except OSError as exc:
        print(f"无法读取 {args.tickets}：{os_error_reason(exc)}", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        log = read_ticket_log(data)
        report = staffing_report(
            log.tickets,
            interval=args.interval,
            target_wait=args.target_wait,
            service_level=args.service_level,
            shrinkage=args.shrinkage,
        )
    except TicketLogError as refused:
        print(f"文件 {args.tickets} 有问题，未做测算：", file=sys.stderr)
        for problem in refused.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_PROBLEM
    except ValueError as exc:
        print(f"参数有误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return EXIT_OK
    print("星期 时段  业务类型            到达/时段 办理(分) 窗口 服务水平 预计等候(分)")
    for row in report["intervals"]:
        wait = (
            "—" if row["expected_wait_minutes"] is None else f"{row['expected_wait_minutes']:.1f}"
        )
        print(
            f"{row['weekday']:>4} {row['start']}  {row['business_type']:<18} "
            f"{row['arrivals']:>8.2f} {row['aht_minutes']:>8.1f} {row['counters']:>4} "
            f"{row['service_level']:>8.0%} {wait:>12}"
        )
    return EXIT_OK


def _resolve_db(args: argparse.Namespace) -> Path:
    if getattr(args, "db", None):
        return Path(args.db).expanduser()
    if getattr(args, "demo", False):
        return paths.demo_db_path()
    return paths.default_db_path()


def _cmd_check(args) -> int:
    from hallsupervisor.storage.check import check_database, is_healthy

    db = _resolve_db(args)
    findings = check_database(db)
    print(f"数据库 / database: {db}")
    for finding in findings:
        print(finding)
    healthy = is_healthy(findings)
    print("结论：完好。" if healthy else "结论：有问题，见上。")
    return EXIT_OK if healthy else EXIT_PROBLEM


def _cmd_demo(args) -> int:
    from hallsupervisor.demo.generate import build_demo
    from hallsupervisor.storage.problems import DatabaseProblem

    try:
        path = build_demo(Path(args.db).expanduser())
    except DatabaseProblem as problem:
        print(f"无法创建演示数据库：{problem}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"演示数据库已就绪 / demo database ready: {path}")
    return EXIT_OK


def _cmd_backup(args) -> int:
    import sqlite3

    from hallsupervisor.storage import backup
    from hallsupervisor.storage.database import inspect_file
    from hallsupervisor.storage.problems import DatabaseProblem

    db = _resolve_db(args)
    if not db.exists():
        print(f"找不到数据库文件：{db}", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        inspect_file(db, deep=False)
        target = backup.make_backup(db, reason="manual", target=args.output)
    except DatabaseProblem as problem:
        print(f"无法备份：{problem}", file=sys.stderr)
        return EXIT_PROBLEM
    except (OSError, sqlite3.Error) as exc:
        print(f"无法备份：{exc}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"已备份 / backed up: {target}")
    return EXIT_OK


def _cmd_restore(args) -> int:
    import sqlite3

    from hallsupervisor.storage import backup
    from hallsupervisor.storage.lock import InstanceLock

    db = _resolve_db(args)
    if args.list:
        found = backup.list_backups(db)
        if not found:
            print("没有找到备份。")
        for item in found:
            print(f"{item.taken_at:%Y-%m-%d %H:%M:%S}  {item.reason:<12} {item.path}")
        return EXIT_OK
    if args.latest:
        chosen = backup.latest_good_backup(db)
        if chosen is None:
            print(f"没有找到 {db.name} 的完好备份。", file=sys.stderr)
            return EXIT_PROBLEM
        source = chosen.path
    else:
        source = Path(args.backup_file).expanduser()
        if not source.exists():
            print(f"找不到备份文件：{source}", file=sys.stderr)
            return EXIT_PROBLEM
    lock = InstanceLock(db)
    if not lock.acquire():
        print("数据库正在软件中打开，请先关闭软件再恢复。", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        kept = backup.restore(db, source)
    except (OSError, sqlite3.Error) as exc:
        print(f"无法恢复：{exc}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        lock.release()
    print(f"已从 {source} 恢复 / restored.")
    if kept:
        print(f"原数据库已改名保留 / previous file kept as: {kept}")
    return EXIT_OK


COMMANDS = {
    "check": _cmd_check,
    "demo": _cmd_demo,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "print-form": _cmd_print,
    "report": _cmd_print,
    "summary": _cmd_print,
    "staffing": _cmd_staffing,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command:
        try:
            return COMMANDS[args.command](args)
        except BrokenPipeError:
            # Output piped into `head` and the like: stop quietly, as command-line tools do.
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_OK
    from hallsupervisor.gui.app import run_gui

    return run_gui(args, db_path=_resolve_db(args))
