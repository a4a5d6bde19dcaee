# Splatting a hashtable of parameters into New-ExchangeCertificate and Format-Table.
$params = @{
    DomainName = 'mail.contoso.com', 'autodiscover.contoso.com', 'legacy.contoso.com'
    Services   = 'SMTP'
    KeySize    = 2048
    Force      = $true
}
$cert = New-ExchangeCertificate @params
$view = @{ Property = 'Subject', 'Services', 'IsSelfSigned'; AutoSize = $true }
Get-ExchangeCertificate -Thumbprint $cert.Thumbprint | Format-Table @view
$cert.CertificateDomains | ForEach-Object { $_.ToUpper() }
