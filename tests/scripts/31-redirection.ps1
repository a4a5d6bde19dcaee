# Redirection: > and >> into files, 2>&1 into the pipeline, 2>$null to drop errors.
$log = Join-Path $work 'audit.log'
'audit start' > $log
Get-ExchangeCertificate | ForEach-Object { "cert $($_.Subject)" } >> $log
Get-ExchangeCertificate -Thumbprint 1111111111111111111111111111111111111111 2>$null
"dropped error, status: $?"
$both = Get-ExchangeCertificate -Thumbprint 2222222222222222222222222222222222222222 2>&1
"captured: $($both.GetType().Name)"
'audit end' >> $log
Get-Content $log
(Get-Content $log).Count
