#!/usr/bin/env bash
# Install what the test suite needs beyond the Python packages, the same way everywhere:
# `make test` and CI (.ci/run) both call this script.
#
#  - Debian packages: Korean fonts (fontconfig's fc-list finds them); pango and harfbuzz's
#    subsetter for PDF output (WeasyPrint); poppler for reading PDFs back; the independent
#    iCalendar oracles: libical through GObject introspection (system python3) and calcurse;
#    Chromium and its driver for the published site's browser tests; LibreOffice Writer
#    (headless) to print the DOCX tables to PDF.
#  - Mozilla's ical.js (the parser inside Thunderbird), from npm into an ignored folder.
#  - pyfahrplan, an independent reader of the conference schedule format, in a virtual
#    environment of its own (its pinned attrs < 22 and requests-cache 0.8 cannot share
#    agenda's).
#
# Idempotent: it installs only what is missing, so a second run does nothing. As root it
# installs with apt-get; otherwise it says what to run (the tests that need a missing tool
# are skipped outside CI; with CI=true a missing package fails this script).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(fonts-nanum fontconfig libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0
              poppler-utils python3-gi gir1.2-ical-3.0 calcurse chromium chromium-driver
              libreoffice-writer-nogui)
in_ci() { case "${CI:-}" in 1|true|yes) return 0 ;; *) return 1 ;; esac; }
say() { echo "install-test-deps: $*" >&2; }

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  if ! command -v npm >/dev/null 2>&1; then
    missing+=(npm)
  fi
  if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
    missing+=(python3-venv)  # Debian's python3 makes virtual environments only with it
  fi
else
  say "not a Debian system: install the equivalents of ${APT_PACKAGES[*]} and npm yourself"
fi

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    say "missing Debian packages: ${missing[*]}"
    say "run:  sudo apt-get install --no-install-recommends ${missing[*]}"
    say "(until then the tests that need them are skipped)"
    if in_ci; then exit 1; fi
  fi
fi

if [ -f tests/oracles/package.json ] && [ ! -f tests/oracles/node_modules/ical.js/package.json ]; then
  if command -v npm >/dev/null 2>&1; then
    npm install --prefix tests/oracles --no-audit --no-fund --loglevel=error
  else
    say "npm is missing: the ical.js oracle tests are skipped"
    if in_ci; then exit 1; fi
  fi
fi

if [ ! -x tests/oracles/pyfahrplan-venv/bin/python ]; then
  python3 -m venv tests/oracles/pyfahrplan-venv
fi
if ! tests/oracles/pyfahrplan-venv/bin/python -c "import pyfahrplan" >/dev/null 2>&1; then
  tests/oracles/pyfahrplan-venv/bin/pip install -q 'pyfahrplan==1.1.0'
fi
