#!/bin/sh
# Unattended, idempotent install of what the guided fixes' live tests need
# (test/integration/fixes): a real CUPS scheduler and its client tools for the printer-queue
# tests (each test starts its own private cupsd on 127.0.0.1; the system service is not used),
# procps for pgrep/kill in the Teams tests, iproute2 for the network read-outs, and PulseAudio with
# pactl for the sound-mic tests (each test starts its own daemon with null sinks as an unprivileged user).
# Nothing here talks to anything but the Debian mirror.
set -eu
. "$(dirname "$0")/apt-ensure.sh"
pkgs="cups cups-client cups-bsd procps iproute2 pulseaudio pulseaudio-utils"
apt_ensure install-fixes $pkgs
# The package starts the system cupsd; the tests never use it, so stop it where systemd runs.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet cups 2>/dev/null; then systemctl stop cups || true; fi
