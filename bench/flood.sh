#!/usr/bin/env bash
# A flood of idle TCP connections from one address while others join, on
# loopback only, against `taller serve` with its real limits:
#
#   bench/flood.sh                       # 600 idle sockets from 127.0.0.2, 40 s
#   FLOOD=600 FLOOD_SECONDS=20 bench/flood.sh   # the README's figures
#
# Starts `taller serve --headless --listen 127.0.0.1:PORT` on a fresh session
# (its own folders: no key or code of yours is read or written). A python
# flooder opens FLOOD idle connections from 127.0.0.2 (sending nothing, as
# the adversarial run did) and reopens any the server closes, for
# FLOOD_SECONDS. Meanwhile OpenSSH joins every few seconds from 127.0.0.1
# and from 127.0.0.3 (`status` over exec, the code typed by askpass); each
# join's time and result is printed, then how many of the flood's sockets the
# server held. Everything binds and connects to 127.0.0.x and stops by itself.
#
# Needs python3 and OpenSSH's ssh; builds the debug binary.
set -euo pipefail
cd "$(dirname "$0")/.."

FLOOD=${FLOOD:-600}
FLOOD_SECONDS=${FLOOD_SECONDS:-40}
PORT=${PORT:-$((20000 + $$ % 20000))}

cargo build --quiet
TALLER=$PWD/target/debug/taller

work=$(mktemp -d)
server=""
flooder=""
cleanup() {
  [ -n "$flooder" ] && kill "$flooder" 2>/dev/null && wait "$flooder" 2>/dev/null
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
export TALLER_SESSIONS_DIR="$work/sessions" XDG_DATA_HOME="$work/data" HOME="$work"
mkdir -p "$TALLER_SESSIONS_DIR"
ulimit -n 4096 2>/dev/null || true

"$TALLER" serve flood --headless --listen "127.0.0.1:$PORT" > "$work/serve.out" 2>&1 &
server=$!
for _ in $(seq 200); do grep -q "SHA256:" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
code=$("$TALLER" codes flood | awk '$1 == "facilitador" {print $2}')
printf '#!/bin/sh\necho %s\n' "$code" > "$work/askpass"
chmod 700 "$work/askpass"

python3 - "$PORT" "$FLOOD" "$FLOOD_SECONDS" > "$work/flood.txt" <<'EOF' &
import select, socket, sys, time
port, count, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
def open_one():
    s = socket.socket()
    s.bind(("127.0.0.2", 0))
    s.setblocking(False)
    s.connect_ex(("127.0.0.1", port))
    return s
socks = {open_one(): False for _ in range(count)}  # socket: greeted by the server
opened = count
def churn(until):
    global opened
    while time.time() < until:
        readable, _, _ = select.select(list(socks), [], [], 0.2)
        for s in readable:
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            if data:
                socks[s] = True
                continue
            # Closed by the server: open another.
            del socks[s]
            s.close()
            socks[open_one()] = False
            opened += 1
churn(time.time() + seconds)
# Held at the end: greeted by the server and still open.
held = sum(1 for greeted in socks.values() if greeted)
print(f"flood opened {opened} held_at_end {held}")
EOF
flooder=$!
sleep 3

join() {
  local from=$1 start end status
  start=$(date +%s.%N)
  status=0
  SSH_ASKPASS="$work/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=:0 timeout 30 ssh -F /dev/null \
    -b "$from" -p "$PORT" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o LogLevel=ERROR -o PubkeyAuthentication=no \
    -o PreferredAuthentications=keyboard-interactive -o ConnectTimeout=10 \
    facilitador@127.0.0.1 status < /dev/null > /dev/null 2>> "$work/ssh.err" || status=$?
  end=$(date +%s.%N)
  printf 'join from %-10s exit %3s in %5.2f s\n' "$from" "$status" "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')"
}
joins_end=$((SECONDS + FLOOD_SECONDS - 6))
while [ $SECONDS -lt $joins_end ]; do
  join 127.0.0.1
  join 127.0.0.3
  sleep 2
done
wait "$flooder"; flooder=""
cat "$work/flood.txt"
