#!/bin/sh
# Unattended, idempotent install of what the guided fixes' live tests need
# (test/integration/fixes): a real CUPS scheduler and its client tools for the printer-queue
# tests (each test starts its own private cupsd on 127.0.0.1; the system service is not used),
# procps for pgrep/kill in the Teams tests, iproute2 for the network read-outs, and PulseAudio with
# pactl for the sound-mic tests (each test starts its own daemon with null sinks as an unprivileged user).
# Nothing here talks to anything but the Debian mirror.
set -eu
pkgs="cups cups-client cups-bsd procps iproute2 pulseaudio pulseaudio-utils"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "install-fixes: already installed: $pkgs"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show cups >/dev/null 2>&1; then apt-get update -q; fi
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
# The package starts the system cupsd; the tests never use it, so stop it where systemd runs.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet cups 2>/dev/null; then systemctl stop cups || true; fi
echo "install-fixes: installed:$missing"
