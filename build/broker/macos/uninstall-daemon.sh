#!/bin/sh
# Removes the elevation broker launch daemon (run with sudo before deleting Firstline.app).
set -eu
root="${FIRSTLINE_ROOT:-}"
if [ -z "$root" ]; then launchctl bootout system/com.firstline.broker 2>/dev/null || true; fi
rm -f "$root/Library/LaunchDaemons/com.firstline.broker.plist"
rm -rf "$root/var/run/firstline"
