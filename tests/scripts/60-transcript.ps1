# A scheduled report keeps a transcript of what it did: output, warnings and errors go to the
# log file between PowerShell's header and footer.
$log = Join-Path $work 'report.log'
Start-Transcript -Path $log | Out-Null
'Checking certificates'
Get-ExchangeCertificate | Format-Table Thumbprint, Services -AutoSize
Write-Warning 'one certificate is self-signed'
Get-ExchangeCertificate -Thumbprint 0000000000000000000000000000000000000000
Stop-Transcript | Out-Null
$lines = Get-Content $log
$lines | Select-String 'transcript (start|end)|^Start time|^End time' | ForEach-Object Line
$lines | Select-String 'Checking|WARNING|FullyQualifiedErrorId' | ForEach-Object Line
($lines | Select-String '^[0-9A-F]{40}').Count
Stop-Transcript
