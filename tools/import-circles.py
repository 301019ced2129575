#!/usr/bin/env python3
"""Import circles between taller's modules: which file uses which (`use
crate::…`, `use super::…`, `crate::x::y` in code, `taller::…` in main.rs),
and the strongly connected components of that graph. Exits 1 when there is
a circle, so it can guard a build.

    tools/import-circles.py            # circles between files (modules)
    tools/import-circles.py --top      # circles between top-level modules
    tools/import-circles.py --uses app::update   # what one module uses, and who uses it
    tools/import-circles.py --edges    # every module's imports (--top: between top-level ones)
    tools/import-circles.py --layers   # top-level imports that run back up the layers

A path counts for the deepest module it names (an item a folder's mod.rs
re-exports counts for the mod.rs). Left out, unless asked for: test code
(`mod tests`, tests.rs, *_tests.rs, test_support.rs, files under a tests/
folder; `--tests` keeps it), and the edges between a module and the folder
it is in (a file using its mod.rs, a mod.rs its files; `--kin` keeps them),
which Rust's module tree makes everywhere. Reads src/ as text: comments and
string literals are skipped, macros are not expanded.
"""

import os
import re
import sys
from collections import defaultdict

ARGS = sys.argv[1:]
TOP = "--top" in ARGS
TESTS = "--tests" in ARGS
KIN = "--kin" in ARGS
SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def blank(text):
    """The text with comments, strings and char literals blanked out, lines kept."""
    out, i, n = [], 0, len(text)
    spaces = lambda s: re.sub(r"[^\n]", " ", s)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
        elif (m := re.match(r'b?r(#*)"', text[i:])) and (i == 0 or not re.match(r"\w", text[i - 1])):
            end = text.find('"' + m.group(1), i + len(m.group(0)))
            j = n if end < 0 else end + 1 + len(m.group(1))
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            j += 1
        elif m := re.match(r"b?'(\\u\{[0-9a-fA-F]+\}|\\x..|\\.|[^\\'])'", text[i:]):
            j = i + len(m.group(0))
        else:
            out.append(text[i])
            i += 1
            continue
        out.append(spaces(text[i:j]))
        i = j
    return "".join(out)


def module_of(rel):
    parts = rel[:-3].split(os.sep)
    if parts in (["main"], ["lib"]):
        return ("main",) if parts == ["main"] else ()
    return tuple(parts[:-1]) if parts[-1] == "mod" else tuple(parts)


def is_test_file(rel):
    name = os.path.basename(rel)
    return bool(re.search(r"(^|_)tests?(_support)?\.rs$", name)) or "tests" in rel.split(os.sep)[:-1]


def use_paths(tree):
    """`a::{b, c::{d, e}}` -> [[a, b], [a, c, d], [a, c, e]] (aliases are gone already)"""
    tree = re.sub(r"\s+", "", tree)

    def parse(i, prefix):
        paths, cur, seg = [], list(prefix), ""
        while i < len(tree):
            if tree.startswith("::", i):
                cur, seg, i = cur + [seg] if seg else cur, "", i + 2
            elif tree[i] == "{":
                sub, i = parse(i + 1, cur)
                paths += sub
                cur, seg = list(prefix), ""
            elif tree[i] in ",}":
                if seg:
                    paths.append(cur + [seg])
                if tree[i] == "}":
                    return paths, i + 1
                cur, seg, i = list(prefix), "", i + 1
            else:
                seg, i = seg + tree[i], i + 1
        if seg:
            paths.append(cur + [seg])
        return paths, i

    return parse(0, [])[0]


files = {}
for root, _, names in os.walk(SRC):
    for name in names:
        path = os.path.join(root, name)
        rel = os.path.relpath(path, SRC)
        if not name.endswith(".rs") or rel.split(os.sep)[0] == "link":
            continue
        if not TESTS and is_test_file(rel):
            continue
        files[path] = (rel, module_of(rel))
modules = {mod for _, mod in files.values()}


def resolve(path, here):
    """The deepest module of the crate a path names, or None (another crate)."""
    head = path[0]
    if head in ("crate", "taller"):
        mod, rest = (), path[1:]
    elif head == "super":
        mod, rest = here, path
        while rest and rest[0] == "super":
            mod, rest = mod[:-1], rest[1:]
    elif head == "self":
        mod, rest = here, path[1:]
    elif here + (head,) in modules:
        mod, rest = here, path
    else:
        return None
    for segment in rest:
        if mod + (segment,) not in modules:
            break
        mod += (segment,)
    return mod


