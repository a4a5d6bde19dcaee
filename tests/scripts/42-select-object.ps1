# Select-Object shapes used in reports: -ExpandProperty, -Unique, -Skip, -Last, -First, *,
# -ExcludeProperty and calculated properties with both key spellings.
New-ExchangeCertificate -DomainName a.contoso.com, b.contoso.com -Services SMTP -Force | Out-Null
New-ExchangeCertificate -DomainName c.contoso.com -Services SMTP -Force | Out-Null
Get-ExchangeCertificate | Select-Object -ExpandProperty CertificateDomains | Sort-Object
Get-ExchangeCertificate | ForEach-Object { "$($_.Services)" } | Select-Object -Unique
Get-ExchangeCertificate | Sort-Object Subject | Select-Object -Skip 1 -First 1 | ForEach-Object Subject
Get-ExchangeCertificate | Sort-Object Subject | Select-Object -Last 1 | ForEach-Object Subject
Get-ExchangeCertificate | Sort-Object Subject | Select-Object @{Label='Name'; Expression={ $_.Subject.Substring(3) }}, @{n='Names'; e={ $_.CertificateDomains.Count }}
[pscustomobject]@{ A = 1; B = 2; C = 3 } | Select-Object * -ExcludeProperty B | Format-Table
