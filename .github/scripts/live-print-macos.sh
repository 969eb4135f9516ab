#!/bin/sh
# Live print-queue check on a hosted macOS runner (never run on our Linux machines): a local queue
# that prints to /dev/null is disabled and set to reject jobs, the employee's printer fix runs
# through the CLI, and the queue state is then judged with lpstat, not with Firstline's own code.
set -eu
queue=FirstlineCI
sudo cupsctl FileDevice=Yes
sudo lpadmin -p "$queue" -E -v file:///dev/null -D "Firstline CI printer"
sudo cupsdisable "$queue"
sudo cupsreject "$queue"
npm run --silent firstline -- run printer-queue --json --yes > run.ndjson || true
tail -n 3 run.ndjson
lpstat -p "$queue" | grep -q 'enabled' || { echo "queue still disabled"; exit 1; }
lpstat -a "$queue" | grep -q 'accepting requests' || { echo "queue still rejecting"; exit 1; }
grep -q '"type":"run-finished"' run.ndjson
echo "live print queue on macOS: repaired and judged by lpstat"
