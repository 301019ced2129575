# Sourced by bench/hot-code.sh and bench/tick-code.sh, which both watch the
# room's countdown under valgrind's callgrind: `room_under_callgrind NAME
# BINARY CALLGRIND-OPTIONS...` starts BINARY in a 120x40 tmux terminal under
# callgrind, in a session folder of its own (nothing of yours is read or
# written), makes a new session, starts the clock (Space) and shows the
# room (p). After it: `$work/cg.out` is callgrind's output, `keys KEY...`
# types on that screen, `wait_for TEXT SECONDS` waits for the screen to show
# TEXT, `quit` types q and waits for taller to end. Everything is cleaned
# up when the script exits.

room_under_callgrind() { # name binary callgrind-options...
  name=$1
  local binary=$2
  shift 2
  work=$(mktemp -d)
  sock="taller-$name-$$"
  trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
  export TALLER_SESSIONS_DIR="$work/sessions"
  tmux -L "$sock" -f /dev/null new-session -d -s room -x 120 -y 40 \
    "valgrind --tool=callgrind $* --callgrind-out-file='$work/cg.out' \
     '$binary' new --name $name 2>'$work/valgrind.log'; touch '$work/done'"
  wait_for '[A-Za-z]' 60
  sleep 2
  keys Space
  sleep 2
  keys p
  wait_for '█' 30
}

keys() { tmux -L "$sock" send-keys -t room "$@"; }

wait_for() { # text, seconds
  for _ in $(seq "$(( $2 * 10 ))"); do
    tmux -L "$sock" capture-pane -p -t room | grep -q "$1" && return 0
    sleep 0.1
  done
  echo "$name: the screen never showed '$1'" >&2
  exit 1
}

quit() {
  keys q
  for _ in $(seq 300); do [ -e "$work/done" ] && return 0; sleep 0.1; done
  echo "$name: taller did not quit" >&2
  exit 1
}
