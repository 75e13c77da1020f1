#!/usr/bin/env bash
# The logged-in /profile page (a session look-up and one database read) under wrk -c64, on SQLite and on PostgreSQL,
# with one and two `weft serve` instances behind nginx. Starts everything itself in a temp folder on loopback
# (PostgreSQL as the postgres user when run as root) and stops it at the end.
#   usage: scripts/bench-scale.sh [SECONDS per run, default 10]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-10}"
for tool in wrk nginx curl; do command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "needs $tool" >&2; exit 1; }; done
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort | tail -1)"
work="$(mktemp -d /tmp/weft-bench-scale.XXXXXX)"
chmod 711 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -d "$work/pg/data" ] && $asuser "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
asuser=""; [ "$(id -u)" = 0 ] && asuser="runuser -u postgres --"
trap cleanup EXIT
jar="$root/weft-cli/target/weft.jar"
. "$root/scripts/jdk.sh" && weft_find_jdk
java="$JAVA_HOME/bin/java"
"$root/weft" --version >/dev/null    # builds the jar when sources changed
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

mkdir -p "$work/pg" && [ -n "$asuser" ] && chown postgres "$work/pg"
pgport="$(free_port)"
$asuser "$pgbin/initdb" -D "$work/pg/data" -A trust -U weft >/dev/null
$asuser "$pgbin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/log" -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
pgurl="jdbc:postgresql://127.0.0.1:$pgport/postgres?user=weft"

start_instances() {  # $1 = db (sqlite|postgres), $2 = how many; sets ports
  ports=()
  for i in $(seq 1 "$2"); do
    local port; port="$(free_port)"
    local db=(); [ "$1" = postgres ] && db=(--db "$pgurl")
    "$java" -Xmx512m -jar "$jar" serve --port "$port" --data "$work/data-$1" "${db[@]}" -q >"$work/weft-$1-$i.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 300); do curl -sf "127.0.0.1:$port/_weft/health" >/dev/null && break; sleep 0.2; done
    ports+=("$port")
  done
}

start_nginx() {
  nport="$(free_port)"
  local servers=""; for p in "${ports[@]}"; do servers+="server 127.0.0.1:$p;"; done
  local user=""; [ "$(id -u)" = 0 ] && user="user root;"
  cat >"$work/nginx.conf" <<CONF
$user
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  upstream weft { $servers keepalive 64; }
  server { listen 127.0.0.1:$nport;
    location / { proxy_pass http://weft; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
CONF
  /usr/sbin/nginx -p "$work" -c "$work/nginx.conf" -e "$work/nginx-error.log"
  for _ in $(seq 1 100); do curl -sf "127.0.0.1:$nport/_weft/health" >/dev/null && break; sleep 0.1; done
}

stop_all() {
  kill "$(cat "$work/nginx.pid")"; while [ -f "$work/nginx.pid" ]; do sleep 0.1; done
  for pid in "${pids[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
  pids=()
}

logged_in_cookie() {  # registers a user through nginx and prints the Cookie header value
  local base="http://127.0.0.1:$nport" jar="$work/cookies-$RANDOM"
  local token; token="$(curl -s -c "$jar" -b "$jar" "$base/register" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
  local name="bench$RANDOM"
  curl -s -o /dev/null -c "$jar" -b "$jar" -F "_csrf=$token" -F "username=$name" -F "email=$name@example.com" \
    -F "password=correct horse" "$base/register"
  awk '{sub(/^#HttpOnly_/, "")} !/^#/ && NF>=7 {print $6"="$7}' "$jar" | paste -sd';' | sed 's/;/; /g'
}

printf '%-10s %-9s %10s %10s %10s %s\n' database instances req/s p50 p99 errors
for db in sqlite postgres; do
  for n in 1 2; do
    start_instances "$db" "$n"
    start_nginx
    cookie="$(logged_in_cookie)"
    curl -sf -H "Cookie: $cookie" "127.0.0.1:$nport/profile" | grep -q "welcome back" || { echo "not logged in" >&2; exit 1; }
    wrk -t2 -c64 -d2s -H "Cookie: $cookie" "http://127.0.0.1:$nport/profile" >/dev/null   # warm-up
    out="$(wrk -t2 -c64 -d"${seconds}s" --latency -H "Cookie: $cookie" "http://127.0.0.1:$nport/profile")"
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1=="50%" {print $2}' <<<"$out")"; p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
    errors="$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | paste -sd' ' || true)"
    printf '%-10s %-9s %10s %10s %10s %s\n' "$db" "$n" "$rps" "$p50" "$p99" "${errors:-none}"
    stop_all
  done
done
