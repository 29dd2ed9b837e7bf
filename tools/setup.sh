#!/usr/bin/env bash
# Sets hallsupervisor up from nothing on Debian or Ubuntu: the system libraries Qt needs, a
# virtual environment in .venv with the app, and the compiled translations.
#   bash tools/setup.sh          # the app
#   bash tools/setup.sh --test   # the app, the test tools and the PDF checkers the tests use
set -euo pipefail
cd "$(dirname "$0")/.."

packages="python3 python3-venv python3-pip libgl1 libegl1 libfontconfig1 libfreetype6
  libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1 libxrender1 libxi6"
extras=""
if [ "${1:-}" = "--test" ]; then
  packages="$packages poppler-utils qpdf zbar-tools"
  extras="[test]"
fi

missing=""
for package in $packages; do
  dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -n "$missing" ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing system packages:$missing"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extras"
.venv/bin/python tools/i18n.py release >/dev/null
echo "hallsupervisor is set up in .venv"
