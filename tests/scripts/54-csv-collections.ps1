# Collections in CSV: Export-Csv writes a collection property as its .NET type name, as Windows
# PowerShell does; the usual fix is a calculated property that joins the values.
$csv = Join-Path $work 'domains.csv'
New-ExchangeCertificate -DomainName mail.contoso.com, autodiscover.contoso.com -Services None | Out-Null
$c = Get-ExchangeCertificate -DomainName autodiscover.contoso.com
$c | Select-Object Thumbprint, CertificateDomains | ConvertTo-Csv -NoTypeInformation | Select-Object -Skip 1 | ForEach-Object { ($_ -split ',')[1] }
$c | Select-Object Thumbprint, @{n='CertificateDomains'; e={ $_.CertificateDomains -join ';' }} |
    Export-Csv -Path $csv -NoTypeInformation
$row = Import-Csv -Path $csv
$row.CertificateDomains
($row.CertificateDomains -split ';').Count
