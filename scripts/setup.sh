#!/usr/bin/env bash
# Set up everything the atlas needs on Debian 12, as root or with sudo: the system libraries
# QtWebEngine needs (also headless), a virtual environment in .venv with the locked Python
# packages, and the package itself (editable, so it finds layers/, shapefiles/ and resources/).
# Re-running is cheap: nothing is reinstalled unless requirements.lock changed.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

APT_PACKAGES=(
  python3 python3-venv python3-pip
  # QtWebEngine, even offscreen
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libnss3 libxcomposite1
  libxdamage1 libxrandr2 libxtst6 libxkbfile1 libasound2
  # a real X display (or Xvfb)
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0
  libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
  # text in Latin and Cyrillic (incl. Kazakh letters) on a machine with no fonts
  fonts-dejavu-core
  # the tests of the exported web map and SVG open them in a real browser; pdftotext reads PDFs back
  chromium poppler-utils
  # the team workspace (issue 15): its tests start a throw-away PostgreSQL + PostGIS cluster
  # (tests/pg.py); postgresql-postgis is Debian's PostGIS for the default server (15 on Debian 12)
  postgresql postgresql-postgis
)

if command -v dpkg-query >/dev/null; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "setup: not a Debian system; install the equivalents of: ${APT_PACKAGES[*]}" >&2
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi

stamp=".venv/.installed-$(cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "setup: installing Python packages from requirements.lock (PySide6 is ~660 MB the first time)"
  # The venv starts with Debian's setuptools 66 and no wheel: the quiet editable install below
  # then fails (bdist_wheel) and its fallback prints a warning block. Current ones first.
  .venv/bin/python -m pip install -q --upgrade pip setuptools wheel
  .venv/bin/python -m pip install -q -r requirements.lock
  # Packages an older lock installed and this one drops are removed (a venv from the PySide6
  # 6.12 lock kept its split WebEngine wheels beside 6.11's Addons). Other packages the user added
  # (the [build] extras) stay. A venv set up before the lock was recorded: only stray Qt wheels go.
  names() { sed -n 's/^\([A-Za-z0-9_.-]*\)==.*/\1/p' "$@" | tr 'A-Z_.' 'a-z--' | sort -u; }
  if [ -f .venv/.lock ]; then
    extra=$(comm -23 <(names .venv/.lock) <(names requirements.lock))
  else
    extra=$(comm -23 <(.venv/bin/python -m pip freeze --exclude-editable 2>/dev/null | names) \
      <(names requirements.lock) | grep -e '^pyside6' -e '^shiboken6' || true)
  fi
  if [ -n "$extra" ]; then
    echo "setup: removing packages the lock no longer lists: $(echo $extra)"
    # shellcheck disable=SC2086
    .venv/bin/python -m pip uninstall -q -y $extra
  fi
  cp requirements.lock .venv/.lock
  .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e . 2>/dev/null \
    || .venv/bin/python -m pip install -q --no-deps -e .
  rm -f .venv/.installed-*
  touch "$stamp"
fi
# An editable install writes no bytecode, and a user's environment may forbid writing it
# (PYTHONDONTWRITEBYTECODE): compiling the package here saves about 0.4 s of every start.
.venv/bin/python -m compileall -q -j 0 gis_app >/dev/null || true
echo "setup: ready (.venv/bin/gis-app)"
