#!/usr/bin/env bash
# Browser tests drive Debian's chromium through chromium-driver, headless, and screenshots need a
# Chinese font. Installs them where they
# are missing (needs root, as on the build machines); no test tool downloads a browser of its own.
set -euo pipefail
have_fonts() { fc-list :lang=zh 2>/dev/null | grep -q .; }
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && have_fonts; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "chromium and chromium-driver are missing; install them (apt-get install chromium chromium-driver)" >&2
  exit 1
fi
echo "Installing chromium, chromium-driver and a Chinese font for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei fontconfig >/dev/null
chromium --version
