# Sourced by ./weft and ./run-tests: exports JAVA_HOME pointing at a JDK >= 21 (its major version in WEFT_JAVA_MAJOR).
# Functions ending in _r set REPLY instead of printing: the launcher calls them without a subshell (a fork each).
# JAVA_HOME wins when it is suitable; otherwise the newest suitable JDK under /usr/lib/jvm.

weft_release() { # sets REPLY to the value of key $2 in the JDK release file $1 (empty if none); bash builtins only
  local line
  REPLY=""
  [ -r "$1" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in "$2="*) line="${line#*=}"; line="${line#\"}"; REPLY="${line%\"}"; return 0 ;; esac
  done <"$1"
}

weft_java_major_r() { # sets REPLY to the major version of the java binary $1, or to nothing (no subshell)
  local release="${1%/bin/java}/release" version
  if [ -r "$release" ]; then # a JDK's release file says its version without starting a JVM (or any process)
    weft_release "$release" JAVA_VERSION
    version="${REPLY#1.}"
    REPLY="${version%%[!0-9]*}"
  else
    REPLY="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)"
  fi
}

weft_find_jdk() {
  local best="" best_major=0 candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    weft_java_major_r "$JAVA_HOME/bin/java"; major="$REPLY"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then WEFT_JAVA_MAJOR="$major"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    weft_java_major_r "$candidate/bin/java"; major="$REPLY"
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "weft: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm/*)." >&2
    echo "weft: install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  WEFT_JAVA_MAJOR="$best_major"
}
