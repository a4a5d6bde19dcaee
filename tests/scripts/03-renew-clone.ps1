# Renewal by cloning: a new self-signed certificate from an existing one, enabled for the same
# services, then the old one removed.
$old = Get-ExchangeCertificate | Where-Object { $_.Services -match 'SMTP' } | Select-Object -First 1
"old: $($old.Subject) until $($old.NotAfter.ToString('yyyy-MM-dd'))"
$new = $old | New-ExchangeCertificate -Force
"new: $($new.Subject) until $($new.NotAfter.ToString('yyyy-MM-dd'))"
$new.CertificateDomains -join ', '
Enable-ExchangeCertificate -Thumbprint $new.Thumbprint -Services $old.Services -Force
Remove-ExchangeCertificate -Thumbprint $old.Thumbprint -Confirm:$false
@(Get-ExchangeCertificate).Count
(Get-ExchangeCertificate).Services
