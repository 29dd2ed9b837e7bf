#!/usr/bin/env bash
# The comparison environment for bench/erlang_compare.py: pyworkforce (an existing Erlang C
# implementation) in its own venv, bench/.venv-compare. Never a dependency of the app.
#
#     bash bench/setup_compare.sh
#
# Needs PyPI. When the install fails (no network, no wheel for this Python), the bench
# says so and still measures our own code.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv-compare"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet pyworkforce
"$venv/bin/python" -c "import pyworkforce, sys; print('pyworkforce', getattr(pyworkforce, '__version__', '?'), 'in', sys.prefix)"
