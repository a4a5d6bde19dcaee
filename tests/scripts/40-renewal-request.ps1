# Renewal through a CA: a new request cloned from the current certificate, checked with openssl
# before it is sent.
$req = Join-Path $work 'renew.req'
$cur = New-ExchangeCertificate -DomainName mail.contoso.com, autodiscover.contoso.com -Services SMTP -Force
$cur | New-ExchangeCertificate -GenerateRequest -Path $req -Force | Out-Null
Test-Path $req
openssl req -in $req -noout -subject 2>$null
openssl req -in $req -noout -verify 2>&1 | ForEach-Object { "$_" }
Get-ExchangeCertificate | Where-Object Status -eq 'PendingRequest' | Format-List Subject, CertificateDomains, Status
