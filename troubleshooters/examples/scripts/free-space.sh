#!/bin/sh
# Prints {"freePercent": N} for the file system holding the user's home folder. Read-only.
set -eu
used=$(df -P "${HOME:-/}" | awk 'NR==2 { sub("%", "", $5); print $5 }')
printf '{"freePercent": %s}\n' "$((100 - used))"
