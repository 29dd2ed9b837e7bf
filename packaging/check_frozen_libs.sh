#!/usr/bin/env bash
# Builds a throw-away probe bundle with packaging/hallsupervisor.spec (same hidden imports,
# excludes and trimming as the app) but packaging/frozen_probe.py as entry script, and runs
# it: reportlab (CJK PDF, charts, barcodes), sqlite-utils, numpy and pyqtgraph must all work
# frozen, even where the app's own --self-test does not reach them yet.
# Output goes to packaging/build/probe-*. Exits non-zero on failure.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
VENV="$ROOT/.venv"
cd "$ROOT"

rm -rf "$HERE/build/probe-dist"
HALLSUPERVISOR_PYI_ENTRY="$HERE/frozen_probe.py" "$VENV/bin/pyinstaller" --noconfirm \
    --log-level ERROR --distpath "$HERE/build/probe-dist" --workpath "$HERE/build/probe-work" \
    "$HERE/hallsupervisor.spec"

TEST_HOME="$(mktemp -d)"
trap 'rm -rf "$TEST_HOME"' EXIT
HALLSUPERVISOR_HOME="$TEST_HOME" QT_QPA_PLATFORM=offscreen \
    timeout "${SELF_TEST_TIMEOUT:-300}" "$HERE/build/probe-dist/hallsupervisor/hallsupervisor"
