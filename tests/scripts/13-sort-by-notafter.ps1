# Sort-Object by NotAfter with several lifetimes, newest first and oldest first.
foreach ($n in 1..3) {
    New-ExchangeCertificate -DomainName "host$n.contoso.com" -Services None -Force | Out-Null
}
Get-ExchangeCertificate | Sort-Object NotAfter, Subject | Select-Object -First 2 | ForEach-Object { $_.Subject }
Get-ExchangeCertificate | Sort-Object @{e={$_.Subject}; Descending=$true} | Select-Object -ExpandProperty Subject
$first = Get-ExchangeCertificate | Sort-Object NotBefore | Select-Object -Last 1
$first.NotBefore -le $first.NotAfter
