#!/bin/sh
# Unattended, idempotent install of Request Tracker 5 (Debian packages) for the
# ticket integration test (test/integration/tickets/rt.test.ts).
# - debconf is preseeded so apt never prompts;
# - dbconfig-common creates the SQLite database, which we then copy to a
#   pristine template ($RT_TEMPLATE_DIR/rtdb) that each test run copies to a
#   temp dir, so tests never mutate shared state.
# Nothing here talks to anything but the Debian mirror and 127.0.0.1.
set -eu

RT_TEMPLATE_DIR="${RT_TEMPLATE_DIR:-/var/lib/firstline-rt}"
RT_ROOT_PASSWORD="${RT_ROOT_PASSWORD:-firstline-ci-root}"

installed=$(dpkg-query -W -f='${Status}\n' request-tracker5 rt5-db-sqlite rt5-standalone sqlite3 2>/dev/null | grep -c 'install ok installed' || true)
if [ "$installed" = 4 ]; then
  echo "install-rt: RT5 packages already installed"
else
  debconf-set-selections <<SEL
request-tracker5 request-tracker5/dbconfig-install boolean true
request-tracker5 request-tracker5/database-type select sqlite3
request-tracker5 request-tracker5/initial-root-password password ${RT_ROOT_PASSWORD}
request-tracker5 request-tracker5/rtname string firstline.test
request-tracker5 request-tracker5/organization string firstline.test
request-tracker5 request-tracker5/correspondaddress string rt@localhost
request-tracker5 request-tracker5/commentaddress string rt-comment@localhost
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1
request-tracker5 request-tracker5/webpath string /rt
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
SEL
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache show request-tracker5 >/dev/null 2>&1; then apt-get update -q; fi
  apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    request-tracker5 rt5-db-sqlite rt5-standalone sqlite3
fi

# Locate the SQLite DB dbconfig-common created and keep a pristine copy.
SRC_DB=""
for f in /var/lib/dbconfig-common/sqlite3/request-tracker5/rtdb /var/lib/dbconfig-common/sqlite3/request-tracker5/*; do
  if [ -f "$f" ]; then SRC_DB="$f"; break; fi
done
if [ -z "$SRC_DB" ]; then
  echo "install-rt: no SQLite database found under /var/lib/dbconfig-common/sqlite3/request-tracker5" >&2
  exit 1
fi
mkdir -p "$RT_TEMPLATE_DIR"
if [ ! -f "$RT_TEMPLATE_DIR/rtdb" ]; then
  cp "$SRC_DB" "$RT_TEMPLATE_DIR/rtdb"
fi
echo "install-rt: template database at $RT_TEMPLATE_DIR/rtdb (from $SRC_DB)"
