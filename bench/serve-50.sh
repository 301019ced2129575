#!/usr/bin/env bash
# 50 clients on one served session, on loopback only, against the anchor:
# tmux with 50 clients attached to one session showing a running clock.
#
#   bench/serve-50.sh                    # 50 clients, 60 s each side
#   CLIENTS=10 RUN_SECONDS=20 bench/serve-50.sh
#
# Starts `taller serve --headless --listen 127.0.0.1:PORT` on a fresh
# session (its own sessions folder and data folder, so no key or code of
# yours is read or written), then benches/serve_load.rs joins a facilitator
# who starts the clock and the room until there are CLIENTS screens at
# 80×24, and measures the server over RUN_SECONDS (CPU from /proc/PID/stat,
# RSS, bytes), then the latencies; then tmux, the same way. Everything binds
# and connects to 127.0.0.1 and stops by itself.
#
# Needs tmux and python3; installs termdown with pip if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${CLIENTS:-50}
RUN_SECONDS=${RUN_SECONDS:-60}
TRIALS=${TRIALS:-40}
PORT=${PORT:-$((20000 + $$ % 20000))}

cargo build --release --quiet
TALLER=$PWD/target/release/taller
LOAD=$(cargo bench --bench serve_load --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "serve_load" and m.get("executable"):
        print(m["executable"])')
USER_SCRIPTS=$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts", "posix_user"))')
TERMDOWN=$(PATH="$PATH:$USER_SCRIPTS" command -v termdown || true)
if [ -z "$TERMDOWN" ]; then
  python3 -m pip install --quiet --user --no-warn-script-location termdown 2>/dev/null
  TERMDOWN="$USER_SCRIPTS/termdown"
fi

work=$(mktemp -d)
sock="taller-anchor-$$"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  tmux -L "$sock" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export TALLER_SESSIONS_DIR="$work/sessions" XDG_DATA_HOME="$work/data"
export TALLER_LANG=es
mkdir -p "$TALLER_SESSIONS_DIR"

# --- taller serve -------------------------------------------------------------
"$TALLER" serve bench --headless --no-web --listen "127.0.0.1:$PORT" > "$work/serve.out" 2>&1 &
server=$!
codes="$TALLER_SESSIONS_DIR/.bench.json.codes"
for _ in $(seq 100); do [ -s "$codes" ] && grep -q "127.0.0.1\|$PORT" "$work/serve.out" && break; sleep 0.1; done
sleep 1
timeout $((RUN_SECONDS + 180)) "$LOAD" taller "127.0.0.1:$PORT" "$codes" "$server" \
  "$CLIENTS" "$RUN_SECONDS" "$TRIALS" > "$work/taller.txt" 2> "$work/taller.err" || {
  cat "$work/taller.err" "$work/serve.out" >&2; exit 1; }
kill "$server"; wait "$server" 2>/dev/null || true; server=""

# --- the anchor: tmux, one session showing a running clock -------------------
tmux -L "$sock" -f /dev/null new-session -d -s anchor -x 80 -y 24 "$TERMDOWN $((RUN_SECONDS + 120))"
tmux_pid=$(tmux -L "$sock" display-message -p '#{pid}')
timeout $((RUN_SECONDS + 60)) "$LOAD" tmux "$sock" "$tmux_pid" "$CLIENTS" "$RUN_SECONDS" > "$work/tmux.txt"
tmux -L "$sock" kill-server 2>/dev/null || true

if [ -n "${SHOW_SCREENS:-}" ]; then cat "$work/taller.err"; fi
get() { awk -v k="$2" '$2 == k {print $3}' "$work/$1.txt"; }
printf '\n%s clients at 80x24 on loopback, one clock running, %s s measured\n' "$CLIENTS" "$RUN_SECONDS"
printf '%-38s %12s %12s\n' "" taller tmux
for k in cpu_ms_per_minute rss_kib_idle rss_kib_loaded rss_kib_per_client \
         terminal_bytes_per_client_per_tick wire_bytes_per_client_per_tick clock_ticks_seen; do
  printf '%-38s %12s %12s\n' "$k" "$(get taller "$k")" "$(get tmux "$k")"
done
echo
grep '^latency' "$work/taller.txt"
