# Where-Object simplified syntax with several comparison operators.
New-ExchangeCertificate -DomainName mail.contoso.com -Services SMTP -KeySize 1024 -Force | Out-Null
New-ExchangeCertificate -DomainName web.contoso.com -Services IIS -Force | Out-Null
Get-ExchangeCertificate | Where-Object PublicKeySize -eq 1024 | ForEach-Object Subject
Get-ExchangeCertificate | Where-Object Subject -like '*web*' | ForEach-Object Subject
Get-ExchangeCertificate | Where-Object Services -match 'IIS' | ForEach-Object Subject
Get-ExchangeCertificate | Where-Object IsSelfSigned | Measure-Object | Select-Object -ExpandProperty Count
Get-ExchangeCertificate | Where-Object CertificateDomains -contains 'EXCH01' | ForEach-Object Subject
Get-ExchangeCertificate | ? Subject -notlike 'CN=EXCH*' | % Subject
