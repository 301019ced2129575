#!/usr/bin/env bash
# How much code a second of the room's clock runs: the distinct 64-byte
# lines of machine code executed over ten ticks, by module and by function.
# A tick runs after a second asleep, with the caches gone cold, so its time
# follows the code and data it touches more than the instructions it runs
# (bench/README.md, "7 December"); this counts the code part, exactly and
# whatever else the machine is doing.
#
#   bench/tick-code.sh               # about 40 s
#   TALLER_BIN=/tmp/old/taller bench/tick-code.sh
#
# Runs the release binary under valgrind's callgrind in a 120x40 tmux
# terminal: a new session, Space (the clock starts), p (the room view),
# then instruments ten seconds of countdown only. Its own session folder;
# nothing of yours is read or written. Needs valgrind, tmux, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_COUNTED=${SECONDS_COUNTED:-10}
if [ -n "${TALLER_BIN:-}" ]; then
  TALLER=$TALLER_BIN
else
  cargo build --release --quiet
  TALLER=$PWD/target/release/taller
fi
. bench/callgrind-room.sh
room_under_callgrind tick-code "$TALLER" --instr-atstart=no --dump-instr=yes \
  --compress-pos=no --compress-strings=no
# A few seconds for the first frames of the room view to pass.
sleep 4
pid=$(pgrep -f "callgrind-out-file=$work/cg.out" | head -1)
callgrind_control -i on "$pid" >/dev/null 2>&1
sleep "$SECONDS_COUNTED"
callgrind_control -i off "$pid" >/dev/null 2>&1
quit

python3 - "$work/cg.out" "$SECONDS_COUNTED" <<'PY'
import collections, re, sys
source, ticks = sys.argv[1], int(sys.argv[2])
obj = fn = None
after_call = False
owner = {}  # (object, line) -> the function that first ran it
runs = collections.Counter()  # instructions run, by function
for line in open(source, encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    if line.startswith("ob="):
        obj = line[3:]
    elif line.startswith("fn="):
        fn = line[3:]
    elif line.startswith("calls="):
        after_call = True  # the next cost line is the call's, not this code's
    elif line.startswith("0x"):
        if after_call:
            after_call = False
            continue
        address, *_, count = line.split()
        runs[fn] += int(count)
        owner.setdefault((obj, int(address, 16) >> 6), fn)

def module(name):
    m = re.match(r"<?(taller::[a-z_0-9]+)", name or "")
    if m:
        return m.group(1)
    m = re.match(r"<?([a-z_0-9]+)::", name or "")
    return m.group(1) if m else "libc and others"

lines_of = collections.Counter(owner.values())
by_module = collections.Counter()
for name, n in lines_of.items():
    by_module[module(name)] += n
print(f"{len(owner)} lines of code (64 B) ran over {ticks} seconds of countdown, "
      f"{sum(runs.values()) // ticks:,} instructions a second")
print("\nlines  module")
for name, n in by_module.most_common(15):
    print(f"{n:5}  {name}")
print("\nlines  instructions a second  function")
for name, n in lines_of.most_common(25):
    print(f"{n:5}  {runs[name] // ticks:>24,}  {name[:100]}")
PY
