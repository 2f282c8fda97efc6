#!/usr/bin/env bash
# Install what the browser tests (tests/e2e/) need, from package registries only:
#   - Debian's chromium, when /usr/bin/chromium is missing (apt-get);
#   - axe-core's axe.min.js (npm pack), unpacked into a cache outside the repository.
# Playwright for Python comes with the test extra (pip). `playwright install` is never run:
# the tests drive Debian's chromium, and no browser build is downloaded.
# Prints the path of axe.min.js; tests find it there (or in COMENSHA_AXE_JS).
set -euo pipefail

AXE_VERSION="${AXE_VERSION:-4.14.1}"
CACHE_DIR="${COMENSHA_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/comensha-content}"
AXE_DIR="$CACHE_DIR/axe-core"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "$@"
}

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium..." >&2
  apt_install chromium
fi

if [ ! -f "$AXE_DIR/axe.min.js" ] || [ "$(cat "$AXE_DIR/VERSION" 2>/dev/null)" != "$AXE_VERSION" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "Installing npm (Debian) to fetch axe-core..." >&2
    apt_install npm
  fi
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "axe-core@$AXE_VERSION" >/dev/null)
  tar -xzf "$work"/axe-core-*.tgz -C "$work"
  mkdir -p "$AXE_DIR"
  cp "$work/package/axe.min.js" "$AXE_DIR/axe.min.js"
  echo "$AXE_VERSION" > "$AXE_DIR/VERSION"
fi

echo "$AXE_DIR/axe.min.js"
