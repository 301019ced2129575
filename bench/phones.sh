#!/usr/bin/env bash
# Phones on the ballot page (issue 23), on 127.0.0.1: 200 idle /events
# streams with a poll open (server CPU per minute, memory per connection),
# 500 ballots at once from 60 cards (exactly 60 recorded, answer p99), and
# a ballot to the count on a phone's stream (p99). The server runs in its
# own process; see benches/ballots.rs. BENCH_IDLE_SECS=60 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench --bench ballots
