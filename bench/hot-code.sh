#!/usr/bin/env bash
# Makes src/link/hot-code.txt again: the functions taller runs when it
# starts and while the room's clock counts down, which the release build
# lays out together (src/link/build.rs says why).
#
#   bench/hot-code.sh        # a minute or two; then `cargo build --release` again
#
# Runs the release binary under valgrind's callgrind in a 120x40 tmux
# terminal: a new session, the facilitator's screen, Space (the clock
# starts), p (the room view), a few seconds of countdown, then it quits.
# Every function that ran is listed once, its name with what changes from
# build to build (hashes, crate disambiguators) made a `*`. Its own session
# folder; nothing of yours is read or written. Needs valgrind, tmux, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

# Without the layout: valgrind names only the functions it finds in `.text`,
# so a binary whose hot functions were moved out of it would list few.
TALLER_HOT_CODE=off cargo build --release --quiet
work=$(mktemp -d)
sock="taller-hot-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export TALLER_SESSIONS_DIR="$work/sessions"

tmux -L "$sock" -f /dev/null new-session -d -s hot -x 120 -y 40 \
  "valgrind --tool=callgrind --demangle=no --callgrind-out-file='$work/cg.out' \
   '$PWD/target/release/taller' new --name hot 2>'$work/valgrind.log'; touch '$work/done'"
shown() { tmux -L "$sock" capture-pane -p -t hot | grep -q "$1"; }
wait_for() { # text, seconds
  for _ in $(seq "$(( $2 * 10 ))"); do shown "$1" && return 0; sleep 0.1; done
  echo "hot-code: the screen never showed '$1'" >&2; exit 1
}
wait_for '[A-Za-z]' 60
sleep 2
tmux -L "$sock" send-keys -t hot Space
sleep 2
tmux -L "$sock" send-keys -t hot p
wait_for '█' 30
sleep 5
tmux -L "$sock" send-keys -t hot p
sleep 1
tmux -L "$sock" send-keys -t hot Space
sleep 1
tmux -L "$sock" send-keys -t hot q
for _ in $(seq 300); do [ -e "$work/done" ] && break; sleep 0.1; done
[ -e "$work/done" ] || { echo "hot-code: taller did not quit" >&2; exit 1; }

python3 - "$work/cg.out" src/link/hot-code.txt <<'PY'
import re, sys
source, target = sys.argv[1], sys.argv[2]
names = {"ob": {}, "fn": {}}
in_taller, ran = False, set()
for line in open(source, encoding="utf-8", errors="replace"):
    m = re.match(r"^(c?)(ob|fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
    if not m:
        continue
    called, kind, number, name = m.groups()
    if name:
        names[kind][number] = name
    if called:
        continue
    if kind == "ob":
        in_taller = names["ob"][number].endswith("/taller")
    elif in_taller:
        ran.add(names["fn"][number])
def pattern(name):
    name = re.sub(r"'\d+$", "", name)              # callgrind's recursion mark
    # A legacy name's hash is kept: it tells apart the copies of a generic
    # function (Vec<T>::push for each T share the rest of the name), and
    # stays the same from build to build of the same code and compiler.
    name = re.sub(r"(17h[0-9a-f]{16}E).*$", r"\1*", name)  # .llvm.N after it
    name = re.sub(r"\.llvm\.\d+$", "*", name)      # thin LTO's local suffix
    return re.sub(r"Cs[A-Za-z0-9]+_", "Cs*_", name)  # v0 crate disambiguator
kept = sorted({pattern(n) for n in ran if n.startswith(("_ZN", "_R"))})
with open(target, "w") as out:
    out.write("# Functions run by a start and a room countdown, made by bench/hot-code.sh;\n")
    out.write("# the release build lays them out together (src/link/build.rs).\n")
    out.write("\n".join(kept) + "\n")
print(f"hot-code: {len(kept)} functions in {target}")
PY
