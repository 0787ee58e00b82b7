#!/usr/bin/env bash
# Measures what the desktop app costs in CPU time while it plays and while it is paused: the
# real app (build/src/ui/stemdeck) in a real X server (Xvfb) on a JACK dummy device
# (tests/support/with_jack.sh), default window size and settings, the demo song unless SONG
# is given. It starts the app with --play-for, times SECONDS of playing (from 2 s in),
# then, once the app has paused, SECONDS of pause (from 6 s after it, so the fade-out, the
# stream's stop and the meters' fall are over), from /proc/PID/stat (utime + stime) and per
# thread from /proc/PID/task/*/stat (the GUI thread is the main thread, tid = pid). Prints
# JSON on stdout; percentages are of one core. The JACK server's own process is reported
# apart (it is not stemdeck's).
#
# Usage: scripts/measure-idle-cpu.sh [--latency-monitor] [--seconds N] [--period FRAMES] [SONG]
#   --latency-monitor  with the latency monitor's dock open (default: closed, the default)
#   --seconds N        length of each measured window (default 10)
#   --period FRAMES    the JACK server's period (default 1024, the app's default block size)
# Needs xvfb-run and jackd (scripts/install-deps.sh test) and a built app (scripts/build.sh).
# Run it alone on the machine (not beside tests that start JACK servers): other
# load makes the app's timers late but does not add to its CPU time.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

if [ "${1:-}" = --inner ]; then
  # Under Xvfb and JACK: run the app and time it.
  shift
  app=$1 song=$2 settings=$3 seconds=$4 play_settle=$5 pause_settle=$6 monitor=$7 period=$8
  log=$(mktemp -t stemdeck-measure.XXXXXX)
  trap 'rm -f "$log"' EXIT
  hz=$(getconf CLK_TCK)
  play_for=$(awk -v a="$play_settle" -v b="$seconds" 'BEGIN { print a + b + 1 }')
  "$app" --settings "$settings" --play-for "$play_for" "$song" 2>"$log" &
  pid=$!
  wait_for() {  # a line of the app's stderr, up to 60 s
    for _ in $(seq 600); do
      grep -q "$1" "$log" && return 0
      kill -0 "$pid" 2>/dev/null || { echo "measure-idle-cpu: the app quit:" >&2; cat "$log" >&2; exit 1; }
      sleep 0.1
    done
    echo "measure-idle-cpu: the app never said '$1':" >&2
    cat "$log" >&2
    kill "$pid"
    exit 1
  }
  # "tid name ticks scheduling" for every thread of the app (scheduling "realtime" for the
  # SCHED_FIFO/RR audio thread JACK runs the callback on), "process - ticks" for the whole app
  # and "jackd - ticks" for the JACK server.
  sample() {
    local stat tid
    for stat in /proc/"$pid"/task/*/stat; do
      tid=${stat%/stat}
      tid=${tid##*/}
      # The name (field 2) is in parentheses and may hold spaces: count fields after it.
      sed -E 's/^[0-9]+ \((.*)\) (.*)$/\2/' "$stat" 2>/dev/null |
        awk -v tid="$tid" -v name="$(tr ' ' '_' <"/proc/$pid/task/$tid/comm" 2>/dev/null)" \
          '{ print tid, name, $12 + $13, ($39 == 1 || $39 == 2) ? "realtime" : "normal" }' || true
    done
    # The whole process, threads that ended included.
    sed -E 's/^[0-9]+ \((.*)\) (.*)$/\2/' /proc/"$pid"/stat | awk '{ print "process - " $12 + $13 }'
    if [ -n "${STEMDECK_TEST_JACK_PID:-}" ] && [ -r /proc/"$STEMDECK_TEST_JACK_PID"/stat ]; then
      sed -E 's/^[0-9]+ \((.*)\) (.*)$/\2/' /proc/"$STEMDECK_TEST_JACK_PID"/stat |
        awk '{ print "jackd - " $12 + $13 }'
    fi
  }
  now() { date +%s.%N; }
  # One window: JSON of the CPU each thread used in it, % of one core.
  measure() {
    local before after t0 t1
    before=$(sample)
    t0=$(now)
    sleep "$seconds"
    after=$(sample)
    t1=$(now)
    awk -v hz="$hz" -v t0="$t0" -v t1="$t1" -v main="$pid" -v before="$before" -v after="$after" '
      BEGIN {
        wall = t1 - t0
        n = split(before, lines, "\n")
        for (i = 1; i <= n; i++) { split(lines[i], f, " "); start[f[1]] = f[3] }
        n = split(after, lines, "\n")
        threads = ""
        for (i = 1; i <= n; i++) {
          split(lines[i], f, " ")
          id = f[1]; used = f[3] - (id in start ? start[id] : 0)
          pct = used / hz / wall * 100
          if (id == "process") process = pct
          else if (id == "jackd") jack = pct
          else {
            if (id == main) gui = pct
            threads = threads (threads == "" ? "" : ", ") \
              sprintf("{\"tid\": %s, \"name\": \"%s\", \"scheduling\": \"%s\", \"cpu_pct\": %.2f}", \
                id, f[2], f[4], pct)
          }
        }
        printf "{\"wall_s\": %.2f, \"process_cpu_pct\": %.2f, \"gui_thread_cpu_pct\": %.2f, ", wall, process, gui
        printf "\"jackd_cpu_pct\": %s, \"threads\": [%s]}", (jack == "" ? "null" : sprintf("%.2f", jack)), threads
      }'
  }
  wait_for "stemdeck: playing"
  sleep "$play_settle"
  playing=$(measure)
  wait_for "stemdeck: paused"
  sleep "$pause_settle"
  paused=$(measure)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  printf '{"song": "%s", "seconds": %s, "jack_period": %s, "latency_monitor": %s, "clock_ticks_per_s": %s,\n' \
    "$song" "$seconds" "$period" "$monitor" "$hz"
  printf ' "playing": %s,\n "paused": %s}\n' "$playing" "$paused"
  exit 0
fi

monitor=false seconds=10 period=1024 song="$here/resources/demo"
while [ $# -gt 0 ]; do
  case $1 in
    --latency-monitor) monitor=true ;;
    --seconds) seconds=$2; shift ;;
    --period) period=$2; shift ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "measure-idle-cpu: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) song=$1 ;;
  esac
  shift
done
app="${STEMDECK_APP:-$here/build/src/ui/stemdeck}"
[ -x "$app" ] || { echo "measure-idle-cpu: no app at $app: build it first (scripts/build.sh)" >&2; exit 1; }
for tool in xvfb-run jackd; do
  command -v "$tool" >/dev/null || { echo "measure-idle-cpu: $tool is missing (scripts/install-deps.sh test)" >&2; exit 1; }
done
# Default settings (window size, block size), whatever the user's own are.
settings=$(mktemp --suffix=.ini -t stemdeck-measure.XXXXXX)
trap 'rm -f "$settings"' EXIT
if [ "$monitor" = true ]; then printf '[audio]\nenable_latency_monitor=true\n' >"$settings"; fi
STEMDECK_JACK_PERIOD=$period xvfb-run -a -s "-screen 0 1920x1080x24" \
  "$here/tests/support/with_jack.sh" "$0" --inner "$app" "$song" "$settings" "$seconds" 2 6 \
  "$monitor" "$period"
