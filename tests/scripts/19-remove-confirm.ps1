# Removing every certificate with no service except the newest, without prompts.
foreach ($n in 1..3) { New-ExchangeCertificate -DomainName "old$n.contoso.com" -Services None -Force | Out-Null }
$unused = @(Get-ExchangeCertificate | Where-Object { $_.Services -eq 'None' })
"unused: $($unused.Count)"
$unused | Sort-Object Subject | Select-Object -First 2 | ForEach-Object {
    Remove-ExchangeCertificate -Thumbprint $_.Thumbprint -Confirm:$false
    "removed $($_.Subject)"
}
Get-ExchangeCertificate | Sort-Object Subject | ForEach-Object { $_.Subject }
Remove-ExchangeCertificate -Thumbprint (Get-ExchangeCertificate | Where-Object Subject -eq 'CN=old3.contoso.com').Thumbprint -WhatIf
@(Get-ExchangeCertificate).Count
