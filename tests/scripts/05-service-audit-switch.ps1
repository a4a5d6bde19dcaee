# Per-service audit: which certificate serves each service, described with switch.
New-ExchangeCertificate -DomainName mail.contoso.com -Services IIS -Force | Out-Null
foreach ($cert in Get-ExchangeCertificate) {
    foreach ($svc in ($cert.Services.ToString() -split ',\s*')) {
        switch ($svc) {
            'SMTP' { "$($cert.Thumbprint.Substring(0,8)) secures mail transport" }
            'IIS'  { "$($cert.Thumbprint.Substring(0,8)) secures Outlook Web Access" }
            { $_ -in 'POP', 'IMAP' } { "$($cert.Thumbprint.Substring(0,8)) secures client access ($_)" }
            default { "$($cert.Thumbprint.Substring(0,8)) has service $_" }
        }
    }
}
