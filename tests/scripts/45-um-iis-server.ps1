# Server facts and UM/IIS bindings: Get-ExchangeServer, Set-UMServer, Enable for IIS and UM.
Get-ExchangeServer | Format-List Name, Fqdn, ServerRole
$c = New-ExchangeCertificate -DomainName um.contoso.com, EXCH01.contoso.com -Services None -Force
Set-UMServer -Identity EXCH01 -UMStartupMode TLS
Enable-ExchangeCertificate -Thumbprint $c.Thumbprint -Services UM, IIS -Force
(Get-ExchangeCertificate -Thumbprint $c.Thumbprint).Services
Get-ExchangeCertificate | Where-Object { $_.Services -match 'UM' } | ForEach-Object Subject
