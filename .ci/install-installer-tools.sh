#!/bin/sh
# Unattended, idempotent install of the tools that check the Windows installer pieces on Linux
# (test/unit/build/broker-windows-install.test.ts): makensis compiles the broker's NSIS include with
# warnings as errors, Mono's mcs compiles the C# service host against System.ServiceProcess.
# Without them those two tests skip and print why. Only the Debian mirror is contacted.
set -eu
pkgs="nsis mono-mcs libmono-system-serviceprocess4.0-cil"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "install-installer-tools: already installed: $pkgs"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show nsis >/dev/null 2>&1; then apt-get update -q; fi
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
echo "install-installer-tools: installed:$missing"
