# Sourced by ./weft: weft's ahead-of-time cache, which starts the JVM with weft's classes already loaded and linked
# (on JDK 25 with method profiles for the client group only: see weft_aot_record_flags). It is recorded once per jar and JDK from a short
# training run ('weft train') and lives next to the jar. There is one per group of commands, because the JVM loads
# every class of a cache at start: 'all' (servers and the rest), 'client' (get, download, ...) and 'copy'; each is
# recorded the first time a command of its group runs ('weft train --for GROUP'). The flags differ per JDK; this file
# is the one place that knows them. A missing, stale or broken cache never fails a command: weft then runs without one.

weft_java_version_r() { # sets REPLY to the full version of the JDK at $1 (e.g. 25.0.3+9-LTS), or to nothing
  weft_release "$1/release" JAVA_RUNTIME_VERSION
  [ -n "$REPLY" ] || weft_release "$1/release" JAVA_VERSION
}

weft_aot_kind() { # prints how JDK major $1 makes a cache: aot (25+, one step), aot2 (24, two steps), cds (19-23), or nothing
  weft_aot_kind_r "$1"
  [ -z "$REPLY" ] || echo "$REPLY"
}

weft_aot_kind_r() { # sets REPLY to what weft_aot_kind prints
  REPLY=""
  if [ "$1" -ge 25 ]; then REPLY=aot
  elif [ "$1" -eq 24 ]; then REPLY=aot2
  elif [ "$1" -ge 19 ]; then REPLY=cds
  fi
}

weft_aot_file() { # prints the path of cache $3 (all, the default, client or copy) for jar $1 under the JDK at $2, or nothing
  weft_aot_file_r "$@"
  [ -z "$REPLY" ] || echo "$REPLY"
}

weft_aot_file_r() { # sets REPLY to what weft_aot_file prints
  local jar="$1" group="${3:-all}" version kind extension=aot suffix=
  weft_java_version_r "$2"; version="$REPLY"
  REPLY=""
  [ -n "$version" ] || return 0
  weft_aot_kind_r "${version%%[!0-9]*}"; kind="$REPLY"
  REPLY=""
  [ -n "$kind" ] || return 0
  case "$jar" in *[[:space:]]*) return 0 ;; esac # the flags travel space-separated (-Dweft.aot.flags)
  if [ "$kind" = cds ]; then extension=jsa; fi
  if [ "$group" != all ]; then suffix="-$group"; fi
  REPLY="${jar%.jar}-jdk-${version//[^A-Za-z0-9.+_-]/_}$suffix.$extension"
}

weft_aot_record_flags() { # prints the flags that record the one-step cache $2 of group $3 under JDK major $1 (25+)
  # JDK 25 also stores method profiles and replays them at start. Measured on 2 cores, that cost more than it saved
  # for the servers (weft serve's first response: 394 ms with profiles, 338 ms without, 428 ms no cache) and for copy
  # (10,000 files on tmpfs: 0.37 s against 0.34 s), and saved 7% for the client group (weft download of 1,000 files:
  # 0.68-0.72 s against 0.73-0.78 s, interleaved), so on 25 only the client group keeps them. Later JDKs get the
  # plain product flag.
  if [ "$1" -eq 25 ] && [ "${3:-all}" != client ]; then
    echo "-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput=$2"
  else echo "-XX:AOTCacheOutput=$2"; fi
}

weft_aot_use_flags() { # prints the JVM flags that run with cache $2 under JDK major $1
  weft_aot_use_flags_r "$@"
  [ -z "$REPLY" ] || echo "$REPLY"
}

weft_aot_use_flags_r() { # sets REPLY to what weft_aot_use_flags prints
  local quiet="-Xlog:cds*=off" # keeps the JVM's cache messages (a mismatch, a skipped class) from users
  if [ "$1" -ge 24 ]; then quiet="-Xlog:aot*=off,cds*=off"; fi
  weft_aot_kind_r "$1"
  case "$REPLY" in
    aot | aot2) REPLY="-XX:AOTCache=$2 $quiet" ;;
    cds) REPLY="-XX:SharedArchiveFile=$2 $quiet" ;;
    *) REPLY="" ;;
  esac
}

