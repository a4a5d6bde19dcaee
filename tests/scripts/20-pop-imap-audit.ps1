# POP3 and IMAP4 settings audit: the configured certificate name against the certificate chosen.
Set-POPSettings -X509CertificateName pop.contoso.com
Set-IMAPSettings -X509CertificateName imap.contoso.com
New-ExchangeCertificate -DomainName pop.contoso.com -Services POP -Force | Out-Null
$audit = foreach ($proto in 'POP', 'IMAP') {
    $settings = if ($proto -eq 'POP') { Get-POPSettings } else { Get-IMAPSettings }
    $match = Get-ExchangeCertificate | Where-Object { $_.CertificateDomains -contains $settings.X509CertificateName }
    [pscustomobject]@{
        Protocol = $proto
        Name     = $settings.X509CertificateName
        Login    = $settings.LoginType
        Found    = [bool]$match
    }
}
$audit | Format-Table -AutoSize
$audit | Where-Object { -not $_.Found } | ForEach-Object { Write-Warning "$($_.Protocol): no certificate for $($_.Name)" }
