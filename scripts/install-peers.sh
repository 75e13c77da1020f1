#!/usr/bin/env bash
# Installs Debian packages non-interactively; inn2 needs a domain in inn.conf when the host has none.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
for pkg in "$@"; do
  if [ "$pkg" = inn2 ]; then
    mkdir -p /etc/news
    if [ ! -f /etc/news/inn.conf ] || ! grep -q '^domain:' /etc/news/inn.conf; then
      echo "domain: test.invalid" >> /etc/news/inn.conf
    fi
    apt-get install -y -qq -o Dpkg::Options::=--force-confold inn2 >/dev/null || echo "warning: could not install inn2" >&2
  else
    apt-get install -y -qq "$pkg" >/dev/null || echo "warning: could not install $pkg" >&2
  fi
done
