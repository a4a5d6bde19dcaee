# Request -> openssl signs it with a company CA -> import the CA as a trusted root -> import the
# answer and enable it. openssl dates certificates from the wall clock, so only stable facts are
# shown.
$req = Join-Path $work 'mail.req'
$ca = Join-Path $work 'ca'
$answer = Join-Path $work 'mail.cer'
New-ExchangeCertificate -GenerateRequest -SubjectName 'c=US, o=Contoso, cn=mail.contoso.com' -DomainName mail.contoso.com -Path $req -Force | Out-Null
(Get-Content $req)[0]
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$ca.key" -out "$ca.crt" -subj '/CN=Contoso Test CA' -days 30 2>$null
"openssl exit: $LASTEXITCODE"
$signed = openssl x509 -req -in $req -CA "$ca.crt" -CAkey "$ca.key" -set_serial 1000 -days 30 -out $answer 2>&1
"sign exit: $LASTEXITCODE, messages: $(@($signed).Count)"
try {
    Import-ExchangeCertificate -Path $answer -ErrorAction Stop | Out-Null
} catch {
    "before trusting the CA: $($_.FullyQualifiedErrorId)"
}
Import-Certificate -FilePath "$ca.crt" -CertStoreLocation Cert:\LocalMachine\Root | Out-Null
$cert = Import-ExchangeCertificate -Path $answer
$cert | Format-List Subject, Issuer, HasPrivateKey, IsSelfSigned, CertificateDomains
@(Get-ExchangeCertificate | Where-Object Status -eq 'PendingRequest').Count
$cert | Enable-ExchangeCertificate -Services POP, IMAP
(Get-ExchangeCertificate -Thumbprint $cert.Thumbprint).Services
