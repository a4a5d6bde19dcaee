# Resolve-ExchangeCertificate for each service: which certificate the server would choose, shown
# by subject.
New-ExchangeCertificate -DomainName mail.contoso.com, EXCH01.contoso.com -Services 'IIS, SMTP' -Force | Out-Null
$subjects = @{}
Get-ExchangeCertificate | ForEach-Object { $subjects[$_.Thumbprint] = $_.Subject }
foreach ($svc in 'SMTP', 'POP', 'IMAP', 'IIS') {
    foreach ($r in @(Resolve-ExchangeCertificate -Service $svc)) {
        $who = if ($r.Thumbprint) { $subjects[$r.Thumbprint] } else { '(none)' }
        '{0,-5} {1,-15} {2,-9} {3}' -f $svc, $r.Connector, $r.Outcome, $who
    }
}
Resolve-ExchangeCertificate -Service POP3
