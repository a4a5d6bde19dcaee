# Exchange services audit: which services run, restarting transport after a certificate change.
Get-Service | Where-Object { $_.Name -like 'MSExchange*' } | Sort-Object Name | Format-Table Name, Status -AutoSize
$c = New-ExchangeCertificate -DomainName EXCH01.contoso.com -Services None -Force
Enable-ExchangeCertificate -Thumbprint $c.Thumbprint -Services SMTP -Force
Stop-Service MSExchangeTransport
(Get-Service MSExchangeTransport).Status
Start-Service MSExchangeTransport
(Get-Service MSExchangeTransport).Status
Get-Service NoSuchService -ErrorAction SilentlyContinue
"lookup of an unknown service: $?"
