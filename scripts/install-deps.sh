#!/usr/bin/env bash
# Installs the Debian 12 packages stemdeck needs. Usage: scripts/install-deps.sh [app|test]
# "app" is what building and running needs; "test" adds the test, benchmark and headless
# tools (GoogleTest, Google Benchmark, a JACK server for real streams without a sound card,
# headless Chromium for the web remote's browser test, and for ./test.sh --all: clang with
# its sanitizer and libFuzzer runtimes, valgrind), and what makes and checks the Debian package
# (tests/package): dpkg-dev (dpkg-shlibdeps computes its Depends), help2man (the app's manual
# page from its --help), desktop-file-utils, appstream and lintian (the checks Debian runs).
set -euo pipefail
what="${1:-app}"
packages=(cmake ninja-build g++ lld pkg-config ccache
          portaudio19-dev libsndfile1-dev libmpg123-dev libsoxr-dev librubberband-dev libeigen3-dev
          nlohmann-json3-dev libcli11-dev
          qt6-base-dev qt6-base-dev-tools libgl-dev liblo-dev
          librtmidi-dev qt6-httpserver-dev qt6-websockets-dev libqrencode-dev
          qt6-l10n-tools qt6-tools-dev
          libqm-dsp-dev libespeak-ng-dev)
if [ "$what" = test ]; then
  packages+=(libgtest-dev googletest libbenchmark-dev jackd2 xvfb xauth
             clang libclang-rt-14-dev valgrind procps
             chromium chromium-driver
             dpkg-dev help2man desktop-file-utils appstream lintian)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
