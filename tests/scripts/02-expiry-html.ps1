# Expiry report as an HTML page, written to a file and read back.
$now = Get-Date
$html = Join-Path $work 'report.html'
New-ExchangeCertificate -DomainName owa.contoso.com -Services None -Force | Out-Null
Get-ExchangeCertificate | Sort-Object NotAfter |
    Select-Object Subject, NotAfter, @{Name='DaysLeft'; Expression={ ($_.NotAfter - $now).Days }} |
    ConvertTo-Html -Title 'Certificate expiry' -PreContent '<h1>EXCH01</h1>' |
    Out-File $html
Test-Path $html
Get-Content $html
