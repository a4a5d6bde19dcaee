# Bulk enablement: one certificate per host name, each enabled for a service from a table.
$plan = [ordered]@{
    'pop.contoso.com'  = 'POP'
    'imap.contoso.com' = 'IMAP'
    'smtp.contoso.com' = 'SMTP'
}
foreach ($name in $plan.Keys) {
    $cert = New-ExchangeCertificate -DomainName $name -Services None -Force
    Enable-ExchangeCertificate -Thumbprint $cert.Thumbprint -Services $plan[$name] -Force
    Write-Host ("{0,-18} -> {1}" -f $name, $plan[$name])
}
Get-ExchangeCertificate | Sort-Object Subject | Format-Table Subject, Services -AutoSize
