# Exchange cmdlets chained by pipeline: certificates bind to Enable-/Remove-ExchangeCertificate
# by property name, thumbprint strings by value; Get-Command lists the certificate cmdlets.
$n = New-ExchangeCertificate -DomainName x.contoso.com -Services None -Force
Get-ExchangeCertificate | Where-Object { $_.Subject -eq 'CN=x.contoso.com' } | Enable-ExchangeCertificate -Services IIS
(Get-ExchangeCertificate $n.Thumbprint).Services
Get-ExchangeCertificate -DomainName x.contoso.com | ForEach-Object Thumbprint | Remove-ExchangeCertificate -Confirm:$false
@(Get-ExchangeCertificate).Count
$t = Get-ExchangeCertificate | Select-Object -ExpandProperty Thumbprint
"$($t.GetType().Name) of length $($t.Length)"
Get-ExchangeCertificate | ForEach-Object { $_.Thumbprint } | Out-File (Join-Path $work 't.txt')
(Get-Content (Join-Path $work 't.txt')).Length
Get-Command -Noun ExchangeCertificate | ForEach-Object Name
