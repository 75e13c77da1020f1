#!/usr/bin/env bash
# Installs Debian packages non-interactively.
# inn2's post-install needs a domain in /etc/news/inn.conf when the host name has none: the package's own
# inn.conf is installed first (a pre-made inn.conf would be kept whole and lack every other setting),
# then the domain is added and the configuration step run again.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null

install_inn2() {
  local conf=/etc/news/inn.conf
  # An inn.conf holding only a domain line (left by an older version of this script) hides the package's own.
  if [ -f "$conf" ] && ! grep -q '^pathnews:' "$conf"; then rm -f "$conf"; fi
  apt-get install -y -qq -o Dpkg::Options::=--force-confnew inn2 >/dev/null 2>&1 || true
  if [ ! -f "$conf" ] || ! grep -q '^pathnews:' "$conf"; then
    [ -f "$conf.dpkg-dist" ] && cp "$conf.dpkg-dist" "$conf"
  fi
  if [ -f "$conf" ] && ! grep -q '^domain:' "$conf"; then
    echo "domain: test.invalid" >> "$conf"
  fi
  dpkg --configure -a >/dev/null 2>&1 || true
  [ -x /usr/lib/news/bin/innd ] && dpkg -s inn2 2>/dev/null | grep -q '^Status: install ok installed' \
    || echo "warning: could not install inn2" >&2
}

for pkg in "$@"; do
  if [ "$pkg" = inn2 ]; then
    install_inn2
  else
    apt-get install -y -qq "$pkg" >/dev/null || echo "warning: could not install $pkg" >&2
  fi
done
