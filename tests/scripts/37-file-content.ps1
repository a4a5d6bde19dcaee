# File content cmdlets on an audit log: Set/Add/Get-Content, Out-File -Append, Test-Path,
# Split-Path and Get-ChildItem on the work directory.
$log = Join-Path $work 'certs.log'
Set-Content -Path $log -Value 'line 1'
Add-Content -Path $log -Value 'line 2', 'line 3'
Get-ExchangeCertificate | ForEach-Object Subject | Out-File -FilePath $log -Append
Get-Content $log
Get-Content $log -TotalCount 2
(Get-Content $log | Measure-Object -Line).Lines
Split-Path $log -Leaf
Test-Path (Join-Path $work 'missing.log')
Get-ChildItem $work | ForEach-Object Name
Get-Content (Join-Path $work 'missing.log') -ErrorAction SilentlyContinue
"missing read ok: $?"
