#!/usr/bin/env bash
# Phones on the ballot page (issue 23), on 127.0.0.1: 200 idle /events
# streams with a poll open (server CPU per minute, memory per connection),
# 500 ballots at once from 60 cards, on new and on kept-alive connections
# (exactly 60 recorded, answer p50/p99, server and client CPU), a ballot to
# the count on a phone's stream (p99), and a ballot to the room's screen of
# a real `taller serve` over SSH (benches/ballots/room.rs). The server runs
# in its own process; see benches/ballots.rs.
#
#   bench/phones.sh                        # idle phones watched 60 s
#   BENCH_IDLE_SECS=5 bench/phones.sh      # a shorter run
#   BENCH_BARE=1 bench/phones.sh           # the floor: a bare server, same floods
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
TALLER_BIN="$PWD/target/release/taller" exec cargo bench --bench ballots
