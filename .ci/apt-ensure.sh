#!/bin/sh
# Sourced by .ci/install-*.sh: apt_ensure <label> <package>... installs the packages not yet
# installed (unattended, no recommends), running `apt-get update` only when apt does not know the
# first one yet. Prints what it did under <label>. Only the Debian mirror is contacted.
apt_ensure() {
  label=$1
  shift
  missing=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
  done
  if [ -z "$missing" ]; then
    echo "$label: already installed: $*"
    return 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache show "$1" >/dev/null 2>&1; then apt-get update -q; fi
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
  echo "$label: installed:$missing"
}
