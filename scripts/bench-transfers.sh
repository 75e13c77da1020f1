#!/usr/bin/env bash
# Large transfers as a user runs them (issue 27): `./weft files get` (verified and --raw) against nc, and
# `./weft download` against curl -o, each its own process through the launcher, interleaved round by round, every
# case into a fresh folder after `sync`. Prints "case wall user sys maxRSS-KiB" per run (from /usr/bin/time), and the
# load average after each round. Starts `./weft files server` and `./weft serve` on loopback in a temp folder with one
# file of random data and stops them at the end.
#   usage: scripts/bench-transfers.sh [SIZE for head -c, default 1G] [ROUNDS, default 3] [FIRST PORT, default 23001]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-1G}"
rounds="${2:-3}"
port="${3:-23001}"
for tool in nc curl /usr/bin/time; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
weft="$root/weft"
"$weft" --version >/dev/null # builds the jar and its start-up cache first, outside the timing
work="$(mktemp -d /tmp/weft-bench-transfers.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/share"
head -c "$size" /dev/urandom >"$work/share/g.bin"
"$weft" files server -p "$port" "$work/share" >"$work/files.log" 2>&1 & pids+=($!)
"$weft" serve -q -p "$((port + 1))" "$work/share" >"$work/serve.log" 2>&1 & pids+=($!)
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$((port + 1))/" && nc -z 127.0.0.1 "$port" && break
  sleep 0.2
done
# the first get makes the server hash the file (remembered per file version): not a round
"$weft" files get -q "127.0.0.1:$port" g.bin -o "$work/warm.bin" >/dev/null && rm -f "$work/warm.bin"

out="$work/out"
run() { # NAME COMMAND...: one timed run into an empty $out
  local name="$1"; shift
  rm -rf "$out"; mkdir -p "$out"; sync
  if /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$@" >/dev/null 2>"$work/err.txt"; then
    echo "$name $(cat "$work/time.txt")"
  else
    echo "$name FAILED: $(tail -1 "$work/err.txt")"
  fi
}
for _ in $(seq "$rounds"); do
  run nc sh -c "printf g.bin | nc -q 0 127.0.0.1 $port > $out/n.bin"
  run files-get-verified "$weft" files get -q "127.0.0.1:$port" g.bin -o "$out/a.bin"
  run files-get-raw "$weft" files get -q --raw "127.0.0.1:$port" g.bin -o "$out/a.bin"
  run curl curl -s -o "$out/c.bin" "http://127.0.0.1:$((port + 1))/g.bin"
  run download "$weft" download -d "$out" "http://127.0.0.1:$((port + 1))/g.bin"
  echo "load $(cut -d' ' -f1 /proc/loadavg)"
done
