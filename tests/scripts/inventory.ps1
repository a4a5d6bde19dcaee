# An administrator's certificate inventory on a fresh server: the default certificate, a new
# SMTP certificate, then reports through the built-in cmdlets.
Add-PSSnapin Microsoft.Exchange.Management.PowerShell.Admin
$new = New-ExchangeCertificate -DomainName mail.contoso.com, autodiscover.contoso.com -Services SMTP -Force
$all = @(Get-ExchangeCertificate)
"certificates: $($all.Count)"
Get-ExchangeCertificate | Sort-Object NotAfter -Descending | Select-Object Thumbprint, Services, NotAfter | Format-Table -AutoSize
Get-ExchangeCertificate | Where-Object { $_.Services -match 'SMTP' } | ForEach-Object { $_.CertificateDomains } | Sort-Object -Unique
Get-ExchangeCertificate | Group-Object { $_.IsSelfSigned } | Select-Object Count, Name
Get-ExchangeCertificate $new.Thumbprint | Select-Object Subject, @{n='Days'; e={ ($_.NotAfter - (Get-Date)).Days }} | ConvertTo-Json
Get-ExchangeCertificate | Measure-Object | ForEach-Object Count
