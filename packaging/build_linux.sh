#!/usr/bin/env bash
# Build the Linux one-folder bundle of 营业厅现场管理助手 and prove it starts.
#
# Assumes a checkout with a virtual environment in .venv at the repository top:
#     python3 -m venv .venv && .venv/bin/pip install -e '.[build]'
# (done here automatically when .venv or PyInstaller is missing).
#
# Steps: compile translations (tools/i18n.py release) -> PyInstaller (packaging/hallsupervisor.spec)
# into packaging/dist, work files in packaging/build -> run the frozen `--version` and
# `--self-test` (offscreen) -> build and run a probe bundle made with the same spec that
# exercises the lazily imported libraries (check_frozen_libs.sh) -> print the bundle size.
# Exits non-zero if anything fails.
#
# Environment: PYTHON (interpreter used to create .venv, default python3),
#              SELF_TEST_TIMEOUT (seconds, default 300), SKIP_PROBE=1 (skip the probe).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
VENV="$ROOT/.venv"
DIST="$HERE/dist"
WORK="$HERE/build"
APP="$DIST/hallsupervisor/hallsupervisor"
cd "$ROOT"

step() { printf '\n==> %s\n' "$*"; }

# 1. Virtual environment -----------------------------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then
    step "Creating $VENV"
    "${PYTHON:-python3}" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --upgrade pip
    "$VENV/bin/python" -m pip install -e ".[build]"
elif ! "$VENV/bin/python" -c 'import PyInstaller, PySide6, hallsupervisor' 2>/dev/null; then
    step "Installing the app and its build requirements into $VENV"
    "$VENV/bin/python" -m pip install -e ".[build]"
fi
"$VENV/bin/python" -c 'import PyInstaller, PySide6; print("PyInstaller", PyInstaller.__version__, "/ PySide6", PySide6.__version__)'

# 2. Translations -------------------------------------------------------------------------
step "Compiling translations"
"$VENV/bin/python" tools/i18n.py release
[ -s resources/translations/hallsupervisor_en.qm ] || { echo "ERROR: no .qm produced" >&2; exit 1; }

# 3. PyInstaller ----------------------------------------------------------------------------
step "Running PyInstaller"
rm -rf "$DIST/hallsupervisor"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$HERE/hallsupervisor.spec"
[ -x "$APP" ] || { echo "ERROR: $APP was not built" >&2; exit 1; }

# 4. Smoke tests of the frozen app -------------------------------------------------------------
# A throw-away data folder, so the checks never touch the real user's data or logs.
TEST_HOME="$(mktemp -d)"
trap 'rm -rf "$TEST_HOME"' EXIT
export HALLSUPERVISOR_HOME="$TEST_HOME"

step "Frozen: --version"
if ! version_out="$("$APP" --version 2>&1)"; then
    echo "$version_out"
    echo "FAILED: --version" >&2
    exit 1
fi
echo "$version_out"
expected="$("$VENV/bin/python" -c 'import hallsupervisor; print(hallsupervisor.__version__)')"
case "$version_out" in
    *"$expected"*) ;;
    *) echo "FAILED: --version printed '$version_out', expected version $expected" >&2; exit 1 ;;
esac

step "Frozen: --self-test (offscreen)"
set +e
QT_QPA_PLATFORM=offscreen timeout "${SELF_TEST_TIMEOUT:-300}" "$APP" --self-test
rc=$?
set -e
if [ $rc -ne 0 ]; then
    echo "FAILED: --self-test exited with $rc" >&2
    for f in "$TEST_HOME"/logs/*.log; do
        [ -s "$f" ] && { echo "--- $f (tail)"; tail -n 40 "$f"; }
    done
    exit 1
fi
echo "self-test passed"

step "Frozen libraries probe (reportlab, pyqtgraph, numpy, sqlite-utils)"
if [ "${SKIP_PROBE:-0}" = "1" ]; then
    echo "skipped (SKIP_PROBE=1)"
else
    "$HERE/check_frozen_libs.sh" || { echo "FAILED: frozen libraries probe" >&2; exit 1; }
fi

# 5. Size report ---------------------------------------------------------------------------------
step "Bundle size"
du -sh "$DIST/hallsupervisor"
echo "Largest entries:"
( cd "$DIST/hallsupervisor" && du -sh _internal/* _internal/PySide6/Qt/lib/* 2>/dev/null | sort -rh | head -n 15 )
echo
echo "OK: $DIST/hallsupervisor"
