"""print-form, report and summary from the command line, for scheduled morning sheets."""

from __future__ import annotations

import subprocess


def _text(pdf_path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_print_form_writes_the_days_blank_sheet(run_cli, cli_db, tmp_path):
    out = tmp_path / "sheet.pdf"
    result = run_cli("print-form", "--db", str(cli_db), "--date", "2026-11-26", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = _text(out)
    assert "城东供电营业厅" in text and "开门检查" in text and "闭厅检查" in text


def test_print_form_for_one_round(run_cli, cli_db, tmp_path):
    out = tmp_path / "one.pdf"
    result = run_cli(
        "print-form",
        "--db",
        str(cli_db),
        "--date",
        "2026-11-26",
        "--round",
        "午间巡检",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert "午间巡检" in _text(out)


def test_unknown_round_bad_date_and_unwritable_path_fail_clearly(run_cli, cli_db, tmp_path):
    unknown = run_cli(
        "print-form",
        "--db",
        str(cli_db),
        "--date",
        "2026-11-26",
        "--round",
        "夜间巡检",
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert unknown.returncode == 1 and "夜间巡检" in unknown.stderr and "开门检查" in unknown.stderr
    assert not (tmp_path / "x.pdf").exists()
    bad_date = run_cli(
        "report", "--db", str(cli_db), "--date", "2026-02-30", "-o", str(tmp_path / "y.pdf")
    )
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    nowhere = run_cli(
        "summary",
        "--db",
        str(cli_db),
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-24",
        "-o",
        str(tmp_path / "missing" / "z.pdf"),
    )
    assert nowhere.returncode == 1 and "无法写入" in nowhere.stderr


def test_report_and_summary(run_cli, cli_db, tmp_path):
    report = tmp_path / "report.pdf"
    result = run_cli("report", "--db", str(cli_db), "--date", "2026-11-24", "-o", str(report))
    assert result.returncode == 0, result.stderr
    text = _text(report)
    assert "开门检查" in text and "午间巡检" in text and "闭厅检查" in text
    summary = tmp_path / "summary.pdf"
    result = run_cli(
        "summary",
        "--db",
        str(cli_db),
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-24",
        "-o",
        str(summary),
    )
    assert result.returncode == 0, result.stderr
    assert "城东供电营业厅" in _text(summary)
    empty = run_cli(
        "report", "--db", str(cli_db), "--date", "2020-01-01", "-o", str(tmp_path / "e.pdf")
    )
    assert empty.returncode == 1
