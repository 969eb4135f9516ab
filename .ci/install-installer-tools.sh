#!/bin/sh
# Unattended, idempotent install of the tools that check the Windows installer pieces on Linux
# (test/unit/build/broker-windows-install.test.ts): makensis compiles the broker's NSIS include with
# warnings as errors, Mono's mcs compiles the C# service host against System.ServiceProcess.
# Without them those two tests skip and print why. Only the Debian mirror is contacted.
set -eu
. "$(dirname "$0")/apt-ensure.sh"
apt_ensure install-installer-tools nsis mono-mcs libmono-system-serviceprocess4.0-cil
