#!/usr/bin/env bash
# Browser tests drive Debian's chromium through chromium-driver, headless. Installs both where they
# are missing (needs root, as on the build machines); no test tool downloads a browser of its own.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "chromium and chromium-driver are missing; install them (apt-get install chromium chromium-driver)" >&2
  exit 1
fi
echo "Installing chromium and chromium-driver for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
chromium --version
