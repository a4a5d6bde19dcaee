# A fixed-width text report with the -f operator: alignment, padding, number formats.
New-ExchangeCertificate -DomainName a.contoso.com -Services None -KeySize 1024 -Force | Out-Null
"{0,-30} {1,6} {2,10}" -f 'Subject', 'Bits', 'Days'
"{0,-30} {1,6} {2,10}" -f ('-' * 30), ('-' * 6), ('-' * 10)
foreach ($c in Get-ExchangeCertificate | Sort-Object Subject) {
    "{0,-30} {1,6} {2,10:N1}" -f $c.Subject, $c.PublicKeySize, ($c.NotAfter - (Get-Date)).TotalDays
}
"{0:P0} of certificates are self-signed" -f (@(Get-ExchangeCertificate | Where-Object IsSelfSigned).Count / @(Get-ExchangeCertificate).Count)
"{0:yyyy-MM-dd HH:mm} report time" -f (Get-Date)