edges = defaultdict(set)
for path, (rel, mod) in files.items():
    text = blank(open(path, encoding="utf-8").read())
    # `x as y`: only the name used counts (casts lose nothing that matters here).
    text = re.sub(r"\s+as\s+\w+", "", text)
    home = () if mod == ("main",) else mod
    inline = []  # (start, end, name) of each `mod name { … }`
    for m in re.finditer(r"\bmod\s+(\w+)\s*\{", text):
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        inline.append((m.start(), j, m.group(1)))

    def where(pos):
        here = home
        for start, end, name in inline:
            if start <= pos < end:
                here += (name,)
        return here

    def in_tests(pos):
        return any(s <= pos < e and name == "tests" for s, e, name in inline)

    found = []
    uses = list(re.finditer(r"\buse\s+([^;]*);", text))
    for m in uses:
        found += [(m.start(), p) for p in use_paths(m.group(1))]
    for m in re.finditer(r"\b(crate|super|taller)((?:::\w+)+)", text):
        if not any(u.start() <= m.start() < u.end() for u in uses):
            found.append((m.start(), [m.group(1)] + m.group(2).split("::")[1:]))
    for pos, p in found:
        if not TESTS and in_tests(pos):
            continue
        here = where(pos)
        target = resolve(p, here)
        # An inline module using the file it is in is the file itself.
        if target is None or target == mod or (here != home and target == home):
            continue
        if not KIN and (mod[: len(target)] == target or target[: len(mod)] == mod):
            continue
        if TOP:
            a, b = mod[:1], target[:1]
            if a != b:
                edges[a].add(b)
        else:
            edges[mod].add(target)


def name(mod):
    return "::".join(mod) if mod else "lib"


# The layers, from the ground up (README, "How it is built"): a module may
# use only modules below it. `sample` builds large sessions for benchmarks
# and tests.
LAYERS = ["text", "qr", "model", "i18n", "session", "store", "sample", "export", "app", "ui", "terminal",
          "shell", "cli", "commands", "main"]

if "--layers" in ARGS:
    rank = {(layer,): i for i, layer in enumerate(LAYERS)}
    up = 0
    for a in sorted(edges):
        for b in sorted(edges[a]):
            top_a, top_b = a[:1], b[:1]
            if top_a == top_b:
                continue
            if top_a not in rank or top_b not in rank:
                print(f"not in a layer: {name(top_a if top_a not in rank else top_b)}")
                up += 1
            elif rank[top_b] > rank[top_a]:
                print(f"runs back up: {name(a)} -> {name(b)}")
                up += 1
    print(f"{up} import(s) against the layers")
    sys.exit(1 if up else 0)

if "--edges" in ARGS:
    for a in sorted(edges):
        print(f"{name(a)} -> " + ", ".join(name(b) for b in sorted(edges[a])))
    sys.exit(0)

if "--uses" in ARGS:
    who = tuple(ARGS[ARGS.index("--uses") + 1].split("::"))
    for b in sorted(edges.get(who, ())):
        print(f"{name(who)} -> {name(b)}")
    for a in sorted(a for a in edges if who in edges[a]):
        print(f"{name(a)} -> {name(who)}")
    sys.exit(0)

# Tarjan's strongly connected components, without recursion.
index, low, on_stack, stack, circles = {}, {}, set(), [], []
for start in sorted(edges):
    if start in index:
        continue
    work = [(start, iter(sorted(edges[start])))]
    index[start] = low[start] = len(index)
    stack.append(start)
    on_stack.add(start)
    while work:
        v, children = work[-1]
        w = next(children, None)
        if w is not None:
            if w not in index:
                index[w] = low[w] = len(index)
                stack.append(w)
                on_stack.add(w)
                work.append((w, iter(sorted(edges.get(w, ())))))
            elif w in on_stack:
                low[v] = min(low[v], index[w])
            continue
        work.pop()
        if work:
            low[work[-1][0]] = min(low[work[-1][0]], low[v])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

for component in sorted(circles):
    members = set(component)
    print("circle:", ", ".join(name(m) for m in component))
    for a in component:
        for b in sorted(edges[a] & members):
            print(f"    {name(a)} -> {name(b)}")
print(f"{len(circles)} circle(s)")
sys.exit(1 if circles else 0)