weft_aot_build() { # java $1 (JDK major $2) records cache $4 (group $5) for jar $3 from 'weft train'; non-zero on failure
  local java="$1" major="$2" jar="$3" cache="$4" tmp log status=0 limit=() train=(train --for "${5:-all}")
  tmp="$(mktemp "${cache%.*}.XXXXXX.tmp")" || return 1
  log="${cache%.*}.log"
  command -v timeout >/dev/null 2>&1 && limit=(timeout 120)
  rm -f "$tmp" # the JVM writes the file itself; mktemp only reserved a unique name in the jar's folder
  case "$(weft_aot_kind "$major")" in
    aot) # shellcheck disable=SC2046 # the flags are words without spaces (weft_aot_file makes sure)
         "${limit[@]}" "$java" $(weft_aot_record_flags "$major" "$tmp" "${5:-all}") -jar "$jar" "${train[@]}" >"$log" 2>&1 || status=$? ;;
    aot2) { "${limit[@]}" "$java" -XX:AOTMode=record -XX:AOTConfiguration="$tmp.conf" -jar "$jar" "${train[@]}" \
              && "${limit[@]}" "$java" -XX:AOTMode=create -XX:AOTConfiguration="$tmp.conf" -XX:AOTCache="$tmp" \
                   -cp "$jar"; } >"$log" 2>&1 || status=$?
          rm -f "$tmp.conf" ;;
    cds) "${limit[@]}" "$java" -XX:ArchiveClassesAtExit="$tmp" -jar "$jar" "${train[@]}" >"$log" 2>&1 || status=$? ;;
    *) status=1 ;;
  esac
  if [ "$status" -eq 0 ] && [ -s "$tmp" ] && mv -f "$tmp" "$cache"; then
    rm -f "$log"
    return 0
  fi
  rm -f "$tmp"
  return 1
}

weft_aot_prepare() { # makes sure cache $2 (all, client, copy) for jar $1 is current (JAVA_HOME's JDK); prints its flags
  weft_aot_prepare_r "$@"
  [ -z "$REPLY" ] || echo "$REPLY"
}

weft_aot_prepare_r() { # weft_aot_prepare, setting REPLY to the flags instead of printing them
  local jar="$1" group="${2:-all}" cache major what="start-up cache"
  REPLY=""
  [ "${WEFT_AOT:-on}" = off ] && return 0
  weft_aot_file_r "$jar" "$JAVA_HOME" "$group"; cache="$REPLY"
  if [ "$group" != all ]; then what="start-up cache for '$group' commands"; fi
  [ -n "$cache" ] || return 0
  weft_java_major_r "$JAVA_HOME/bin/java"; major="$REPLY"
  REPLY=""
  if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ]; then
    # a failed training is reported once per jar: its marker is newer than the jar until the jar is rebuilt
    if [ -f "$cache.failed" ] && ! [ "$jar" -nt "$cache.failed" ]; then
      return 0
    fi
    echo "preparing weft's $what (once per build)..." >&2
    if ! weft_aot_build "$JAVA_HOME/bin/java" "$major" "$jar" "$cache" "$group"; then
      rm -f "$cache"
      touch "$cache.failed"
      echo "weft: could not prepare the $what (see ${cache%.*}.log); running without it." >&2
      REPLY=""
      return 0
    fi
    rm -f "$cache.failed"
  fi
  weft_aot_use_flags_r "$major" "$cache"
}

weft_aot_prepare_later() { # weft_aot_prepare for a user's command: a current cache's flags at once; a missing or stale
  # one is recorded in the background (once, whoever comes first) and this run goes without it, instead of making the
  # user wait ~10 s for a training run. WEFT_AOT_WAIT=1 waits as before (benchmarks, which must time the cache).
  weft_aot_prepare_later_r "$@"
  [ -z "$REPLY" ] || echo "$REPLY"
}

weft_aot_prepare_later_r() { # weft_aot_prepare_later, setting REPLY to the flags instead of printing them
  local jar="$1" group="${2:-all}" cache
  REPLY=""
  [ "${WEFT_AOT:-on}" = off ] && return 0
  if [ "${WEFT_AOT_WAIT:-0}" = 1 ]; then
    weft_aot_prepare_r "$jar" "$group"
    return 0
  fi
  weft_aot_file_r "$jar" "$JAVA_HOME" "$group"; cache="$REPLY"
  REPLY=""
  [ -n "$cache" ] || return 0
  if [ -f "$cache" ] && ! [ "$jar" -nt "$cache" ]; then
    weft_aot_prepare_r "$jar" "$group"
    return 0
  fi
  # a recording killed half-way leaves its lock: after 5 minutes it no longer counts
  find "$cache.recording" -maxdepth 0 -mmin +5 -exec rm -rf {} + 2>/dev/null || true
  if mkdir "$cache.recording" 2>/dev/null; then
    (weft_aot_prepare "$jar" "$group" >/dev/null 2>&1; rm -rf "$cache.recording") </dev/null >/dev/null 2>&1 &
  fi
  return 0
}
