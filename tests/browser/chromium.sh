#!/usr/bin/env bash
# chromium.sh — the headless browser for the HTML report tests and bench: Debian's chromium package.
#
#   ./chromium.sh install   # installs it when missing (apt-get; needs root); a no-op once it is there
#   ./chromium.sh path      # prints the executable the tests use (S3AUDIT_CHROMIUM overrides it)
set -euo pipefail

BIN=${S3AUDIT_CHROMIUM:-/usr/bin/chromium}

install() {
  if [ -x "$BIN" ]; then return 0; fi
  export DEBIAN_FRONTEND=noninteractive
  # The package lists may be missing or stale on a new machine: update only when the first try fails.
  if ! apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium >/dev/null
  fi
  "$BIN" --version
}

case "${1:-}" in
  install) install ;;
  path) echo "$BIN" ;;
  *) echo "usage: $0 install|path" >&2; exit 2 ;;
esac
