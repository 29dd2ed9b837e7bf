"""File errors are explained in Chinese, not in the operating system's English."""

from __future__ import annotations

import errno

import pytest

from hallsupervisor.domain.files import os_error_reason


def _error_of(action) -> OSError:
    with pytest.raises(OSError) as caught:
        action()
    return caught.value


def test_a_folder_a_missing_file_and_no_permission_are_named(tmp_path):
    folder = _error_of(lambda: open(tmp_path, "rb"))
    assert str(os_error_reason(folder)) == "这是一个文件夹，不是文件。"
    missing = _error_of(lambda: open(tmp_path / "nope.csv", "rb"))
    assert str(os_error_reason(missing)) == "文件或文件夹不存在。"
    denied = PermissionError(errno.EACCES, "Permission denied")
    assert "没有权限" in str(os_error_reason(denied))


def test_a_full_disk_and_other_errors_keep_a_reason():
    assert "磁盘已满" in str(os_error_reason(OSError(errno.ENOSPC, "No space left on device")))
    other = str(os_error_reason(OSError(errno.EIO, "Input/output error")))
    assert other == "系统报告：Input/output error"
