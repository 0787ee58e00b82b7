#!/usr/bin/env bash
# Runs a command against a private JACK dummy server, paced like a sound card (48 kHz, 256
# frames), so real PortAudio streams work with no sound card. Usage: with_jack.sh CMD [ARGS…]
# STEMDECK_JACK_OUTPUTS: output ports (default 2). STEMDECK_JACK_PERIOD: frames per JACK
# cycle (default 256). On a small VM the dummy driver's own timer and the client thread's
# wake-up jitter by tens of microseconds to milliseconds; at 256 frames (5.3 ms) JACK then
# reports an xrun every ~20 s even though the engine's callback takes ~0.05 ms. Tests that
# count underflows use 1024 frames, where that jitter is harmless, and hold stemdeck to account
# only for underflows JACK reported no xrun for (tests/support/JackXruns.h): a busy machine
# still wakes JACK late now and then.
# STEMDECK_JACK_LOG: keep the server's log in this file (default: a temporary file, removed).
# The server runs with SCHED_FIFO (-R; its clients' process threads, PortAudio's callback
# among them, then do too) where the system allows it, as on a musician's machine: without it a
# busy machine (a parallel build) delays JACK's cycle past its client timeout and JACK drops the
# client mid-test. STEMDECK_JACK_REALTIME=0 runs it without (-r).
set -u
# Each run gets a /dev/shm of its own (a private mount namespace with a tmpfs there) where the
# system allows it (root; STEMDECK_JACK_SHARED_SHM=1 turns it off). JACK2 names a client's
# notification socket /dev/shm/jack_<client>_<uid>_0 after the client alone, not its server:
# two tests that open a client of the same name at the same moment ("PortAudio", jack_wait's
# "wait"), each on its own server, take each other's socket, and one server then fails to
# start or a stream fails to open ("no audio output device found"; 6 of 40 pairs of servers
# started together). Its server registry (8 slots) and metadata database live there too.
if [ "${STEMDECK_JACK_SHARED_SHM:-0}" != 1 ] && [ -z "${STEMDECK_JACK_PRIVATE_SHM:-}" ] &&
  unshare --mount true 2>/dev/null; then
  STEMDECK_JACK_PRIVATE_SHM=1 exec unshare --mount --propagation private \
    sh -c 'mount -t tmpfs -o mode=1777 stemdeck-jack /dev/shm && exec "$@"' sh \
    "$0" "$@"
fi
export JACK_DEFAULT_SERVER="stemdeck_test_$$_${RANDOM}" JACK_NO_START_SERVER=1 JACK_NO_AUDIO_RESERVATION=1
outputs="${STEMDECK_JACK_OUTPUTS:-2}"
period="${STEMDECK_JACK_PERIOD:-256}"
log="${STEMDECK_JACK_LOG:-$(mktemp -t stemdeck-jack.XXXXXX)}"
realtime=-r
if [ "${STEMDECK_JACK_REALTIME:-1}" = 1 ] && chrt -f 10 true 2>/dev/null; then realtime=-R; fi
# The server goes when this script goes, however it ends (killed with its test run, e.g. an
# interrupted ctest): a server left behind keeps a JACK slot and real-time threads forever.
start_jackd() {
  setpriv --pdeathsig TERM \
    jackd -n "$JACK_DEFAULT_SERVER" "$realtime" -d dummy -r 48000 -p "$period" -P "$outputs" -C 0 \
    >"$log" 2>&1 &
  jack_pid=$!
  jack_wait -w -t 10 >/dev/null 2>&1
}
started=1
start_jackd || started=0
# JACK keeps at most 8 servers in /dev/shm/jack-shm-registry, and a jackd killed with SIGKILL
# keeps its slot until a server of the same name starts again (the device-loss tests do that
# for the wrapper's server; an interrupted run does not). With no jackd running at all, every
# slot is stale: clear the registry and try once more.
if [ "$started" = 0 ] && grep -q "Too many servers" "$log" && ! pgrep -x jackd >/dev/null; then
  wait "$jack_pid" 2>/dev/null
  echo "with_jack.sh: clearing stale entries from /dev/shm/jack-shm-registry" >&2
  rm -f /dev/shm/jack-shm-registry
  start_jackd && started=1
fi
if [ "$started" = 0 ]; then
  echo "with_jack.sh: the JACK dummy server did not start:" >&2
  cat "$log" >&2
  grep -q "Too many servers" "$log" &&
    echo "with_jack.sh: stale entries fill /dev/shm/jack-shm-registry; remove it while no" \
      "jackd runs" >&2
  kill "$jack_pid" 2>/dev/null; wait "$jack_pid" 2>/dev/null
  [ -n "${STEMDECK_JACK_LOG:-}" ] || rm -f "$log"
  exit 1
fi
# For tests that kill the server and start an identical one (tests/support/JackServer.h).
export STEMDECK_TEST_JACK_PID=$jack_pid STEMDECK_JACK_PERIOD=$period STEMDECK_JACK_OUTPUTS=$outputs \
  STEMDECK_JACK_SCHEDULING=$realtime
"$@"
status=$?
kill "$jack_pid" 2>/dev/null
wait "$jack_pid" 2>/dev/null
# A failed run shows what the server said (a client it dropped, a timeout): CI keeps no files.
if [ "$status" != 0 ] && [ -s "$log" ]; then
  echo "with_jack.sh: the command failed ($status); the JACK server's log, last 40 lines:" >&2
  tail -n 40 "$log" >&2
fi
[ -n "${STEMDECK_JACK_LOG:-}" ] || rm -f "$log"
# What clients of this server left behind when it went away under them (the device-loss
# tests): their semaphore files. The server's name is unique to this run.
rm -f /dev/shm/jack_sem.*_"$JACK_DEFAULT_SERVER"_* 2>/dev/null
exit $status
