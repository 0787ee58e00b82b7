#!/usr/bin/env bash
# Builds the Debian package from a built tree, checks it the way Debian does, installs it with
# apt, runs what it installed, and removes it again (issue 15).
# Usage: package_test.sh BUILD_DIR SOURCE_DIR
# Installing needs root or passwordless sudo. Without either the test is skipped (exit 77),
# unless STEMDECK_REQUIRE_PACKAGE_TEST=1 (./test.sh sets it): then it fails.
set -euo pipefail
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
deadline_s=10  # for each wait on the installed app
fail() { echo "package test: FAIL: $*" >&2; exit 1; }
step() { echo "== package test: $* (${SECONDS} s)"; }

for tool in cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli lintian apt-get; do
  command -v "$tool" >/dev/null || fail "$tool is missing: scripts/install-deps.sh test installs it"
done
for page in stemdeck.1.gz stemdeck-cli.1.gz; do
  [ -f "$build/man/$page" ] || fail "$build/man/$page is missing: build the default target first"
done

work=$(mktemp -d -t stemdeck-package.XXXXXX)
installed=0 app_pid=""
sudo=()
cleanup() {
  [ -n "$app_pid" ] && kill -KILL "$app_pid" 2>/dev/null
  # Never leave the package behind on the machine, whatever failed.
  if [ "$installed" = 1 ] && dpkg-query -W -f='${Status}' stemdeck 2>/dev/null | grep -q " installed"; then
    echo "package test: removing the package after a failure" >&2
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=120 remove -y -q \
      stemdeck >/dev/null 2>&1 || echo "package test: could not remove stemdeck" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step "cpack -G DEB"
# Into a folder of its own: the build tree stays as it was for the tests running beside this.
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
debs=("$work"/out/stemdeck_*.deb)
[ -f "${debs[0]}" ] || fail "cpack made no stemdeck_*.deb"
deb=${debs[0]}
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"

step "contents"
dpkg-deb -x "$deb" "$work/root"
bins=$(find "$work/root/usr/bin" -mindepth 1 -printf '%f\n' | sort | tr '\n' ' ')
[ "$bins" = "stemdeck stemdeck-cli " ] || fail "/usr/bin should hold stemdeck and stemdeck-cli only, holds: $bins"
id=io.github.stemdeck.stemdeck
for file in usr/share/applications/$id.desktop usr/share/metainfo/$id.metainfo.xml \
  usr/share/icons/hicolor/scalable/apps/$id.svg usr/share/icons/hicolor/16x16/apps/$id.png \
  usr/share/icons/hicolor/512x512/apps/$id.png usr/share/man/man1/stemdeck.1.gz \
  usr/share/man/man1/stemdeck-cli.1.gz usr/share/stemdeck/demo/meta.json \
  usr/share/doc/stemdeck/copyright usr/share/doc/stemdeck/changelog.gz; do
  [ -f "$work/root/$file" ] || fail "the package lacks /$file"
done
# The manual page is the CLI's help: every command of --help is a section of the page.
for command in info check render play bench serve; do
  zcat "$work/root/usr/share/man/man1/stemdeck-cli.1.gz" | grep -qx ".SS $command" ||
    fail "stemdeck-cli.1 has no section for '$command'"
done
depends=$(dpkg-deb -f "$deb" Depends)
case "$depends" in
  *libqt6widgets6*libsndfile1*) ;;
  *) fail "Depends was not computed from the shared libraries: '$depends'" ;;
esac

step "desktop-file-validate, appstreamcli validate --no-net"
desktop-file-validate "$work/root/usr/share/applications/$id.desktop" ||
  fail "desktop-file-validate found problems"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/$id.metainfo.xml" ||
  fail "appstreamcli validate found problems"

step "lintian"
# Errors fail the test; warnings are printed (and stay allowed).
lintian_status=0
lintian --fail-on error "$deb" >"$work/lintian.log" 2>&1 || lintian_status=$?
grep -v "running with root privileges" "$work/lintian.log" || true
[ "$lintian_status" = 0 ] || fail "lintian reports errors"

if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  elif [ "${STEMDECK_REQUIRE_PACKAGE_TEST:-0}" = 1 ]; then
    fail "installing needs root or passwordless sudo (STEMDECK_REQUIRE_PACKAGE_TEST=1)"
  else
    echo "SKIP: installing the package needs root or passwordless sudo; the package was built and validated"
    exit 77
  fi
fi
# The test installs and removes the package: it must not take a stemdeck the machine had.
if dpkg-query -W -f='${Status}' stemdeck 2>/dev/null | grep -q " installed"; then
  fail "stemdeck is already installed here; remove it first (apt-get remove stemdeck)"
fi
for program in /usr/bin/stemdeck /usr/bin/stemdeck-cli; do
  [ ! -e "$program" ] || fail "$program exists (not from a package?): the test would overwrite it"
done

step "apt-get install"
installed=1
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=120 install -y -q \
  --no-install-recommends "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get install failed"; }

step "installed stemdeck-cli info"
/usr/bin/stemdeck-cli info /usr/share/stemdeck/demo >"$work/info.json" ||
  fail "stemdeck-cli info on the installed demo song failed"
grep -q '"name": "drums"' "$work/info.json" || { cat "$work/info.json" >&2; fail "info names no drums stem"; }

step "installed stemdeck, offscreen"
# No song given: the installed app must find the installed demo song. A home, a settings file
# and an audio device of its own (an ALSA device playing into nothing; no JACK server), so
# that it touches nothing of the machine's or of the tests running beside it.
mkdir -p "$work/home"
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
  QT_QPA_PLATFORM=offscreen ALSA_CONFIG_PATH="$source_dir/tests/support/alsa-null.conf" \
  JACK_NO_START_SERVER=1 JACK_DEFAULT_SERVER="stemdeck_package_test_$$" \
  /usr/bin/stemdeck --settings "$work/settings.ini" --play-for 0.2 2>"$work/app.log" &
app_pid=$!
sleep 1
kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "the installed app did not keep running for 1 s"; }
# --play-for says "stemdeck: playing" once the song is loaded: it found the demo song.
for ((i = 0; i < deadline_s * 10; i++)); do
  grep -q "stemdeck: playing" "$work/app.log" && break
  sleep 0.1
done
grep -q "stemdeck: playing" "$work/app.log" ||
  { cat "$work/app.log" >&2; fail "the installed app did not play the installed demo song"; }
kill -TERM "$app_pid"
status=0
# The app keeps SIGTERM's default: it ends at once, with 143 (128 + 15), not a crash.
(sleep "$deadline_s"; kill -KILL "$app_pid" 2>/dev/null) >/dev/null 2>&1 &
timeout_pid=$!
wait "$app_pid" || status=$?
kill "$timeout_pid" 2>/dev/null || true
app_pid=""
[ "$status" = 143 ] || [ "$status" = 0 ] ||
  { cat "$work/app.log" >&2; fail "the app ended with status $status on SIGTERM (0 or 143 expected)"; }

step "apt-get remove"
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=120 remove -y -q \
  stemdeck >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get remove failed"; }
installed=0
[ ! -e /usr/bin/stemdeck ] || fail "/usr/bin/stemdeck is still there after apt-get remove"
[ ! -e /usr/bin/stemdeck-cli ] || fail "/usr/bin/stemdeck-cli is still there after apt-get remove"
step "passed"
