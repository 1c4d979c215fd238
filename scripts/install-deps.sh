#!/usr/bin/env bash
# Installs bran's Debian 12 packages. `app` installs what building and running need; `test` adds
# what the test suite drives (Xvfb, xdotool, screenshots, OCR, the FHIR validator's Node.js).
# Installs nothing when everything is already there, so it is cheap to run every time.
set -euo pipefail
set_name=${1:-app}

build_and_run=(build-essential cmake pkg-config
  libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri libglx-mesa0
  libsqlite3-dev libpq-dev nlohmann-json3-dev libicu-dev libsodium-dev catch2
  libhyphen-dev hyphen-en-gb
  libespeak-ng-dev espeak-ng-data
  fonts-noto-core libcairo2-dev libpango1.0-dev)
testing=(file xvfb xauth xdotool imagemagick x11-utils tesseract-ocr tesseract-ocr-eng sqlite3 util-linux poppler-utils sox dpkg-dev desktop-file-utils man-db
  python3 chromium x11-apps postgresql)

packages=("${build_and_run[@]}")
if [ "$set_name" = "test" ]; then
  packages+=("${testing[@]}")
  # The FHIR schema check runs on Node.js. A machine may already have Node with its own npm
  # (e.g. from NodeSource), which Debian's npm package conflicts with: only install when absent.
  command -v npm > /dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
