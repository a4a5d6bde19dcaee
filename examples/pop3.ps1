# The POP3 walk-through of "Certificate Use in Exchange Server 2007" (seed: §Certificate Request,
# §Importing a Certificate, §Enabling a Certificate, §Validating Certificate Installation), end to
# end against a fresh store, with openssl as the outside CA; then a self-signed certificate and
# its clone (§Generating Self-Signed Certificates, §Cloning Self-Signed Certificates).
#
#   certsh -Store ./pop3.db examples/pop3.ps1 [work-directory]
#
# The work directory (default: the current one) receives the request, the CA and the issued
# certificate. openssl must be on PATH. openssl dates the issued certificate from the wall clock,
# so "now" (CERTSH_NOW, or the clock when the script starts) must not be earlier than that.

$work = '.'
if ($args.Count -gt 0) { $work = $args[0] }

# 1. The request, as the seed writes it (Base64, NEW CERTIFICATE REQUEST armour).
$request = New-ExchangeCertificate -DomainName popserver.fourthcoffee.com `
    -SubjectName "c=us,o=contoso corp, cn=popserver.fourthcoffee.com" `
    -PrivateKeyExportable:$True -GenerateRequest:$True -Path "$work/CertRequest.req" -Force
$request | Format-List Thumbprint,Status,Subject

# 2. The CA: a private root, trusted by this server, answers the request.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -quiet -out "$work/ca.key"
openssl req -x509 -new -key "$work/ca.key" -out "$work/ca.cer" -subj "/CN=Fourth Coffee Test Root" `
    -days 3650
openssl x509 -req -in "$work/CertRequest.req" -CA "$work/ca.cer" -CAkey "$work/ca.key" `
    -set_serial 4660 -days 365 -copy_extensions copy -out "$work/CertificateFile.cer" 2>$null
Import-Certificate -FilePath "$work/ca.cer" -CertStoreLocation Cert:\LocalMachine\Root

# 3. Import on the computer that made the request, and enable it for POP3 in one pipeline.
Import-ExchangeCertificate -Path "$work/CertificateFile.cer" | Enable-ExchangeCertificate -Services:"POP"

# 4. Validate: the seed's `Get-ExchangeCertificate <thumbprint> | fl`.
$thumbprint = (Get-ExchangeCertificate -DomainName popserver.fourthcoffee.com |
    Where-Object { $_.IsSelfSigned -eq $false }).Thumbprint
Get-ExchangeCertificate $thumbprint | Format-List
Get-POPSettings | Format-List X509CertificateName

# 5. A self-signed certificate for SMTP, and its clone with more services.
$self = New-ExchangeCertificate -DomainName "server1.fourthcoffee.com","server1" -Services "SMTP" -Force
$clone = Get-ExchangeCertificate $self.Thumbprint | New-ExchangeCertificate -Services SMTP,POP,IMAP -Force
"Self-signed: $($self.Thumbprint); its clone: $($clone.Thumbprint)"
Get-ExchangeCertificate
