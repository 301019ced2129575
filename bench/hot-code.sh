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
. bench/callgrind-room.sh
room_under_callgrind hot-code "$PWD/target/release/taller" --demangle=no
sleep 5
keys p
sleep 1
keys Space
sleep 1
quit

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
