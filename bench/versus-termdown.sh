#!/usr/bin/env bash
# Runs taller and termdown (the terminal countdown from PyPI) side by side,
# the same countdown in same-size tmux terminals, and prints what each cost:
# CPU time, wake-ups (context switches), bytes written to the terminal, peak
# memory and time to the first frame, with the ratios; then taller idle.
#
#   bench/versus-termdown.sh            # 60 s countdown (the budget's figure)
#   RUN_SECONDS=20 bench/versus-termdown.sh
#   TALLER_BIN=/tmp/old/taller bench/versus-termdown.sh   # another build, as it is
#
# Needs tmux and python3; installs termdown with pip if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

RUN_SECONDS=${RUN_SECONDS:-60}
IDLE_SECONDS=${IDLE_SECONDS:-10}
COLS=${COLS:-120}
ROWS=${ROWS:-40}

if [ -n "${TALLER_BIN:-}" ]; then
  TALLER=$TALLER_BIN
else
  cargo build --release --quiet
  TALLER=$PWD/target/release/taller
fi
USER_SCRIPTS=$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts", "posix_user"))')
TERMDOWN=$(PATH="$PATH:$USER_SCRIPTS" command -v termdown || true)
if [ -z "$TERMDOWN" ]; then
  python3 -m pip install --quiet --user --no-warn-script-location termdown 2>/dev/null
  TERMDOWN="$USER_SCRIPTS/termdown"
fi

work=$(mktemp -d)
sock="taller-bench-$$"
# taller saves its session as the server's hang-up stops it: the folder
# may still be written to while it is removed, so once more after a moment.
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  rm -rf "$work" 2>/dev/null || { sleep 1; rm -rf "$work"; }
}
trap cleanup EXIT
export TALLER_SESSIONS_DIR="$work/sessions"
tmux -L "$sock" -f /dev/null new-session -d -s bench -x "$COLS" -y "$ROWS" -n shell

now_ms() { date +%s%3N; }

# Starts a program in its own window, output logged; prints its pid and the
# milliseconds from launch to its first byte on the terminal.
launch() { # name command...
  local name=$1; shift
  : > "$work/$name.out"
  # The program waits for a go file, so its start is timed from here.
  tmux -L "$sock" new-window -d -t bench -n "$name" \
    "while [ ! -e '$work/$name.go' ]; do sleep 0.001; done; exec $*"
  tmux -L "$sock" pipe-pane -o -t "bench:$name" "cat >> '$work/$name.out'"
  sleep 0.5
  local start; start=$(now_ms)
  touch "$work/$name.go"
  while [ ! -s "$work/$name.out" ]; do sleep 0.001; done
  local first=$(( $(now_ms) - start ))
  local pid; pid=$(tmux -L "$sock" list-panes -t "bench:$name" -F '#{pane_pid}')
  echo "$pid $first"
}

# CPU time in nanoseconds, every thread: schedstat is exact where the
# 10 ms clock ticks of /proc/PID/stat would round a quiet program to zero.
cpu_ns() { cat /proc/"$1"/task/*/schedstat | awk '{n += $1} END {print n}'; }
switches() { cat /proc/"$1"/task/*/status | awk '/ctxt_switches/ {n += $2} END {print n}'; }
bytes() { stat -c %s "$work/$1.out"; }
peak_kib() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
read -r taller_pid taller_first < <(launch taller "$TALLER" new --name bench)
read -r termdown_pid termdown_first < <(launch termdown "$TERMDOWN" "$((RUN_SECONDS + 30))")
sleep 1
# The same thing on both screens: a big countdown for the room (taller's room view).
tmux -L "$sock" send-keys -t bench:taller Space
tmux -L "$sock" send-keys -t bench:taller p
sleep 2

t0_cpu=$(cpu_ns "$taller_pid"); t0_sw=$(switches "$taller_pid"); t0_b=$(bytes taller)
d0_cpu=$(cpu_ns "$termdown_pid"); d0_sw=$(switches "$termdown_pid"); d0_b=$(bytes termdown)
sleep "$RUN_SECONDS"
t_cpu=$(( $(cpu_ns "$taller_pid") - t0_cpu )); t_sw=$(( $(switches "$taller_pid") - t0_sw )); t_b=$(( $(bytes taller) - t0_b ))
d_cpu=$(( $(cpu_ns "$termdown_pid") - d0_cpu )); d_sw=$(( $(switches "$termdown_pid") - d0_sw )); d_b=$(( $(bytes termdown) - d0_b ))
t_peak=$(peak_kib "$taller_pid"); d_peak=$(peak_kib "$termdown_pid")

# Idle: the clock paused, nothing should happen at all.
tmux -L "$sock" send-keys -t bench:taller Space p
sleep 1
i0_sw=$(switches "$taller_pid"); i0_b=$(bytes taller); i0_cpu=$(cpu_ns "$taller_pid")
sleep "$IDLE_SECONDS"
i_sw=$(( $(switches "$taller_pid") - i0_sw )); i_b=$(( $(bytes taller) - i0_b )); i_cpu=$(( $(cpu_ns "$taller_pid") - i0_cpu ))

ms() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e6 }'; }
per_wake() { awk -v ns="$1" -v n="$2" 'BEGIN { if (n == 0) print "n/a"; else printf "%.0f", ns / n / 1e3 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.3f", a / b }'; }

printf '\n%s-second countdown, %sx%s terminals, side by side (CPU from schedstat)\n' "$RUN_SECONDS" "$COLS" "$ROWS"
# termdown's CPU moved between 306 and 848 ms a minute over the days measured,
# with the same release: the machine and its load go with every figure.
printf 'machine: %s, %s cores; load average at the start %s\n' \
  "$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)" "$(nproc)" "$load_at_start"
printf '%-22s %12s %12s %10s\n' "" taller termdown "ratio"
printf '%-22s %12s %12s %10s\n' "CPU time (ms)" "$(ms "$t_cpu")" "$(ms "$d_cpu")" "$(ratio "$t_cpu" "$d_cpu")"
printf '%-22s %12s %12s %10s\n' "wake-ups (switches)" "$t_sw" "$d_sw" "$(ratio "$t_sw" "$d_sw")"
printf '%-22s %12s %12s %10s\n' "CPU a wake-up (µs)" "$(per_wake "$t_cpu" "$t_sw")" "$(per_wake "$d_cpu" "$d_sw")" ""
printf '%-22s %12s %12s %10s\n' "bytes to terminal" "$t_b" "$d_b" "$(ratio "$t_b" "$d_b")"
printf '%-22s %12s %12s %10s\n' "peak memory (KiB)" "$t_peak" "$d_peak" "$(ratio "$t_peak" "$d_peak")"
printf '%-22s %12s %12s %10s\n' "first frame (ms)" "$taller_first" "$termdown_first" "$(ratio "$taller_first" "$termdown_first")"
printf '\ntaller idle, clock paused, %s s: %s wake-ups, %s bytes written, %s ms CPU\n' "$IDLE_SECONDS" "$i_sw" "$i_b" "$(ms "$i_cpu")"
