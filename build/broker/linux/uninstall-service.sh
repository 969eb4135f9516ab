#!/bin/sh
# Stops and removes the elevation broker on package removal (not on upgrade). The audit log in
# /var/log/firstline is kept: it is a record for the administrator, removed by hand or by purge.
set -eu
root="${FIRSTLINE_ROOT:-}"
case "${1:-remove}" in
  upgrade|1|2) exit 0 ;;
esac
if [ -z "$root" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  systemctl disable --now firstline-broker.service || true
fi
rm -f "$root/etc/systemd/system/firstline-broker.service"
rm -rf "$root/run/firstline"
if [ "${1:-remove}" = purge ]; then rm -rf "$root/var/log/firstline"; fi
if [ -z "$root" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  systemctl daemon-reload || true
fi
