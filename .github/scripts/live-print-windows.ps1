# Live print-queue check on a hosted Windows runner (never run on our Linux machines): a local
# printer on the NUL port gets a paused queue, the employee's printer fix runs through the CLI,
# and the result is judged with Get-Printer, not with Firstline's own code.
$ErrorActionPreference = 'Stop'
$name = 'Firstline CI printer'
$driver = (Get-PrinterDriver | Where-Object { $_.Name -eq 'Microsoft Print To PDF' } | Select-Object -First 1).Name
if (-not $driver) { $driver = (Get-PrinterDriver | Select-Object -First 1).Name }
Add-Printer -Name $name -DriverName $driver -PortName 'NUL:'
# Pause the queue the way an employee finds it (PrinterStatus Paused).
(Get-CimInstance Win32_Printer -Filter "Name='$name'") | Invoke-CimMethod -MethodName Pause | Out-Null
npm run --silent firstline -- run printer-queue --json --yes | Tee-Object -FilePath run.ndjson
$status = (Get-Printer -Name $name).PrinterStatus
Write-Output "PrinterStatus after the fix: $status"
if ("$status" -eq 'Paused') { throw 'queue still paused' }
if (-not (Select-String -Path run.ndjson -Pattern '"type":"run-finished"' -Quiet)) { throw 'no run-finished event' }
Write-Output 'live print queue on Windows: repaired and judged by Get-Printer'
