#!/usr/bin/env bash
# Listing a 10,000-file folder: weft serve vs python3 -m http.server vs nginx autoindex (wrk, 1 connection,
# so the figure is server time per request), then a folder's zip streamed by weft vs `zip -r -` to a pipe.
# Usage: scripts/bench-listing.sh [PORT_BASE]   (three ports from PORT_BASE; default 18610)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-18610}
work=$(mktemp -d)
chmod 755 "$work"  # nginx's workers run as another user
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

mkdir -p "$work/many"
for i in $(seq 1 10000); do : > "$work/many/file-$i.txt"; done
mkdir -p "$work/tree"
for d in $(seq 1 20); do
  mkdir -p "$work/tree/dir$d"
  for f in $(seq 1 10); do head -c $((256 * 1024)) /dev/urandom | base64 > "$work/tree/dir$d/file$f.txt"; done
done

./weft serve "$work/many" --port "$base" --quiet > "$work/weft.log" 2>&1 & pids+=($!)
python3 -m http.server "$((base + 1))" --bind 127.0.0.1 --directory "$work/many" > /dev/null 2>&1 & pids+=($!)
mkdir -p "$work/nginx/logs"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1; daemon off; pid $work/nginx/nginx.pid; error_log $work/nginx/logs/error.log;
events { worker_connections 64; }
http { access_log off; server { listen 127.0.0.1:$((base + 2)); root $work/many; location / { autoindex on; } } }
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" & pids+=($!)
for i in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$base/" && curl -sf -o /dev/null "http://127.0.0.1:$((base + 1))/" \
    && curl -sf -o /dev/null "http://127.0.0.1:$((base + 2))/" && break
  sleep 1
done

echo "== listing a folder of 10,000 files (wrk -t1 -c1 -d10s, after a 3 s warm-up)"
for entry in "weft:$base" "python-http.server:$((base + 1))" "nginx-autoindex:$((base + 2))"; do
  name=${entry%%:*}; port=${entry##*:}
  bytes=$(curl -s "http://127.0.0.1:$port/" | wc -c)
  wrk -t1 -c1 -d3s "http://127.0.0.1:$port/" > /dev/null
  result=$(wrk -t1 -c1 -d10s --latency "http://127.0.0.1:$port/")
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$result")
  p50=$(awk '/ 50%/ {print $2}' <<< "$result")
  printf '%-20s %8s req/s  p50 %8s  page %7d bytes\n' "$name" "$rps" "$p50" "$bytes"
done

kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
./weft serve "$work/tree" --port "$base" --quiet > "$work/weft.log" 2>&1 & pids+=($!)
for i in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$base/" && break; sleep 1; done
size=$(du -sb "$work/tree" | cut -f1)
echo "== a folder of $((size / 1048576)) MB of text (200 files) as zip, 3 runs each"
for run in 1 2 3; do
  start=$(date +%s.%N); out=$(curl -s "http://127.0.0.1:$base/?download=zip" | wc -c); end=$(date +%s.%N)
  printf 'weft ?download=zip    %6.2f s  %6.1f MB/s in  %d bytes out\n' "$(echo "$end - $start" | bc)" "$(echo "$size / 1048576 / ($end - $start)" | bc -l)" "$out"
  start=$(date +%s.%N); out=$( (cd "$work" && zip -qr - tree) | wc -c); end=$(date +%s.%N)
  printf 'zip -r - | wc -c      %6.2f s  %6.1f MB/s in  %d bytes out\n' "$(echo "$end - $start" | bc)" "$(echo "$size / 1048576 / ($end - $start)" | bc -l)" "$out"
done
