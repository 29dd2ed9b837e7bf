#!/usr/bin/env bash
# Proves packaging/installer.nsi compiles, without a Windows build: packs a dummy one-folder
# "build" (fake exes + an _internal folder) with makensis, which also runs on Linux.
#   apt-get install nsis      # if makensis is missing
#   packaging/check_installer.sh [VERSION]
# Exits non-zero when makensis fails or no installer is written.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERSION="${1:-0.0.0}"
command -v makensis >/dev/null || { echo "makensis not found (apt-get install nsis)" >&2; exit 1; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
DIST="$TMP/dist/hallsupervisor"
mkdir -p "$DIST/_internal/resources/fonts"
printf 'MZ fake windowed exe\n' > "$DIST/hallsupervisor.exe"
printf 'MZ fake console exe\n'  > "$DIST/hallsupervisor-cli.exe"
printf 'dummy\n' > "$DIST/_internal/python3.dll"
printf 'dummy\n' > "$DIST/_internal/resources/fonts/placeholder.txt"
OUT="$TMP/hallsupervisor-$VERSION-setup.exe"

makensis -V2 -DVERSION="$VERSION" -DDIST_DIR="$DIST" -DOUTFILE="$OUT" "$HERE/installer.nsi"

[ -s "$OUT" ] || { echo "FAILED: makensis wrote no installer" >&2; exit 1; }
[ "$(head -c 2 "$OUT")" = "MZ" ] || { echo "FAILED: $OUT is not a Windows executable" >&2; exit 1; }
echo "OK: installer.nsi compiles ($(du -h "$OUT" | cut -f1) test installer, version $VERSION)"
