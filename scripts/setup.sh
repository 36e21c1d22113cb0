#!/usr/bin/env bash
# Installs everything the archive needs on a fresh machine: the npm packages from the lockfile
# (Node.js 24 among them, as the `node` dev dependency) and a Chromium for the scraper and the
# browser tests. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "setup: installing npm packages from package-lock.json"
# npm on Node 20 warns that the packages want Node 22+; they run on the pinned Node 24.
npm ci --loglevel=error --no-audit --no-fund

have_chromium() {
  [ -n "${PAPERS_CHROMIUM:-}" ] && [ -x "${PAPERS_CHROMIUM}" ] && return 0
  # Playwright's own browser, where `npx playwright install chromium` could download one.
  compgen -G "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}/chromium-*/chrome-linux*/chrome" >/dev/null && return 0
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    command -v "$name" >/dev/null 2>&1 && return 0
  done
  return 1
}

apt_install() {
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >/dev/null
}

# The browser tests' Chromium (tests/helpers/browser.ts): the same engine without the desktop
# browser's processes, which makes them about 40% faster. Without it they use the scraper's.
have_shell() { command -v chromium-headless-shell >/dev/null 2>&1; }
# Optional, so added only where apt knows the package (Debian has it, Ubuntu does not) and no
# password would be asked for: setup never stops to prompt for it, and runs again quickly.
may_add_shell() {
  command -v apt-cache >/dev/null 2>&1 || return 1
  local policy
  policy="$(apt-cache policy chromium-headless-shell 2>/dev/null)" || return 1
  [[ "$policy" == *"Candidate: "[0-9]* ]] || return 1
  [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null
}

if have_chromium; then
  echo "setup: Chromium found"
  if ! have_shell; then
    if may_add_shell; then
      echo "setup: installing chromium-headless-shell with apt-get, for the browser tests"
      apt_install chromium-headless-shell || echo "setup: chromium-headless-shell not installed; the browser tests will use Chromium"
    else
      echo "setup: the browser tests will use Chromium (installing chromium-headless-shell makes them about 40% faster)"
    fi
  fi
elif command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing Chromium (and its headless shell, for the browser tests) with apt-get"
  apt_install chromium chromium-headless-shell || apt_install chromium || exit 1
  have_chromium || { echo "setup: apt-get installed chromium but it is not on PATH" >&2; exit 1; }
else
  cat >&2 <<'TEXT'
setup: no Chromium found, and no apt-get to install one. Install one of:
  - Debian/Ubuntu:  apt-get install chromium
  - macOS:          brew install --cask chromium
  - anywhere with internet access: npx playwright install chromium
or point PAPERS_CHROMIUM at a Chromium or Chrome executable.
TEXT
  exit 1
fi
echo "setup: done"
