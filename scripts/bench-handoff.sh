#!/usr/bin/env bash
# The engine hand-off (issue 21): a 13-byte hello through HttpServer, with a nonBlocking handler (served inline)
# and a blocking one (handed off in connectionMade), on the virtual and event-loop models, for one or more
# built trees side by side, interleaved round by round (the machine may be shared: compare within a round, and
# prefer the server's CPU time per request, which another process's load moves less than req/s).
#
#   scripts/bench-handoff.sh [-r ROUNDS] [-p PORT] TREE...    e.g. scripts/bench-handoff.sh /tmp/before .
#
# Each TREE must have weft-core and weft-http compiled (mvn -q -o -pl weft-http -am compile).
set -euo pipefail
rounds=2 port=21500
while getopts r:p: opt; do
    case $opt in r) rounds=$OPTARG ;; p) port=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-r ROUNDS] [-p PORT] TREE..." >&2; exit 2; }
. "$(dirname "$0")/jdk.sh" && weft_find_jdk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/Hello.java" <<'JAVA'
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.http.HttpHandler;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpServer;

public class Hello {
    public static void main(String[] args) throws Exception {
        HttpHandler hello = request -> HttpResponse.text(200, "Hello, World!");
        HttpHandler handler = args[2].equals("nonblocking") ? HttpHandler.nonBlocking(hello) : hello;
        HttpServer server = HttpServer.start(ServerConfig.builder("HTTP").bind("127.0.0.1", Integer.parseInt(args[0]))
                .model(Model.parse(args[1])).build(), handler);
        server.awaitClosed();
    }
}
JAVA
slf4j=$(find ~/.m2/repository/org/slf4j/slf4j-api -name 'slf4j-api-2*.jar' | sort | tail -1)
declare -A cp
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for tree in "$@"; do
    out="$work/$(echo "$tree" | tr '/.' '__')"
    mkdir -p "$out"
    cp[$tree]="$tree/weft-core/target/classes:$tree/weft-http/target/classes:$slf4j:$out"
    "$JAVA_HOME/bin/javac" -d "$out" -cp "${cp[$tree]}" "$work/Hello.java"
done
for round in $(seq "$rounds"); do
    for model in virtual event-loop; do
        for mode in nonblocking blocking; do
            for tree in "$@"; do
                port=$((port + 1))
                "$JAVA_HOME/bin/java" -cp "${cp[$tree]}" Hello "$port" "$model" "$mode" >/dev/null 2>&1 &
                pid=$!
                for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
                wrk -t1 -c64 -d3s "http://127.0.0.1:$port/" >/dev/null
                cpu0=$(cpu_ticks "$pid")
                report=$(wrk -t1 -c64 -d5s "http://127.0.0.1:$port/")
                cpu1=$(cpu_ticks "$pid")
                kill "$pid"; wait "$pid" 2>/dev/null || true
                rps=$(echo "$report" | awk '/Requests\/sec/ {print $2}')
                requests=$(echo "$report" | awk '/requests in/ {print $1}')
                # server CPU per request: less sensitive than req/s to what else the shared machine runs
                us=$(( (cpu1 - cpu0) * 1000000 / $(getconf CLK_TCK) / requests ))
                printf 'round %s  %-10s %-11s %-30s %10s req/s %4s us CPU/req\n' "$round" "$model" "$mode" "$tree" "$rps" "$us"
            done
        done
    done
done
