#!/usr/bin/env bash
# Renders resources/icons/stemdeck.svg to the PNG sizes the hicolor icon theme wants
# (resources/icons/hicolor/stemdeck-SIZE.png, installed by packaging/Packaging.cmake). Run by
# hand after changing the SVG, and commit the PNGs: building then needs no SVG renderer. Uses
# headless Chromium, which the web remote's browser test already needs (install-deps.sh test).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d -t stemdeck-icons.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp resources/icons/stemdeck.svg "$work/"
for size in 16 22 24 32 48 64 128 256 512; do
  printf '<html><body style="margin:0"><img src="stemdeck.svg" width="%s" height="%s" style="display:block"></body></html>' \
    "$size" "$size" >"$work/icon.html"
  # A transparent page background keeps the icon's rounded corners transparent.
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --default-background-color=00000000 --window-size="$size,$size" \
    --screenshot="$work/out.png" "file://$work/icon.html" >/dev/null 2>&1
  cp "$work/out.png" "resources/icons/hicolor/stemdeck-$size.png"
  echo "resources/icons/hicolor/stemdeck-$size.png"
done
