#!/usr/bin/env bash
# Debian's Chromium for the browser test (tests/test_ui_browser.py), installed when missing.
#
#   bash .ci/browser.sh    # prints the browser's version
#
# Playwright drives this system browser (executable_path=/usr/bin/chromium); it never
# downloads one of its own (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 is exported for installs).
set -euo pipefail

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if ! command -v chromium >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || { echo "browser.sh: chromium is missing; run as root or: apt-get install chromium" >&2; exit 1; }
    echo "browser.sh: installing Chromium from Debian's packages" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# (Debian's launcher script may complain on stderr about the memory size; harmless.)
chromium --version 2>/dev/null
