#!/usr/bin/env bash
# Compares the CPU of two taller builds running the room countdown at the
# same time, each in its own tmux server at 120x40: both see the same
# machine (the same load, the same neighbours), where taking turns showed
# ±10% between two runs of one binary. Prints each build's CPU over the
# window (schedstat, every thread) and B's over A's; the same binary against
# itself gives 0.93–1.01 here, so a change within that is noise.
#
#   bench/side-by-side.sh OLD_BINARY NEW_BINARY          # 3 rounds of 30 s
#   ROUNDS=5 SECONDS_EACH=60 bench/side-by-side.sh A B
#
# Copy each build somewhere first (cp target/release/taller /tmp/new): one
# binary cannot be both. Each build gets its own empty session folder;
# nothing of yours is read or written. Swap A and B for a second opinion.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 BINARY_A BINARY_B" >&2; exit 2; }
a=$1
b=$2
rounds=${ROUNDS:-3}
secs=${SECONDS_EACH:-30}
work=$(mktemp -d)
sockets=("taller-sbs-a-$$" "taller-sbs-b-$$")
cleanup() {
  for s in "${sockets[@]}"; do tmux -L "$s" kill-server 2>/dev/null || true; done
  rm -rf "$work" 2>/dev/null || { sleep 1; rm -rf "$work"; }
}
trap cleanup EXIT

cpu_ns() { cat /proc/"$1"/task/*/schedstat | awk '{n += $1} END {print n}'; }
each() { for s in "${sockets[@]}"; do tmux -L "$s" "$@"; done; }

for round in $(seq "$rounds"); do
  for i in 0 1; do
    bin=$a; [ "$i" -eq 1 ] && bin=$b
    TALLER_SESSIONS_DIR="$work/$round-$i" tmux -L "${sockets[$i]}" -f /dev/null \
      new-session -d -s bench -x 120 -y 40 "$bin new --name bench"
  done
  sleep 1.5
  each send-keys -t bench Space   # the first item's clock starts
  sleep 0.3
  each send-keys -t bench p       # the room view: the big countdown
  sleep 2
  pid_a=$(tmux -L "${sockets[0]}" list-panes -t bench -F '#{pane_pid}')
  pid_b=$(tmux -L "${sockets[1]}" list-panes -t bench -F '#{pane_pid}')
  a0=$(cpu_ns "$pid_a"); b0=$(cpu_ns "$pid_b")
  sleep "$secs"
  a1=$(cpu_ns "$pid_a"); b1=$(cpu_ns "$pid_b")
  each kill-server
  awk -v a=$((a1 - a0)) -v b=$((b1 - b0)) -v r="$round" -v s="$secs" \
    'BEGIN { printf "round %d (%d s): A %.2f ms  B %.2f ms  B/A %.3f\n", r, s, a / 1e6, b / 1e6, b / a }'
done
