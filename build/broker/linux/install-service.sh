#!/bin/sh
# Puts the elevation broker's systemd unit in place and starts it. Called by the deb/rpm
# after-install script; FIRSTLINE_ROOT installs into another root (tests, image builders) and then
# never touches the running system.
set -eu
root="${FIRSTLINE_ROOT:-}"
app="${FIRSTLINE_APP_DIR:-/opt/Firstline}"
install -d -m 0755 "$root/etc/systemd/system"
install -m 0644 "$root$app/resources/broker/firstline-broker.service" "$root/etc/systemd/system/firstline-broker.service"
install -d -m 0750 "$root/var/log/firstline"
chmod 0755 "$root$app/resources/broker/firstline-broker" 2>/dev/null || true
if [ -z "$root" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  systemctl daemon-reload
  systemctl enable --now firstline-broker.service || echo "firstline: the elevation broker service did not start; see journalctl -u firstline-broker" >&2
fi
